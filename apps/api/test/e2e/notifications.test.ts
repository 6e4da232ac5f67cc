import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource, MoreThan } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { loadAppConfig, type AppConfig, type WechatConfig } from '../../src/config/app-config';
import { NotificationDelivery } from '../../src/notifications/notification-delivery.entity';
import { SEND_LEASE_MS } from '../../src/notifications/notification-delivery.worker';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import {
  acceptSubscription,
  deliveryOf,
  grantLeft,
  notifyNow,
  runDeliveries,
  testNotificationsConfig,
  TPL_ASSIGNED,
  TPL_OVERDUE,
  wechatUser,
  type WechatUser,
} from '../support/notifications';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { startTestApp, useAppUnderTest, type RunningApp } from '../support/test-app';
import { createTestDatabase, testDialect } from '../support/test-database';

/**
 * The message centre, subscribe grants and the delivery of the outbox to WeChat, against the
 * fake WeChat server made to fail. Notifications are written with notify() (what the request
 * steps call) for people who signed in through the fake; the worker is driven with runOnce()
 * and a clock moved by hand.
 */
const SEND = '/cgi-bin/message/subscribe/send';
const TOKEN = '/cgi-bin/stable_token';
const MAX_ATTEMPTS = 4;

describe(`notifications (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  const clock = new ManualClock(new Date('2026-11-25T01:30:00Z'));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const overrides = (): Partial<AppConfig> => ({
    wechat,
    clock,
    demoLogin: true,
    notifications: testNotificationsConfig({ maxAttempts: MAX_ATTEMPTS }),
    auth: { ...loadAppConfig({}).auth, loginRateLimitPerMinute: 100_000 },
  });
  const under = useAppUnderTest(overrides);

  let requestId: number;
  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const grid = await unitByCode(under.api.app.get(DataSource), 'SG-TT-V01-L1-S01');
    const requester = await user();
    const res = await call(under.api.baseUrl, 'POST', '/api/requests', {
      token: requester.token,
      body: { clientRequestId: randomBytes(10).toString('hex'), category: 'infrastructure', description: '村东头路灯坏了三天了', unitId: grid.id },
    });
    expect(res.status).toBe(201);
    requestId = res.body.id;
  });

  const app = () => under.api.app;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });
  const user = () => wechatUser(under.api.baseUrl, fake);
  const accept = (u: WechatUser, templateId: string, count = 1) => acceptSubscription(under.api.baseUrl, fake, u, templateId, count);
  const tell = (u: WechatUser | WechatUser[], body = '基础设施类诉求待办理', kind: 'assigned' | 'overdue' | 'looked_back' = 'assigned') =>
    notifyNow(
      app(),
      (Array.isArray(u) ? u : [u]).map((x) => x.personId),
      { kind, requestId, body },
      clock.now(),
    );
  const sentTo = (u: WechatUser) => fake.sentMessages().filter((m) => m.touser === u.openid);
  const sends = () => fake.calls()[SEND] ?? 0;
  const run = () => runDeliveries(app());
  const later = (seconds: number) => clock.advance(seconds * 1000);

  describe('the message centre', () => {
    it('lists my messages newest first, a page at a time, with my unread count, and marks them read', async () => {
      const me = await user();
      const ids: number[] = [];
      for (let i = 1; i <= 5; i++) ids.push(...(await tell(me, `第${i}条消息`)));

      const first = await api('GET', '/api/me/notifications?limit=2', me.token);
      expect(first.status).toBe(200);
      expect(first.body.items.map((n: { body: string }) => n.body)).toEqual(['第5条消息', '第4条消息']);
      expect(first.body.items[0]).toMatchObject({ id: ids[4], kind: 'assigned', requestId, title: '有新的诉求待办理', readAt: null });
      expect(first.body.unreadCount).toBe(5);
      expect(first.body.nextBefore).toBe(ids[3]);
      const second = await api('GET', `/api/me/notifications?limit=2&before=${first.body.nextBefore}`, me.token);
      expect(second.body.items.map((n: { id: number }) => n.id)).toEqual([ids[2], ids[1]]);
      const last = await api('GET', `/api/me/notifications?limit=2&before=${second.body.nextBefore}`, me.token);
      expect(last.body.items.map((n: { id: number }) => n.id)).toEqual([ids[0]]);
      expect(last.body.nextBefore).toBeNull();

      const some = await api('POST', '/api/me/notifications/read', me.token, { ids: [ids[0], ids[1]] });
      expect(some.status).toBe(200);
      expect(some.body).toEqual({ marked: 2, unreadCount: 3 });
      const again = await api('POST', '/api/me/notifications/read', me.token, { ids: [ids[0]] });
      expect(again.body).toEqual({ marked: 0, unreadCount: 3 });
      // Neither or both: refused, nothing marked.
      for (const body of [{}, { ids: [ids[2]], all: true }, { all: false }]) {
        const res = await api('POST', '/api/me/notifications/read', me.token, body);
        expect({ body, status: res.status, code: res.body.code, field: res.body.field }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
          field: 'ids',
        });
      }
      const all = await api('POST', '/api/me/notifications/read', me.token, { all: true });
      expect(all.body).toEqual({ marked: 3, unreadCount: 0 });
      const after = await api('GET', '/api/me/notifications', me.token);
      expect(after.body.items.every((n: { readAt: string | null }) => n.readAt === clock.now().toISOString())).toBe(true);
    });

    it('shows nobody another person’s messages, and marking someone else’s ids changes nothing', async () => {
      const [alice, bob] = [await user(), await user()];
      const [aliceMsg] = await tell(alice, '给甲的消息');
      await tell(bob, '给乙的消息');
      const bobsView = await api('GET', '/api/me/notifications', bob.token);
      expect(bobsView.body.items.map((n: { body: string }) => n.body)).toEqual(['给乙的消息']);
      const bobMarks = await api('POST', '/api/me/notifications/read', bob.token, { ids: [aliceMsg] });
      expect(bobMarks.body).toEqual({ marked: 0, unreadCount: 1 });
      const alicesView = await api('GET', '/api/me/notifications', alice.token);
      expect(alicesView.body.items).toHaveLength(1);
      expect(alicesView.body).toMatchObject({ unreadCount: 1, items: [{ id: aliceMsg, readAt: null }] });
      // Staff who signed in otherwise have a centre too, empty until something is for them.
      const leader = await demoToken(under.api.baseUrl, (await personWithRole(app().get(DataSource), 'town_leader', 'SG-TT')).personId);
      expect((await api('GET', '/api/me/notifications', leader, undefined)).body.items.some((n: { id: number }) => n.id === aliceMsg)).toBe(false);
    });

    it('refuses bad paging and read bodies with the field named', async () => {
      const me = await user();
      for (const query of ['limit=51', 'limit=0', 'before=abc', 'before=-1', 'limit=1.5']) {
        const res = await api('GET', `/api/me/notifications?${query}`, me.token);
        expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
      }
      const tooMany = await api('POST', '/api/me/notifications/read', me.token, { ids: Array.from({ length: 101 }, (_, i) => i + 1) });
      expect(tooMany.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ids' });
    });
  });

  describe('subscribe grants', () => {
    it('lists the configured templates by kind and my remaining messages on each', async () => {
      const me = await user();
      const res = await api('GET', '/api/me/subscriptions', me.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        templates: [
          { kind: 'assigned', templateId: TPL_ASSIGNED, title: '有新的诉求待办理' },
          { kind: 'overdue', templateId: TPL_OVERDUE, title: '诉求已超时' },
        ],
        grants: [
          { templateId: TPL_ASSIGNED, remaining: 0 },
          { templateId: TPL_OVERDUE, remaining: 0 },
        ],
      });
    });

    it('adds one message per accepted template, again on each acceptance; refuses ids that are not configured, repeats and more than five', async () => {
      const me = await user();
      const both = await api('POST', '/api/me/subscriptions', me.token, { accepted: [TPL_ASSIGNED, TPL_OVERDUE] });
      expect(both.status).toBe(200);
      expect(both.body.grants).toEqual([
        { templateId: TPL_ASSIGNED, remaining: 1 },
        { templateId: TPL_OVERDUE, remaining: 1 },
      ]);
      await api('POST', '/api/me/subscriptions', me.token, { accepted: [TPL_ASSIGNED] });
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(2);
      const none = await api('POST', '/api/me/subscriptions', me.token, { accepted: [] });
      expect(none.body.grants[0]).toEqual({ templateId: TPL_ASSIGNED, remaining: 2 });

      const unknown = await api('POST', '/api/me/subscriptions', me.token, { accepted: [TPL_ASSIGNED, 'notOurTemplate'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'SUBSCRIBE_TEMPLATE_UNKNOWN', field: 'accepted' });
      expect(unknown.body.message).toMatch(/[\u4e00-\u9fff]/);
      const repeated = await api('POST', '/api/me/subscriptions', me.token, { accepted: [TPL_ASSIGNED, TPL_ASSIGNED] });
      expect(repeated.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'accepted' });
      const six = await api('POST', '/api/me/subscriptions', me.token, { accepted: ['a', 'b', 'c', 'd', 'e', 'f'] });
      expect(six.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'accepted' });
      // Nothing refused was counted.
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(2);
      expect(await grantLeft(app(), me.personId, TPL_OVERDUE)).toBe(1);
    });
  });

  describe('delivery', () => {
    it('sends a granted message once, with its fields cut to WeChat’s limits, the page of the request and the configured state; one grant spent per message', async () => {
      const me = await user();
      await accept(me, TPL_ASSIGNED, 2);
      const long = '村东头的路灯已经坏了三天了，晚上出行很不方便，请尽快安排电工修理';
      const [first] = await tell(me, long);
      const [second] = await tell(me, '第二条');

      const counts = await run();
      expect(counts.sent).toBeGreaterThanOrEqual(2);
      const messages = sentTo(me);
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatchObject({
        template_id: TPL_ASSIGNED,
        page: `pages/request/index?requestId=${requestId}`,
        miniprogram_state: 'trial',
        data: {
          thing1: { value: '有新的诉求待办理' },
          character_string2: { value: `#${requestId}` },
          time3: { value: '2026年11月25日 09:30' },
          thing4: { value: `${Array.from(long).slice(0, 19).join('')}…` },
          phrase5: { value: '待联系' },
        },
      });
      expect((await deliveryOf(app(), first!)).state).toBe('sent');
      expect(await deliveryOf(app(), second!)).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(0);
      expect(fake.subscribeGrantsLeft(me.openid, TPL_ASSIGNED)).toBe(0);

      // Another run sends nothing again.
      const before = sends();
      await run();
      expect(sends()).toBe(before);
      expect(sentTo(me)).toHaveLength(2);
      // And the messages are in the message centre all the same.
      expect((await api('GET', '/api/me/notifications', me.token)).body.items.map((n: { id: number }) => n.id)).toEqual([second, first]);
    });

    it('appends the request to a page that already has a query, and fills number and date keys', async () => {
      const me = await user();
      await accept(me, TPL_OVERDUE);
      await tell(me, '诉求已超时未办结', 'overdue');
      await run();
      expect(sentTo(me)).toEqual([
        expect.objectContaining({
          page: `pages/request/index?from=msg&requestId=${requestId}`,
          data: {
            thing1: { value: '诉求已超时' },
            thing2: { value: '诉求已超时未办结' },
            number3: { value: String(requestId) },
            date4: { value: '2026年11月25日 09:30' },
          },
        }),
      ]);
    });

    it('keeps a message in the app only, sending nothing, without a grant, without a template for its kind, or for someone with no WeChat account', async () => {
      const noGrant = await user();
      const [a] = await tell(noGrant);
      const granted = await user();
      await accept(granted, TPL_ASSIGNED);
      const [b] = await tell(granted, '回看结果', 'looked_back');
      const demoPerson = await personWithRole(app().get(DataSource), 'grid_leader', 'SG-TT-V01');
      const [c] = await notifyNow(app(), [demoPerson.personId], { kind: 'assigned', requestId, body: '新诉求' }, clock.now());

      const before = sends();
      await run();
      expect(sends()).toBe(before);
      expect(await deliveryOf(app(), a!)).toMatchObject({ state: 'in_app_only', lastError: `no subscribe grant left for template ${TPL_ASSIGNED}` });
      expect(await deliveryOf(app(), b!)).toMatchObject({ state: 'in_app_only', lastError: 'no subscribe template configured for looked_back' });
      expect(await deliveryOf(app(), c!)).toMatchObject({ state: 'in_app_only', lastError: 'no WeChat account (openid) for this person' });
      // The grant for another template was not touched.
      expect(await grantLeft(app(), granted.personId, TPL_ASSIGNED)).toBe(1);
      expect((await api('GET', '/api/me/notifications', noGrant.token)).body.items[0]).toMatchObject({ id: a, body: '基础设施类诉求待办理' });
    });

    it('retries after HTTP 500s and a timeout, with growing waits, and delivers exactly once', async () => {
      const me = await user();
      await accept(me, TPL_ASSIGNED);
      const [id] = await tell(me);
      const before = sends();
      fake.injectFault({ path: SEND, httpStatus: 500, body: 'Internal Server Error' });
      await run();
      expect(await deliveryOf(app(), id!)).toMatchObject({ state: 'pending', attempts: 1, lastError: "WeChat unreachable: HTTP 500 without WeChat's JSON" });
      // The grant is back while the message waits.
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(1);
      // Not due yet: the first wait is 30 s.
      later(29);
      await run();
      expect(sends()).toBe(before + 1);

      later(1);
      // WeChat takes longer than the client's 5-second timeout, then answers 504 to nobody.
      fake.injectFault({ path: SEND, delayMs: 5_500, httpStatus: 504 });
      await run();
      const afterTimeout = await deliveryOf(app(), id!);
      expect(afterTimeout).toMatchObject({ state: 'pending', attempts: 2, lastError: 'WeChat unreachable: no answer within 5 s' });
      expect(new Date(afterTimeout.nextAttemptAt).getTime() - clock.now().getTime()).toBe(60_000);

      later(60);
      await run();
      expect(await deliveryOf(app(), id!)).toMatchObject({ state: 'sent', attempts: 3 });
      expect(sends()).toBe(before + 3);
      expect(sentTo(me)).toHaveLength(1);
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(0);
    }, 30_000);

    it('retries WeChat’s -1 (system busy) later rather than at once, and delivers once', async () => {
      const me = await user();
      await accept(me, TPL_ASSIGNED);
      const [id] = await tell(me);
      const before = sends();
      fake.injectFault({ path: SEND, errcode: -1 });
      await run();
      expect(sends()).toBe(before + 1);
      expect(await deliveryOf(app(), id!)).toMatchObject({ state: 'pending', attempts: 1 });
      expect((await deliveryOf(app(), id!)).lastError).toMatch(/^WeChat -1 system error/);
      later(30);
      await run();
      expect(await deliveryOf(app(), id!)).toMatchObject({ state: 'sent', attempts: 2 });
      expect(sentTo(me)).toHaveLength(1);
    });

    it('on 43101 sets the grant to 0 and keeps the message in the app with the reason; the next one is not even tried', async () => {
      const me = await user();
      // Our count says 2, but the user withdrew on WeChat's side (WeChat holds none).
      await api('POST', '/api/me/subscriptions', me.token, { accepted: [TPL_ASSIGNED] });
      await api('POST', '/api/me/subscriptions', me.token, { accepted: [TPL_ASSIGNED] });
      const [id] = await tell(me);
      const before = sends();
      await run();
      expect(sends()).toBe(before + 1);
      const row = await deliveryOf(app(), id!);
      expect(row.state).toBe('in_app_only');
      expect(row.lastError).toMatch(/^WeChat 43101 user refuse to accept the msg/);
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(0);

      const [next] = await tell(me);
      await run();
      expect(sends()).toBe(before + 1);
      expect((await deliveryOf(app(), next!)).state).toBe('in_app_only');
      expect((await api('GET', '/api/me/notifications', me.token)).body.items.map((n: { id: number }) => n.id)).toEqual([next, id]);
    });

    it.each([
      ['expired (42001)', () => fake.expireAccessToken()],
      ['invalidated (40001)', () => fake.invalidateAccessToken()],
    ])('refreshes an %s access token once and delivers at once', async (_what, spoil) => {
      const me = await user();
      await accept(me, TPL_ASSIGNED, 2);
      await tell(me);
      await run();
      expect(sentTo(me)).toHaveLength(1);
      const spoiled = spoil();
      expect(spoiled).not.toBeNull();
      const [id] = await tell(me);
      const [sendsBefore, tokensBefore] = [sends(), fake.calls()[TOKEN] ?? 0];
      const counts = await run();
      expect(counts.retrying).toBe(0);
      expect(await deliveryOf(app(), id!)).toMatchObject({ state: 'sent', attempts: 1 });
      // The refused send, then the one with the new token.
      expect(sends()).toBe(sendsBefore + 2);
      expect((fake.calls()[TOKEN] ?? 0) - tokensBefore).toBeGreaterThanOrEqual(1);
      expect((fake.calls()[TOKEN] ?? 0) - tokensBefore).toBeLessThanOrEqual(2);
      expect(fake.currentAccessToken()).not.toBe(spoiled);
      expect(sentTo(me)).toHaveLength(2);
    });

    it('gives up after the last attempt with the reason, gives the grant back, and the message stays in the centre', async () => {
      const me = await user();
      await accept(me, TPL_ASSIGNED);
      const [id] = await tell(me);
      fake.injectFault({ path: SEND, httpStatus: 503, times: MAX_ATTEMPTS });
      const waits: number[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await run();
        const row = await deliveryOf(app(), id!);
        if (attempt < MAX_ATTEMPTS) {
          expect(row).toMatchObject({ state: 'pending', attempts: attempt });
          const wait = new Date(row.nextAttemptAt).getTime() - clock.now().getTime();
          waits.push(wait / 1000);
          clock.advance(wait);
        }
      }
      expect(waits).toEqual([30, 60, 120]);
      expect(await deliveryOf(app(), id!)).toMatchObject({
        state: 'failed',
        attempts: MAX_ATTEMPTS,
        lastError: `gave up after ${MAX_ATTEMPTS} attempts: WeChat unreachable: HTTP 503 without WeChat's JSON`,
      });
      expect(sentTo(me)).toHaveLength(0);
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(1);
      // Nothing more is tried.
      const before = sends();
      later(3600);
      await run();
      expect(sends()).toBe(before);
      expect((await api('GET', '/api/me/notifications', me.token)).body).toMatchObject({ unreadCount: 1, items: [{ id }] });
    });

    it('does not retry what WeChat refuses outright (47003, 40037): failed with the reason at once, grant given back', async () => {
      const me = await user();
      await accept(me, TPL_ASSIGNED);
      for (const errcode of [47003, 40037]) {
        const [id] = await tell(me);
        fake.injectFault({ path: SEND, errcode });
        await run();
        const row = await deliveryOf(app(), id!);
        expect(row).toMatchObject({ state: 'failed', attempts: 1 });
        expect(row.lastError).toMatch(new RegExp(`^WeChat ${errcode} `));
        expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(1);
      }
      expect(sentTo(me)).toHaveLength(0);
    });

    it('never sends again a message whose send was interrupted (its lease ran out): failed with the reason, the grant given back', async () => {
      const me = await user();
      await accept(me, TPL_ASSIGNED);
      const [id] = await tell(me);
      // What an instance that died mid-send leaves behind: the claim (state, attempt, lease, spent grant).
      const dataSource = app().get(DataSource);
      await dataSource
        .getRepository(NotificationDelivery)
        .update({ notificationId: id }, { state: 'sending', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + SEND_LEASE_MS) });
      await dataSource.query('UPDATE subscribe_grant SET remaining = remaining - 1 WHERE personId = ? AND templateId = ?', [me.personId, TPL_ASSIGNED]);
      const before = sends();
      // While the lease runs, nobody touches it.
      expect((await run()).interrupted).toBe(0);
      expect((await deliveryOf(app(), id!)).state).toBe('sending');
      clock.advance(SEND_LEASE_MS);
      expect((await run()).interrupted).toBe(1);
      expect(sends()).toBe(before);
      expect(await deliveryOf(app(), id!)).toMatchObject({ state: 'failed', attempts: 1 });
      expect((await deliveryOf(app(), id!)).lastError).toMatch(/^interrupted during the send/);
      expect(await grantLeft(app(), me.personId, TPL_ASSIGNED)).toBe(1);
    });
  });

  describe('on its own', () => {
    it('sends without being asked when NOTIFY_POLL_SECONDS is set, and stops with the app', async () => {
      const db = await createTestDatabase();
      const running = await startTestApp(db.target, { ...overrides(), notifications: testNotificationsConfig({ pollSeconds: 1 }) });
      try {
        const me = await wechatUser(running.baseUrl, fake);
        await acceptSubscription(running.baseUrl, fake, me, TPL_ASSIGNED);
        const [id] = await notifyNow(running.app, [me.personId], { kind: 'assigned', requestId: null, body: '自动发送' }, clock.now());
        const deadline = Date.now() + 10_000;
        // WeChat has the message before the worker writes down that it was sent: wait for both.
        while ((sentTo(me).length === 0 || (await deliveryOf(running.app, id!)).state !== 'sent') && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        expect(sentTo(me)).toHaveLength(1);
        expect((await deliveryOf(running.app, id!)).state).toBe('sent');
      } finally {
        await running.close();
        await db.drop();
      }
    }, 30_000);
  });

  describe('across a restart', () => {
    it('delivers what was still pending when the API stopped, from a fresh API on the same database, each message once', async () => {
      const db = await createTestDatabase();
      let first: RunningApp | undefined = await startTestApp(db.target, overrides());
      let second: RunningApp | undefined;
      try {
        const people = [await wechatUser(first.baseUrl, fake), await wechatUser(first.baseUrl, fake)];
        for (const p of people) await acceptSubscription(first.baseUrl, fake, p, TPL_ASSIGNED, 3);
        const ids: number[] = [];
        for (let i = 0; i < 3; i++)
          ids.push(
            ...(await notifyNow(
              first.app,
              people.map((p) => p.personId),
              { kind: 'assigned', requestId: null, body: `重启前的第${i + 1}条` },
              clock.now(),
            )),
          );
        // One goes out, one fails (to be retried), then the API stops with the rest untouched.
        fake.injectFault({ path: SEND, httpStatus: 502 });
        const [sendsBefore, messagesBefore] = [sends(), fake.sentMessages().length];
        await first.app
          .get(DataSource)
          .getRepository(NotificationDelivery)
          .update({ notificationId: MoreThan(ids[1]!) }, { nextAttemptAt: new Date(clock.now().getTime() + 1000) });
        const partial = await runDeliveries(first.app);
        expect(partial).toMatchObject({ claimed: 2, sent: 1, retrying: 1 });
        await first.close();
        first = undefined;

        later(60);
        second = await startTestApp(db.target, overrides());
        const rest = await runDeliveries(second.app);
        expect(rest).toMatchObject({ sent: 5, retrying: 0, failed: 0, inAppOnly: 0 });
        for (const id of ids) expect((await deliveryOf(second.app, id)).state).toBe('sent');
        const delivered = fake.sentMessages().slice(messagesBefore);
        expect(delivered).toHaveLength(6);
        expect(new Set(delivered.map((m) => `${m.touser} ${JSON.stringify(m.data)}`)).size).toBe(6);
        expect(sends()).toBe(sendsBefore + 7);
        for (const p of people) expect(await grantLeft(second.app, p.personId, TPL_ASSIGNED)).toBe(0);
      } finally {
        await first?.close();
        await second?.close();
        await db.drop();
      }
    }, 60_000);
  });
});
