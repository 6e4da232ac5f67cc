import { beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDayOf } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestEvent } from '../../src/requests/request-event.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V02-L1-S01';

/**
 * Finding 4 (issue #14): a grid leader filed a matter in his own grid, accepted, resolved and rated
 * it 满意, and his grid showed ❤2 on the public board. Nobody rates their own work: a matter whose
 * requester handles it cannot be rated, and a verdict given by its handler never counts.
 */
describe(`nobody scores their own hearts (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let ds: DataSource;
  let townId: number;
  let gridId: number;
  let leader: string;
  let leaderId: number;
  let deputy: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    townId = (await unitByCode(ds, 'SG-TT')).id;
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    gridId = seeded.unitId;
    leaderId = seeded.personId;
    leader = await demoToken(under.api.baseUrl, leaderId);
    deputy = await tokenForRole(ds, under.api.baseUrl, 'deputy_grid_leader', GRID);
  });

  const api = (method: string, path: string, token: string | undefined, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const clientRequestId = () => randomBytes(12).toString('hex');
  const month = () => chinaDayOf(new Date()).slice(0, 7);
  const boardRow = async () => {
    const board = await api('GET', `/api/public/reports/ranking?townId=${townId}&month=${month()}&level=small_grid`, undefined);
    expect(board.status).toBe(200);
    return board.body.rows.find((r: { unitId: number }) => r.unitId === gridId);
  };
  const satisfiedBehind = async () => {
    const drill = await api('GET', `/api/public/reports/ranking/requests?townId=${townId}&month=${month()}&unitId=${gridId}&figure=satisfied`, undefined);
    expect(drill.status).toBe(200);
    return drill.body.requests.map((r: { requestId: number }) => r.requestId);
  };

  /** Accept and resolve as `token`; answers the resolved matter. */
  async function handle(id: number, token: string): Promise<any> {
    const seen = (await api('GET', `/api/requests/${id}`, token)).body;
    const accepted = await api('POST', `/api/requests/${id}/actions/accept`, token, { version: seen.version, contactMethod: 'visit', complexity: 'simple' });
    expect(accepted.status).toBe(200);
    const resolved = await api('POST', `/api/requests/${id}/actions/resolve`, token, { version: accepted.body.version, note: '已处理好' });
    expect(resolved.status).toBe(200);
    return resolved.body;
  }

  it('refuses the leader’s 满意 on a matter he filed in his own grid and resolved himself (the attack); the board shows no hearts', async () => {
    const filed = await api('POST', '/api/requests', leader, {
      clientRequestId: clientRequestId(),
      category: 'infrastructure',
      description: '巷子里的路灯坏了',
      unitId: gridId,
    });
    expect(filed.status).toBe(201);
    const resolved = await handle(filed.body.id, leader);
    expect(resolved.actions).not.toContain('rate');

    const rated = await api('POST', `/api/requests/${filed.body.id}/rating`, leader, { version: resolved.version, rating: 'satisfied' });
    expect(rated).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await ds.getRepository(RequestEvent).countBy({ requestId: filed.body.id, action: 'rate' })).toBe(0);
    expect(await boardRow()).toMatchObject({ satisfied: 0, hearts: 0 });
  });

  it('refuses it as well when his deputy resolved it, and on a patrol finding settled on the spot', async () => {
    const filed = (
      await api('POST', '/api/requests', leader, { clientRequestId: clientRequestId(), category: 'environment', description: '河边堆了垃圾', unitId: gridId })
    ).body;
    const resolved = await handle(filed.id, deputy);
    expect((await api('POST', `/api/requests/${filed.id}/rating`, leader, { version: resolved.version, rating: 'satisfied' })).status).toBe(403);

    const patrol = await api('POST', '/api/requests/patrol', leader, {
      clientRequestId: clientRequestId(),
      dutyType: 'hazard_inspector',
      category: 'safety',
      description: '电线垂得太低',
      unitId: gridId,
      settledOnSpot: true,
      result: '已当场架高',
    });
    expect(patrol.body.state).toBe('resolved');
    expect((await api('POST', `/api/requests/${patrol.body.id}/rating`, leader, { version: patrol.body.version, rating: 'satisfied' })).status).toBe(403);
    expect(await boardRow()).toMatchObject({ satisfied: 0, hearts: 0 });
  });

  it('never counts a verdict its handler gave before this rule (a timeline row from then): a villager’s counts, his does not', async () => {
    const filed = (
      await api('POST', '/api/requests', leader, { clientRequestId: clientRequestId(), category: 'social', description: '老人需要帮忙', unitId: gridId })
    ).body;
    await handle(filed.id, leader);
    // What the old code wrote for the attack: the leader's own 满意, credited to his grid.
    await ds.getRepository(RequestEvent).insert({
      requestId: filed.id,
      action: 'rate',
      fromState: 'resolved',
      toState: 'resolved',
      actorPersonId: leaderId,
      note: '满意',
      handlerUnitId: gridId,
      rating: 'satisfied',
      dueAt: null,
      public: true,
      createdAt: new Date(),
    });

    const villagerId = await addVillager(ds, { name: '评价村民', phone: '13700041001' }, gridId);
    const villager = await demoToken(under.api.baseUrl, villagerId);
    const theirs = (await api('POST', '/api/requests', villager, { clientRequestId: clientRequestId(), category: 'infrastructure', description: '井盖松了' }))
      .body;
    const resolved = await handle(theirs.id, leader);
    expect((await api('POST', `/api/requests/${theirs.id}/rating`, villager, { version: resolved.version, rating: 'satisfied' })).status).toBe(200);

    expect(await boardRow()).toMatchObject({ satisfied: 1, hearts: 2 });
    expect(await satisfiedBehind()).toEqual([theirs.id]);
  });
});
