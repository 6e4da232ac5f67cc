import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { loadAppConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { startTestApp, useAppUnderTest, type RunningApp } from '../support/test-app';
import { testDialect } from '../support/test-database';

const HOUR = 3600_000;

/**
 * Hardening item of the break-in (issue 14): one account sent about 17 matters a minute. Matters
 * a person sends themselves are limited per hour (REQUEST_HOURLY_LIMIT_PER_PERSON, 10 by default),
 * counted in the database so every instance sees the same count; staff entering calls are not.
 */
describe(`flooding: matters per person per hour (${testDialect()})`, () => {
  const clock = new ManualClock(new Date('2026-12-07T09:00:00+08:00'));
  const auth = { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 };
  // The production default, whatever the other tests run with.
  const under = useAppUnderTest(() => ({ demoLogin: true, auth, clock, requests: loadAppConfig({}).requests }));
  let second: RunningApp;
  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    // Another instance on the same database.
    second = await startTestApp(under.db.target, { demoLogin: true, auth, clock, requests: loadAppConfig({}).requests });
  });
  afterAll(() => second?.close());

  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown, base = under.api.baseUrl) => call(base, method, path, { token, body });
  let serial = 0;
  const matter = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: `flood-${++serial}-${Date.now()}`,
    category: 'other',
    description: `第${serial}件事`,
    ...overrides,
  });

  async function villager(phone: string): Promise<{ token: string; personId: number; phone: string }> {
    const personId = await addVillager(ds(), { name: '刷单人', phone }, (await unitByCode(ds(), 'SG-TT-V02-L1-S01')).id);
    return { token: await demoToken(under.api.baseUrl, personId), personId, phone };
  }
  const countOf = async (requesterPersonId: number) =>
    Number((await ds().query('SELECT COUNT(*) AS n FROM request WHERE requesterPersonId = ?', [requesterPersonId]))[0].n);

  it('defaults to 10 an hour', () => {
    expect(loadAppConfig({}).requests.hourlyLimitPerPerson).toBe(10);
    expect(loadAppConfig({ REQUEST_HOURLY_LIMIT_PER_PERSON: '25' }).requests.hourlyLimitPerPerson).toBe(25);
    expect(() => loadAppConfig({ REQUEST_HOURLY_LIMIT_PER_PERSON: 'many' })).toThrow(/REQUEST_HOURLY_LIMIT_PER_PERSON/);
  });

  it('the 11th matter within an hour is refused with a clear Chinese message, on any instance; nothing of it is saved; retries of accepted ones still answer', async () => {
    const flooder = await villager('13599990001');
    const sent: { body: Record<string, unknown>; id: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const body = matter();
      // Half through each instance: the count is the database's, not one process's.
      const res = await api('POST', '/api/requests', flooder.token, body, i % 2 === 0 ? under.api.baseUrl : second.baseUrl);
      expect(res.status).toBe(201);
      sent.push({ body, id: res.body.id });
      clock.advance(60_000);
    }
    for (const base of [under.api.baseUrl, second.baseUrl]) {
      const refused = await api('POST', '/api/requests', flooder.token, matter(), base);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'REQUEST_LIMIT_REACHED' });
      expect(refused.body.message).toMatch(/10/);
      expect(refused.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await countOf(flooder.personId)).toBe(10);

    // A retry of one already accepted is never refused: same matter.
    for (const { body, id } of [sent[0]!, sent[9]!]) {
      const retry = await api('POST', '/api/requests', flooder.token, body);
      expect(retry).toMatchObject({ status: 201, body: { id } });
    }

    // Sent at 09:00, 09:01, … 09:09; at 10:00:30 the first is over an hour old: one is free again.
    clock.advance(HOUR - 10 * 60_000 + 30_000);
    expect((await api('POST', '/api/requests', flooder.token, matter())).status).toBe(201);
    expect((await api('POST', '/api/requests', flooder.token, matter())).status).toBe(429);
  });

  it('a grid leader’s 代办 and patrol reports count toward his own limit (not the villager’s)', async () => {
    const leader = await personWithRole(ds(), 'grid_leader', 'SG-TT-V03-L1-S01');
    const token = await demoToken(under.api.baseUrl, leader.personId);
    const neighbour = await villager('13599990002');
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await api(
            'POST',
            '/api/requests/patrol',
            token,
            matter({ dutyType: 'hazard_inspector', category: 'safety', unitId: leader.unitId, settledOnSpot: false }),
          )
        ).status,
      ).toBe(201);
      expect(
        (await api('POST', '/api/requests/on-behalf', token, matter({ unitId: leader.unitId, requesterName: '刷单人', requesterPhone: neighbour.phone })))
          .status,
      ).toBe(201);
    }
    expect(
      (await api('POST', '/api/requests/on-behalf', token, matter({ unitId: leader.unitId, requesterName: '刷单人', requesterPhone: neighbour.phone }))).body,
    ).toMatchObject({ code: 'REQUEST_LIMIT_REACHED' });
    expect(
      (
        await api(
          'POST',
          '/api/requests/patrol',
          token,
          matter({ dutyType: 'hazard_inspector', category: 'safety', unitId: leader.unitId, settledOnSpot: false }),
        )
      ).body,
    ).toMatchObject({ code: 'REQUEST_LIMIT_REACHED' });
    // The five entered for her are the leader's doing: she still raises her own.
    expect((await api('POST', '/api/requests', neighbour.token, matter())).status).toBe(201);
  });

  it('hotline staff entering calls, and 12345 imports, are not limited', async () => {
    const staff = await personWithRole(ds(), 'hotline_staff', 'SG-TT');
    const token = await demoToken(under.api.baseUrl, staff.personId);
    const grid = await unitByCode(ds(), 'SG-TT-V04-L1-S01');
    for (let i = 0; i < 12; i++) {
      const res = await api(
        'POST',
        '/api/requests/on-behalf',
        token,
        matter({ unitId: grid.id, requesterName: '来电人', requesterPhone: `136000020${String(i).padStart(2, '0')}` }),
      );
      expect(res.status).toBe(201);
      expect(res.body.source).toBe('staff');
    }
    const town = await unitByCode(ds(), 'SG-TT');
    const orders = Array.from({ length: 12 }, (_, i) => ({
      orderNo: `FLOOD${Date.now()}${i}`,
      receivedAt: '2026-12-07T08:00:00+08:00',
      callerName: '来电人',
      callerPhone: '13600003000',
      content: `工单 ${i}`,
      cityDueAt: '2026-12-20T17:00:00+08:00',
    }));
    const imported = await api('POST', '/api/hotline/orders', token, { townId: town.id, orders });
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(12);
  });
});
