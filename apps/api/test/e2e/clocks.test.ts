import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestTimer } from '../../src/clocks/request-timer.entity';
import { ManualClock } from '../../src/common/clock';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import type { WechatConfig } from '../../src/config/app-config';
import { RequestEvent } from '../../src/requests/request-event.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);

/**
 * The clocks act, with a clock the test moves: a matter left alone is reminded about, then climbs
 * the whole ladder across a make-up Saturday and a Sunday off (2026-10-09 is a Friday; Saturday
 * 10-10 is a make-up working day). Default rules: reminder 15 min before contact is due, a rung
 * every 240 office minutes (08:00–20:00 on working days).
 */
describe(`clocks that act (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  const clock = new ManualClock(at('2026-10-09T16:00:00'));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    clock,
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  const sweep = async (text: string) => (await under.api.app.get(JobScheduler).runOnce(at(text))).escalateOverdue;
  let people: Record<'leader' | 'deputy' | 'head' | 'secretary' | 'hotline' | 'townLeader', SeededPerson>;
  let gridId: number;
  beforeAll(async () => {
    gridId = (await unitByCode(ds(), 'SG-TT-V02-L1-S01')).id;
    people = {
      leader: await personWithRole(ds(), 'grid_leader', 'SG-TT-V02-L1-S01'),
      deputy: await personWithRole(ds(), 'deputy_grid_leader', 'SG-TT-V02-L1-S01'),
      head: await personWithRole(ds(), 'large_grid_head', 'SG-TT-V02-L1'),
      secretary: await personWithRole(ds(), 'village_secretary', 'SG-TT-V02'),
      hotline: await personWithRole(ds(), 'hotline_staff', 'SG-TT'),
      townLeader: await personWithRole(ds(), 'town_leader', 'SG-TT'),
    };
  });

  async function villager(): Promise<string> {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: gridId });
    return session.body.accessToken;
  }
  const submit = (token: string) =>
    api('POST', '/api/requests', token, { clientRequestId: randomBytes(10).toString('hex'), category: 'infrastructure', description: '村东头路灯坏了' });

  /** Messages of `kind` about request `id` in each person's message centre. */
  async function told(kind: string, id: number): Promise<number[]> {
    const rows: { personId: number | string }[] = await ds().query(
      'SELECT personId AS "personId" FROM notification WHERE kind = ? AND requestId = ? ORDER BY id',
      [kind, id],
    );
    return rows.map((r) => Number(r.personId)).sort((a, b) => a - b);
  }
  const ids = (...who: SeededPerson[]) => who.map((p) => p.personId).sort((a, b) => a - b);
  const escalations = (id: number) =>
    ds()
      .getRepository(RequestEvent)
      .find({ where: { requestId: id, action: 'escalate' }, order: { id: 'ASC' } });

  it('a matter left alone is reminded about, then climbs the ladder rung by rung in office time', async () => {
    clock.set(at('2026-10-09T16:00:00'));
    const requester = await villager();
    const matter = (await submit(requester)).body;
    expect(new Date(matter.contactDueAt)).toEqual(at('2026-10-09T17:00:00'));
    // The handlers heard of it when it arrived.
    expect(await told('assigned', matter.id)).toEqual(ids(people.leader, people.deputy));

    expect(await sweep('2026-10-09T16:00:01')).toEqual({ scheduled: 1, reminded: 0, escalated: 0 });
    expect(await sweep('2026-10-09T16:44:59')).toEqual({ scheduled: 0, reminded: 0, escalated: 0 });
    expect(await sweep('2026-10-09T16:45:00')).toEqual({ scheduled: 0, reminded: 1, escalated: 0 });
    expect(await told('contact_reminder', matter.id)).toEqual(ids(people.leader, people.deputy));

    // Rung 1 at the deadline: the handlers, and the matter is marked late for good.
    expect((await sweep('2026-10-09T17:00:00')).escalated).toBe(1);
    let seen = (await api('GET', `/api/requests/${matter.id}`, await demoToken(under.api.baseUrl, people.leader.personId))).body;
    expect(seen).toMatchObject({ contactLate: true, escalationRung: 1 });
    expect(await told('overdue', matter.id)).toEqual(ids(people.leader, people.deputy));

    // 240 office minutes later: 3 h of Friday, 1 h of the make-up Saturday.
    expect((await sweep('2026-10-10T08:59:59')).escalated).toBe(0);
    expect((await sweep('2026-10-10T09:00:00')).escalated).toBe(1);
    expect((await sweep('2026-10-10T13:00:00')).escalated).toBe(1);
    expect((await sweep('2026-10-10T17:00:00')).escalated).toBe(1);
    // Sunday is not office time: the town leader is reached on Monday morning.
    expect((await sweep('2026-10-11T20:00:00')).escalated).toBe(0);
    expect((await sweep('2026-10-12T09:00:00')).escalated).toBe(1);
    // Both staff of the hotline office are on its rung.
    const hotlineStaff: { personId: number | string }[] = await ds().query(
      `SELECT r.personId AS "personId" FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.role = 'hotline_staff' AND u.code LIKE 'SG-TT%' AND r.endedAt IS NULL`,
    );
    expect(hotlineStaff).toHaveLength(2);
    expect(await told('overdue', matter.id)).toEqual(
      [...ids(people.leader, people.deputy, people.head, people.secretary, people.townLeader), ...hotlineStaff.map((r) => Number(r.personId))].sort(
        (a, b) => a - b,
      ),
    );
    // The top of the ladder: nothing more fires, ever (the timer stays, never due, while the clock runs).
    expect(await sweep('2026-10-20T09:00:00')).toEqual({ scheduled: 0, reminded: 0, escalated: 0 });
    expect(await ds().getRepository(RequestTimer).findOneByOrFail({ requestId: matter.id })).toMatchObject({ stage: 'top', rung: 5 });

    const rows = await escalations(matter.id);
    expect(rows.map((r) => [r.createdAt.toISOString(), r.note])).toEqual([
      [at('2026-10-09T17:00:00').toISOString(), '超过联系时限（10月9日 17:00），已通知承办人'],
      [at('2026-10-10T09:00:00').toISOString(), '超过联系时限（10月9日 17:00），已通知大网格总支负责人'],
      [at('2026-10-10T13:00:00').toISOString(), '超过联系时限（10月9日 17:00），已通知村支部书记'],
      [at('2026-10-10T17:00:00').toISOString(), '超过联系时限（10月9日 17:00），已通知镇热线办'],
      [at('2026-10-12T09:00:00').toISOString(), '超过联系时限（10月9日 17:00），已通知镇领导'],
    ]);
    expect(rows.every((r) => !r.public && r.actorPersonId === null)).toBe(true);

    // Everyone on the ladder sees it on the overdue board (read at the sweep's time: the board
    // lists what is overdue now); the requester sees no escalation rows.
    clock.set(at('2026-10-20T09:00:00'));
    for (const who of [people.head, people.secretary, people.hotline, people.townLeader]) {
      const board = (await api('GET', '/api/requests/overdue', await demoToken(under.api.baseUrl, who.personId))).body;
      expect(board.map((r: { id: number }) => r.id)).toContain(matter.id);
    }
    expect((await api('GET', '/api/requests/overdue', requester)).status).toBe(403);
    const mine = (await api('GET', `/api/requests/${matter.id}`, requester)).body;
    expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual(['submit']);

    // Accepted at last on Monday 10:00: the contact clock stops, its late mark stays. The completion
    // clock (1 working day from Friday 16:00: the make-up Saturday 16:00) ran out already, so the
    // sweep catches up on every rung that is due: Saturday 16:00 and 20:00 (4 office hours later).
    clock.set(at('2026-10-12T10:00:00'));
    seen = (
      await api('POST', `/api/requests/${matter.id}/actions/accept`, await demoToken(under.api.baseUrl, people.leader.personId), {
        version: seen.version,
        contactMethod: 'call',
      })
    ).body;
    expect(seen).toMatchObject({ contactLate: true, escalationRung: 0 });
    expect(new Date(seen.completionDueAt)).toEqual(at('2026-10-10T16:00:00'));
    expect(await told('accepted', matter.id)).toHaveLength(1);
    expect(await sweep('2026-10-12T10:00:00')).toEqual({ scheduled: 1, reminded: 0, escalated: 2 });
    const after = (await api('GET', `/api/requests/${matter.id}`, requester)).body;
    expect(after).toMatchObject({ completionLate: true, escalationRung: 2 });
    expect((await escalations(matter.id)).slice(5).map((r) => r.note)).toEqual([
      '超过办理时限（10月10日 16:00），已通知承办人',
      '超过办理时限（10月10日 16:00），已通知大网格总支负责人',
    ]);

    // Resolved: no clock runs, nothing more fires.
    clock.set(at('2026-10-12T11:00:00'));
    await api('POST', `/api/requests/${matter.id}/actions/resolve`, await demoToken(under.api.baseUrl, people.leader.personId), {
      version: seen.version,
      note: '路灯已修好',
    });
    expect(await ds().getRepository(RequestTimer).countBy({ requestId: matter.id })).toBe(0);
    expect(await sweep('2026-10-30T11:00:00')).toEqual({ scheduled: 0, reminded: 0, escalated: 0 });
    expect(await told('resolved', matter.id)).toHaveLength(1);
  });

  it('a matter handled in time is reminded of nothing', async () => {
    clock.set(at('2026-10-09T10:00:00'));
    const matter = (await submit(await villager())).body;
    await sweep('2026-10-09T10:00:00');
    clock.set(at('2026-10-09T10:30:00'));
    const leader = await demoToken(under.api.baseUrl, people.leader.personId);
    await api('POST', `/api/requests/${matter.id}/actions/accept`, leader, { version: matter.version, contactMethod: 'visit' });
    // The completion clock: due Monday 10:00 (Friday 10:00 + 1 working day = the make-up Saturday 10:00).
    await sweep('2026-10-09T10:30:00');
    const timer = await ds().getRepository(RequestTimer).findOneByOrFail({ requestId: matter.id });
    expect(timer).toMatchObject({ clock: 'completion', stage: 'remind' });
    // Reminded half a working day (360 office minutes) before: Friday 16:00.
    expect(timer.nextFireAt).toEqual(at('2026-10-09T16:00:00'));
    expect(await told('contact_reminder', matter.id)).toEqual([]);
  });

  it('hotline staff urge and supervise; the handlers hear of both', async () => {
    clock.set(at('2026-10-13T09:00:00'));
    const matter = (await submit(await villager())).body;
    const hotline = await demoToken(under.api.baseUrl, people.hotline.personId);
    const urged = await api('POST', `/api/requests/${matter.id}/actions/urge`, hotline, { version: matter.version, note: '请尽快联系' });
    expect(urged.status).toBe(200);
    const supervised = await api('POST', `/api/requests/${matter.id}/actions/supervise`, hotline, { version: urged.body.version, note: '列入督办' });
    expect(supervised.body).toMatchObject({ supervised: true });
    expect(await told('urged', matter.id)).toEqual(ids(people.leader, people.deputy));
    expect(await told('supervised', matter.id)).toEqual(ids(people.leader, people.deputy));
    expect((await api('POST', `/api/requests/${matter.id}/actions/supervise`, hotline, { version: supervised.body.version })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'note',
    });
    const leader = await demoToken(under.api.baseUrl, people.leader.personId);
    expect((await api('POST', `/api/requests/${matter.id}/actions/urge`, leader, { version: supervised.body.version, note: '自己催自己' })).status).toBe(403);
  });

  it('each morning from 07:30, yesterday’s bulletin goes once to each town’s leaders and hotline office', async () => {
    const bulletins = async () =>
      (await ds().query(`SELECT personId AS "personId", body FROM notification WHERE kind = 'daily_bulletin' AND body LIKE ? ORDER BY personId`, [
        '%10月20日%',
      ])) as { personId: number | string; body: string }[];
    await sweep('2026-10-21T07:29:00');
    expect(await bulletins()).toEqual([]);
    await sweep('2026-10-21T07:30:00');
    await sweep('2026-10-21T08:00:00');
    const sent = await bulletins();
    const office: { personId: number | string }[] = await ds().query(
      `SELECT r.personId AS "personId" FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.endedAt IS NULL AND r.role IN ('hotline_staff', 'town_leader')`,
    );
    // Both towns, each person once.
    expect(sent.map((m) => Number(m.personId)).sort((a, b) => a - b)).toEqual(office.map((o) => Number(o.personId)).sort((a, b) => a - b));
    expect(sent.find((m) => Number(m.personId) === people.townLeader.personId)?.body).toMatch(
      /^台头镇10月20日：受理\d+件，按时联系\d+件，办结\d+件，超期未办结\d+件$/,
    );
  });
});
