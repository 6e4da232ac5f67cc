import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestEvent } from '../../src/requests/request-event.entity';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V02-L1-S01';

/**
 * Issue #16, "Input": text nobody can read is blank, a submission's answer names its grid as a
 * read-back does, and a stale version is a conflict (REQUEST_CONFLICT), never a wrong state.
 */
describe(`input is taken for what it shows (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let ds: DataSource;
  let gridId: number;
  let leader: string;
  let deputy: string;
  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    gridId = seeded.unitId;
    leader = await demoToken(under.api.baseUrl, seeded.personId);
    deputy = await tokenForRole(ds, under.api.baseUrl, 'deputy_grid_leader', GRID);
  });

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const clientRequestId = () => randomBytes(12).toString('hex');
  const villager = async () => {
    const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    return demoToken(under.api.baseUrl, await addVillager(ds, { name: '赵桂芳', phone }, gridId));
  };
  const submitBody = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: clientRequestId(),
    category: 'infrastructure',
    description: '村西头的水泥路塌了一个坑',
    unitId: gridId,
    ...overrides,
  });

  it('a description of only a zero-width space is refused with its field and a Chinese message; nothing saved', async () => {
    const requester = await villager();
    const body = submitBody({ description: '\u200b' });
    const res = await api('POST', '/api/requests', requester, body);
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'description' } });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await ds.getRepository(RequestEntity).countBy({ clientRequestId: body.clientRequestId })).toBe(0);
    // Format characters, variation selectors and white space of every kind, mixed: still blank.
    for (const description of ['\u2060\ufeff', ' \u200d\u3000\ufe0f\u00ad\n', '\u180e\u200c\u{e0020}']) {
      expect((await api('POST', '/api/requests', requester, submitBody({ description }))).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'description',
      });
    }
    // …and so is the name given for a villager entered on their behalf.
    const onBehalf = { ...submitBody(), requesterName: '\u200b\u200b', requesterPhone: '13655550001' };
    expect((await api('POST', '/api/requests/on-behalf', leader, onBehalf)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'requesterName' });
    expect((await api('GET', '/api/requests/mine', requester)).body).toEqual([]);
  });

  it('a result of only U+2060 and U+FEFF is no result: resolve is refused with the field, the matter stays where it was', async () => {
    const filed = (await api('POST', '/api/requests', await villager(), submitBody())).body;
    const accepted = await api('POST', `/api/requests/${filed.id}/actions/accept`, leader, { version: filed.version, contactMethod: 'visit' });
    expect(accepted.status).toBe(200);
    const resolved = await api('POST', `/api/requests/${filed.id}/actions/resolve`, leader, { version: accepted.body.version, note: '\u2060\ufeff' });
    expect(resolved).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'note' } });
    expect(resolved.body.message).toMatch(/[\u4e00-\u9fff]/);
    const after = (await api('GET', `/api/requests/${filed.id}`, leader)).body;
    expect(after).toMatchObject({ state: 'accepted', version: accepted.body.version, resultNote: null });
    expect(await ds.getRepository(RequestEvent).countBy({ requestId: filed.id, action: 'resolve' })).toBe(0);
    // A visible result wrapped in invisible characters is kept as written.
    const real = await api('POST', `/api/requests/${filed.id}/actions/resolve`, leader, { version: accepted.body.version, note: '\u200b已填平\u200b' });
    expect(real.status).toBe(200);
  });

  it('a submission’s answer and its retry name the grid that handles it, as a read-back does', async () => {
    const requester = await villager();
    const body = submitBody();
    const first = await api('POST', '/api/requests', requester, body);
    expect(first.status).toBe(201);
    const read = await api('GET', `/api/requests/${first.body.id}`, requester);
    expect(read.body.handlerUnitName).not.toBe('');
    expect(first.body.handlerUnitName).toBe(read.body.handlerUnitName);
    expect((await api('POST', '/api/requests', requester, body)).body.handlerUnitName).toBe(read.body.handlerUnitName);
  });

  it('a step on a version someone else already moved past is REQUEST_CONFLICT, whatever the state now', async () => {
    const filed = (await api('POST', '/api/requests', await villager(), submitBody())).body;
    const accepted = await api('POST', `/api/requests/${filed.id}/actions/accept`, leader, { version: filed.version, contactMethod: 'visit' });
    expect(accepted.status).toBe(200);
    // The deputy still sees version 1 (submitted): his accept lost the race.
    const late = await api('POST', `/api/requests/${filed.id}/actions/accept`, deputy, { version: filed.version, contactMethod: 'call' });
    expect(late).toMatchObject({ status: 409, body: { code: 'REQUEST_CONFLICT', field: 'version' } });
    expect(late.body.message).toMatch(/刷新/);
  });

  it('two leaders accepting the same matter at once: one 200, one 409 REQUEST_CONFLICT, one accept step', async () => {
    for (let round = 0; round < 3; round++) {
      const filed = (await api('POST', '/api/requests', await villager(), submitBody())).body;
      const answers = await Promise.all([
        api('POST', `/api/requests/${filed.id}/actions/accept`, leader, { version: filed.version, contactMethod: 'visit' }),
        api('POST', `/api/requests/${filed.id}/actions/accept`, deputy, { version: filed.version, contactMethod: 'call' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.code).toBe('REQUEST_CONFLICT');
      expect(await ds.getRepository(RequestEvent).countBy({ requestId: filed.id, action: 'accept' })).toBe(1);
    }
  });
});
