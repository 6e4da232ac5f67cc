import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { loadAppConfig, type AppConfig, type WechatConfig } from '../../src/config/app-config';
import type { DeliveryCounts } from '../../src/notifications/notification-delivery.worker';
import { notifyNow } from '../../src/notifications/notification-writer';
import { startFakeWechat } from '../support/fake-wechat';
import { acceptSubscription, runDeliveries, testNotificationsConfig, TPL_ASSIGNED, wechatUser, type WechatUser } from '../support/notifications';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';

/**
 * Two API instances on one MariaDB/MySQL database work the same outbox at the same time, each
 * with its own worker and connection pool: every notification is sent exactly once (claims
 * with FOR UPDATE SKIP LOCKED), none is missed, no grant is spent twice.
 */
const PEOPLE = 20;
const PER_PERSON = 10;
const TOTAL = PEOPLE * PER_PERSON;
const SEND = '/cgi-bin/message/subscribe/send';

describe(`two API instances delivering one outbox (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  let db: TestDatabase;
  const apps: RunningApp[] = [];
  const clock = new ManualClock(new Date('2026-11-25T01:30:00Z'));

  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
    db = await createTestDatabase();
    const config: Partial<AppConfig> = {
      wechat,
      clock,
      notifications: testNotificationsConfig(),
      auth: { ...loadAppConfig({}).auth, loginRateLimitPerMinute: 100_000 },
    };
    // The first migrates the new database; the second opens it as a second server would.
    apps.push(await startTestApp(db.target, config));
    apps.push(await startTestApp(db.target, config));
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
    await fake?.close();
  });

  it(`sends each of ${TOTAL} notifications exactly once, none missed`, async () => {
    const [a, b] = apps as [RunningApp, RunningApp];
    const people: WechatUser[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const user = await wechatUser((i % 2 ? b : a).baseUrl, fake);
      await acceptSubscription((i % 2 ? b : a).baseUrl, fake, user, TPL_ASSIGNED, PER_PERSON);
      people.push(user);
    }
    await a.app.get(DataSource).transaction(async (manager) => {
      for (let k = 1; k <= PER_PERSON; k++) {
        await notifyNow(
          manager,
          people.map((p) => p.personId),
          { kind: 'assigned', requestId: null, body: `两实例测试第${k}条` },
          clock.now(),
        );
      }
    });
    // Each send takes a little while, as over a real network, so both instances are mid-batch together.
    fake.injectFault({ path: SEND, delayMs: 5, times: TOTAL });

    const work = async (app: RunningApp): Promise<DeliveryCounts> => {
      const total: DeliveryCounts = { claimed: 0, sent: 0, retrying: 0, inAppOnly: 0, failed: 0, interrupted: 0 };
      for (;;) {
        const counts = await runDeliveries(app.app);
        for (const key of Object.keys(total) as (keyof DeliveryCounts)[]) total[key] += counts[key];
        if (counts.claimed === 0) return total;
      }
    };
    const [countsA, countsB] = await Promise.all([work(a), work(b)]);

    const messages = fake.sentMessages();
    const distinct = new Set(messages.map((m) => `${m.touser} ${JSON.stringify(m.data)}`));
    const rows: { state: string; attempts: number; n: number }[] = await a.app
      .get(DataSource)
      .query('SELECT state, attempts, COUNT(*) AS n FROM notification_delivery GROUP BY state, attempts');
    const grantsLeft = await a.app.get(DataSource).query('SELECT SUM(remaining) AS left_ FROM subscribe_grant');
    const missed = TOTAL - distinct.size;
    process.stdout.write(
      `two instances: ${TOTAL} notifications; instance A sent ${countsA.sent}, instance B sent ${countsB.sent} (claimed ${countsA.claimed} + ${countsB.claimed}); ` +
        `fake accepted ${messages.length} messages, ${distinct.size} distinct, ${messages.length - distinct.size} duplicates, ${missed} missed; ` +
        `send calls ${fake.calls()[SEND] ?? 0}; delivery rows ${rows.map((r) => `${r.state}×${Number(r.n)} (attempts ${r.attempts})`).join(', ')}\n`,
    );

    expect(messages).toHaveLength(TOTAL);
    expect(distinct.size).toBe(TOTAL);
    expect(fake.calls()[SEND]).toBe(TOTAL);
    expect(countsA.sent + countsB.sent).toBe(TOTAL);
    expect(countsA.claimed + countsB.claimed).toBe(TOTAL);
    expect(countsA.sent).toBeGreaterThan(0);
    expect(countsB.sent).toBeGreaterThan(0);
    expect(rows.map((r) => ({ state: r.state, attempts: Number(r.attempts), n: Number(r.n) }))).toEqual([{ state: 'sent', attempts: 1, n: TOTAL }]);
    expect(Number(grantsLeft[0].left_)).toBe(0);
    for (const p of people) expect(fake.subscribeGrantsLeft(p.openid, TPL_ASSIGNED)).toBe(0);
  }, 120_000);
});
