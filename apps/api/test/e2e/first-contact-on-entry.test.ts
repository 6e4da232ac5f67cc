import { beforeAll, describe, expect, it } from '@jest/globals';
import { proposedComplexity } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V04-L1-S01';

/** 代办 is the first contact: the grid leader who enters a matter with the villager beside him is not given an hour to call them. */
describe(`代办 is the first contact (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });

  let gridId: number;
  let leader: string;
  let hotline: string;
  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    gridId = (await unitByCode(ds(), GRID)).id;
    leader = await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', GRID);
    hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const labourId = (await unitByCode(ds(), 'SG-TT-D1')).id;
    expect((await api('PUT', `/api/towns/${townId}/category-routes/labour`, hotline, { departmentUnitId: labourId })).status).toBe(200);
  });

  const contactedAt = async (id: number): Promise<unknown> => (await ds().query('SELECT contactedAt AS "at" FROM request WHERE id = ?', [id]))[0].at;

  let phones = 0;
  const onBehalf = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: randomBytes(12).toString('hex'),
    unitId: gridId,
    category: 'infrastructure',
    description: '孙大爷家门口的排水沟堵了，下雨就漫进院子',
    requesterName: '孙大爷',
    requesterPhone: `1365555${String(3000 + ++phones)}`,
    ...overrides,
  });

  it('entered by the leader who handles it, with how he reached the villager: accepted at once, recorded as the first contact', async () => {
    const body = onBehalf({ contactMethod: 'visit' });
    const entered = await api('POST', '/api/requests/on-behalf', leader, body);
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ state: 'accepted', source: 'proxy', complexity: proposedComplexity('infrastructure') });
    expect(entered.body).toMatchObject({ contactLate: false, completionDueAt: expect.any(String) });
    expect(await contactedAt(entered.body.id)).not.toBeNull();
    expect(entered.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept']);
    expect(entered.body.timeline[1].note).toBe('上门走访：代办登记时已联系群众');
    // Not waiting for a first contact: nothing of it in the leader's inbox counts as 待联系.
    const inbox = (await api('GET', '/api/requests/inbox', leader)).body;
    expect(inbox.find((r: { id: number }) => r.id === entered.body.id)).toMatchObject({ state: 'accepted' });
    // The answer is the read-back, and a retry changes nothing.
    expect((await api('GET', `/api/requests/${entered.body.id}`, leader)).body).toEqual(entered.body);
    expect((await api('POST', '/api/requests/on-behalf', leader, body)).body).toEqual(entered.body);
  });

  it('without a method (an older app), routed to a department, or a call entered by hotline staff: it waits in 待联系', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['no method', leader, onBehalf()],
      ['routed to the labour office', leader, onBehalf({ category: 'labour', description: '孙大爷的工钱被拖欠了三个月', contactMethod: 'call' })],
      ['hotline staff', hotline, onBehalf({ contactMethod: 'call' })],
    ];
    for (const [what, token, body] of cases) {
      const entered = await api('POST', '/api/requests/on-behalf', token, body);
      expect({ what, status: entered.status, state: entered.body.state, contactedAt: await contactedAt(entered.body.id) }).toEqual({
        what,
        status: 201,
        state: 'submitted',
        contactedAt: null,
      });
      expect(entered.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit']);
    }
  });

  it('a method that is none of 电话联系, 上门走访, 微信留言 is refused with its field, and nothing is written', async () => {
    const body = onBehalf({ contactMethod: 'telepathy' });
    const res = await api('POST', '/api/requests/on-behalf', leader, body);
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'contactMethod' } });
    const [{ n }] = await ds().query('SELECT COUNT(*) AS "n" FROM request WHERE clientRequestId = ?', [body.clientRequestId]);
    expect(Number(n)).toBe(0);
  });
});
