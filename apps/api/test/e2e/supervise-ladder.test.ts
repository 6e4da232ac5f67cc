import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { ManualClock } from '../../src/common/clock';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';

const at = (text: string) => new Date(`${text}+08:00`);

/**
 * 督办 on a matter that has climbed the ladder: one alert per person per event. Supervising it
 * tells its handlers once (督办) and must not start the ladder over: the sweep, run twice, fires
 * no rung again and the town leader hears of each rung once (#17).
 */
describe(`督办 does not re-fire the ladder (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  const clock = new ManualClock(at('2026-10-09T16:00:00'));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, clock, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));
  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const sweep = async (text: string) => (await under.api.app.get(JobScheduler).runOnce(at(text))).escalateOverdue;

  /** How many messages of each kind each person got about the matter: "personId kind" → count. */
  async function alerts(requestId: number): Promise<Record<string, number>> {
    const rows: { personId: number | string; kind: string; n: number | string }[] = await ds().query(
      'SELECT personId AS "personId", kind, COUNT(*) AS n FROM notification WHERE requestId = ? GROUP BY personId, kind',
      [requestId],
    );
    return Object.fromEntries(rows.map((r) => [`${Number(r.personId)} ${r.kind}`, Number(r.n)]));
  }
  const escalations = async (requestId: number) =>
    ((await ds().query(`SELECT note FROM request_event WHERE requestId = ? AND action = 'escalate' ORDER BY id`, [requestId])) as { note: string }[]).map(
      (r) => r.note,
    );

  it('supervising an overdue matter fires no rung again, and everyone hears of each event once', async () => {
    const grid = await unitByCode(ds(), 'SG-TT-V03-L1-S01');
    const hotline = await personWithRole(ds(), 'hotline_staff', 'SG-TT');
    const townLeader = await personWithRole(ds(), 'town_leader', 'SG-TT');
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: grid.id });
    const matter = (
      await api('POST', '/api/requests', session.body.accessToken, {
        clientRequestId: randomBytes(10).toString('hex'),
        category: 'infrastructure',
        description: '村西头的桥栏杆断了',
      })
    ).body;
    // Left alone from Friday 16:00 to Monday 10:00: every rung is due, the sweep catches up (run twice).
    await sweep('2026-10-09T16:00:01');
    for (let i = 0; i < 2; i++) await sweep('2026-10-12T10:00:00');
    const climbed = await escalations(matter.id);
    expect(climbed).toHaveLength(5);
    const before = await alerts(matter.id);
    expect(before[`${townLeader.personId} overdue`]).toBe(1);

    clock.set(at('2026-10-12T10:05:00'));
    const staff = await demoToken(under.api.baseUrl, hotline.personId);
    const seen = (await api('GET', `/api/requests/${matter.id}`, staff)).body;
    const supervised = await api('POST', `/api/requests/${matter.id}/actions/supervise`, staff, { version: seen.version, note: '列入督办，今天必须联系' });
    expect(supervised.status).toBe(200);
    expect(supervised.body).toMatchObject({ supervised: true, escalationRung: 5 });
    for (let i = 0; i < 2; i++) await sweep('2026-10-12T10:05:00');
    for (let i = 0; i < 2; i++) await sweep('2026-10-20T10:00:00');

    // No rung fired again, and the only new messages are the handlers' one 督办 each.
    expect(await escalations(matter.id)).toEqual(climbed);
    const after = await alerts(matter.id);
    const handlers = Object.keys(after).filter((key) => key.endsWith(' supervised'));
    expect(handlers.length).toBeGreaterThan(0);
    expect(Object.fromEntries(Object.entries(after).filter(([key]) => !key.endsWith(' supervised')))).toEqual(before);
    expect(Object.values(after).every((n) => n === 1)).toBe(true);
    expect((await api('GET', `/api/requests/${matter.id}`, staff)).body).toMatchObject({ escalationRung: 5, supervised: true });
  });
});
