import { beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDayOf, RANKING_COUNTS } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V04-L1-S01';
const SECRET_TEXT = '举报村干部优亲厚友';

/**
 * Finding 7 (issue #14): anonymous `GET /api/public/reports/ranking/requests?…&figure=received`
 * returned a confidential (保密) matter's id, minute of receipt, small grid and state. Public lists
 * show confidential matters only as a count (「另有保密事项 n 件」).
 */
describe(`the public board tells nothing of a confidential matter but that it exists (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let ds: DataSource;
  let townId: number;
  let grid: { id: number; parentId: number; villageId: number; largeGridId: number };
  let secretId: number;
  let plainId: number;

  const get = (path: string) => call(under.api.baseUrl, 'GET', path);
  const month = () => chinaDayOf(new Date()).slice(0, 7);

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    townId = (await unitByCode(ds, 'SG-TT')).id;
    const leader = await personWithRole(ds, 'grid_leader', GRID);
    const path = leader.unitPath.split('/').filter(Boolean).map(Number);
    grid = { id: leader.unitId, parentId: path.at(-2)!, largeGridId: path.at(-2)!, villageId: path.at(-3)! };
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '保密举报人', phone: '13700071001' }, grid.id));
    const file = async (description: string, confidential: boolean) => {
      const filed = await call(under.api.baseUrl, 'POST', '/api/requests', {
        token: villager,
        body: { clientRequestId: randomBytes(12).toString('hex'), category: 'other', description, confidential },
      });
      expect(filed.status).toBe(201);
      const accepted = await call(under.api.baseUrl, 'POST', `/api/requests/${filed.body.id}/actions/accept`, {
        token: leaderToken,
        body: { version: filed.body.version, contactMethod: 'visit' },
      });
      expect(accepted.status).toBe(200);
      return filed.body.id as number;
    };
    secretId = await file(SECRET_TEXT, true);
    plainId = await file('村口的垃圾箱满了', false);
  });

  it('lists the received matters of the grid without the confidential one, which is only counted (the attack)', async () => {
    const drill = await get(`/api/public/reports/ranking/requests?townId=${townId}&month=${month()}&unitId=${grid.id}&figure=received`);
    expect(drill.status).toBe(200);
    expect(drill.body).toMatchObject({ figure: 'received', count: 2, confidentialCount: 1 });
    expect(drill.body.requests.map((r: { requestId: number }) => r.requestId)).toEqual([plainId]);
    expect(drill.body.requests[0]).not.toHaveProperty('confidential');
  });

  it('leaves it out of every figure at every level, and out of every other public answer', async () => {
    for (const unitId of [grid.id, grid.largeGridId, grid.villageId]) {
      for (const figure of RANKING_COUNTS) {
        const drill = await get(`/api/public/reports/ranking/requests?townId=${townId}&month=${month()}&unitId=${unitId}&figure=${figure}`);
        expect(drill.status).toBe(200);
        const ids = drill.body.requests.map((r: { requestId: number }) => r.requestId);
        expect([unitId, figure, ids.includes(secretId)]).toEqual([unitId, figure, false]);
        expect([unitId, figure, drill.body.count]).toEqual([unitId, figure, ids.length + drill.body.confidentialCount]);
      }
    }
    const answers = await Promise.all([
      get(`/api/public/reports/ranking?townId=${townId}&month=${month()}&level=small_grid`),
      get(`/api/public/reports/unit-history?townId=${townId}&unitId=${grid.id}&month=${month()}`),
      get(`/api/public/reports/ranking/exclusions?townId=${townId}&month=${month()}&unitId=${grid.villageId}`),
      get('/api/public/towns'),
      get(`/api/public/units/${grid.parentId}/children`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(SECRET_TEXT);
    }
  });
});
