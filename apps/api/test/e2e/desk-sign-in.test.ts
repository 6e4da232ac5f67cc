import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readWxaCode, type FakeWechat } from '@gridloop/wechat-fake';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole } from '../support/people';
import { startTestApp, useAppUnderTest, type RunningApp } from '../support/test-app';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const PAGE = 'pages/desk-sign-in/index';

describe(`扫码登录: signing in at a desk with the mini-program (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  // Whole seconds, as MySQL's DATETIME keeps them.
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
    fake.publishPages(['pages/index/index', PAGE]);
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, clock, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, options?: { token?: string; body?: unknown }) => call(under.api.baseUrl, method, path, options);
  const staffToken = async () => demoToken(under.api.baseUrl, (await personWithRole(ds(), 'hotline_staff')).personId);

  async function newTicket(): Promise<{ scene: string; pollToken: string; expiresAt: string; codeImage: string }> {
    const res = await fetch(`${under.api.baseUrl}/api/auth/desk-tickets`, { method: 'POST', headers: { 'user-agent': CHROME } });
    expect(res.status).toBe(200);
    return (await res.json()) as { scene: string; pollToken: string; expiresAt: string; codeImage: string };
  }
  const poll = (pollToken: string) => api('POST', '/api/auth/desk-poll', { body: { pollToken } });

  it('ticket → WeChat code → confirmed on the phone → the console polls its own sign-in → revoked from the phone', async () => {
    const ticket = await newTicket();
    expect(ticket.scene).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Date(ticket.expiresAt).getTime() - clock.now().getTime()).toBe(120_000);
    // The code is WeChat's picture (from the fake), opening the confirm page with the ticket as scene.
    const [meta, base64] = ticket.codeImage.split(',');
    expect(meta).toBe('data:image/jpeg;base64');
    expect(readWxaCode(Buffer.from(base64 ?? '', 'base64'))).toEqual({ scene: ticket.scene, page: PAGE, envVersion: 'release', width: 280 });

    expect(await poll(ticket.pollToken)).toEqual({ status: 200, body: { state: 'waiting' } });

    const phone = await staffToken();
    const info = await api('GET', `/api/desk-tickets/${ticket.scene}`, { token: phone });
    expect(info).toMatchObject({ status: 200, body: { browser: '电脑上的谷歌浏览器', expiresAt: ticket.expiresAt } });
    expect((await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone })).status).toBe(204);
    // A retried tap by the same person is no second use.
    expect((await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone })).status).toBe(204);

    const signedIn = await poll(ticket.pollToken);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.state).toBe('signed_in');
    const desk = signedIn.body.session;
    const staff = await personWithRole(ds(), 'hotline_staff');
    expect(desk.me.id).toBe(staff.personId);
    expect(await api('GET', '/api/me', { token: desk.accessToken })).toMatchObject({ status: 200, body: { id: staff.personId } });

    // Given once: polling again is refused, as is confirming the claimed ticket.
    expect(await poll(ticket.pollToken)).toMatchObject({ status: 409, body: { code: 'DESK_TICKET_USED' } });
    expect(await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone })).toMatchObject({ status: 409, body: { code: 'DESK_TICKET_USED' } });

    // Its own refresh family: the desk refreshes on its own, and the phone's sign-in is untouched by it.
    const refreshed = await api('POST', '/api/auth/refresh', { body: { refreshToken: desk.refreshToken } });
    expect(refreshed.status).toBe(200);

    const listed = await api('GET', '/api/me/desk-sign-ins', { token: phone });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([{ id: expect.any(Number), browser: '电脑上的谷歌浏览器', signedInAt: clock.now().toISOString(), ip: expect.any(String) }]);
    const deskSignInId: number = listed.body[0].id;

    expect((await api('POST', `/api/me/desk-sign-ins/${deskSignInId}/revoke`, { token: phone })).status).toBe(204);
    expect(await api('GET', '/api/me', { token: refreshed.body.accessToken })).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    expect(await api('POST', '/api/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } })).toMatchObject({ status: 401 });
    expect((await api('GET', '/api/me', { token: phone })).status).toBe(200);
    expect((await api('GET', '/api/me/desk-sign-ins', { token: phone })).body).toEqual([]);

    // The record stays: person, time, browser and address.
    const rows: { personId: number; browser: string; revokedAt: Date | null }[] = await ds().query('SELECT personId, browser, revokedAt FROM desk_sign_in');
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.personId)).toBe(staff.personId);
    expect(rows[0]?.revokedAt).not.toBeNull();
  });

  it('another person cannot revoke my desk, nor confirm a ticket I confirmed', async () => {
    const ticket = await newTicket();
    const phone = await staffToken();
    await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone });
    const leader = await demoToken(under.api.baseUrl, (await personWithRole(ds(), 'grid_leader')).personId);
    const other = await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: leader });
    expect(other).toMatchObject({ status: 409, body: { code: 'DESK_TICKET_OTHER_PERSON', message: '这个二维码已由其他人确认登录，不能再用' } });
    expect((await poll(ticket.pollToken)).body.state).toBe('signed_in');
    const mine = (await api('GET', '/api/me/desk-sign-ins', { token: phone })).body as { id: number }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(await api('POST', `/api/me/desk-sign-ins/${mine[0]?.id}/revoke`, { token: leader })).toMatchObject({ status: 404 });
  });

  it('an expired ticket is refused on the phone and to the console', async () => {
    const ticket = await newTicket();
    const phone = await staffToken();
    clock.advance(120_000);
    try {
      const refused = await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone });
      expect(refused).toMatchObject({ status: 410, body: { code: 'DESK_TICKET_EXPIRED', message: '二维码已过期，请在电脑上刷新二维码后重新扫码' } });
      expect(await api('GET', `/api/desk-tickets/${ticket.scene}`, { token: phone })).toMatchObject({ status: 410, body: { code: 'DESK_TICKET_EXPIRED' } });
      expect(await poll(ticket.pollToken)).toMatchObject({ status: 410, body: { code: 'DESK_TICKET_EXPIRED' } });
    } finally {
      clock.advance(-120_000);
    }
  });

  it('取消 on the phone ends the ticket for the console', async () => {
    const ticket = await newTicket();
    const phone = await staffToken();
    expect((await api('POST', `/api/desk-tickets/${ticket.scene}/cancel`, { token: phone })).status).toBe(204);
    expect(await poll(ticket.pollToken)).toMatchObject({ status: 409, body: { code: 'DESK_TICKET_CANCELLED' } });
    expect(await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone })).toMatchObject({ status: 409, body: { code: 'DESK_TICKET_USED' } });
  });

  it('a villager is refused for the console', async () => {
    const grid = await personWithRole(ds(), 'grid_leader');
    const villagerId = await addVillager(ds(), { name: '扫码村民', phone: '13900001234' }, grid.unitId);
    const villager = await demoToken(under.api.baseUrl, villagerId);
    const ticket = await newTicket();
    const refused = await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: villager });
    expect(refused).toMatchObject({ status: 403, body: { code: 'DESK_NOT_STAFF' } });
    expect(refused.body.message).toMatch(/^电脑工作台仅供镇村工作人员使用/);
    expect(await poll(ticket.pollToken)).toEqual({ status: 200, body: { state: 'waiting' } });
  });

  it('refuses unknown tickets and poll tokens, a malformed scene, and calls without a phone session', async () => {
    const phone = await staffToken();
    expect(await api('POST', '/api/desk-tickets/NoSuchTicket0000000000/confirm', { token: phone })).toMatchObject({ status: 404 });
    expect(await api('POST', '/api/desk-tickets/bad%20scene/confirm', { token: phone })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await poll('nope')).toMatchObject({ status: 404 });
    const ticket = await newTicket();
    expect(await api('POST', `/api/desk-tickets/${ticket.scene}/confirm`)).toMatchObject({ status: 401 });
  });

  it('WeChat refusing the code is a clear error (45009 → WECHAT_RATE_LIMITED), and no ticket is left waiting', async () => {
    fake.injectFault({ path: '/wxa/getwxacodeunlimit', errcode: 45009 });
    const refused = await api('POST', '/api/auth/desk-tickets');
    expect(refused).toMatchObject({ status: 429, body: { code: 'WECHAT_RATE_LIMITED' } });
  });
});

describe(`扫码登录: ticket creation is limited per address (${testDialect()})`, () => {
  let fake: FakeWechat;
  let db: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    const started = await startFakeWechat();
    fake = started.fake;
    fake.publishPages(['pages/index/index', PAGE]);
    db = await createTestDatabase();
    const defaults = (await import('../../src/config/app-config')).loadAppConfig({});
    app = await startTestApp(db.target, { wechat: started.wechat, auth: { ...defaults.auth, loginRateLimitPerMinute: 3 } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await fake?.close();
  });

  it('answers 429 TOO_MANY_REQUESTS after the limit, and polling is not counted', async () => {
    const statuses: number[] = [];
    let pollToken = '';
    for (let i = 0; i < 4; i++) {
      const res = await call(app.baseUrl, 'POST', '/api/auth/desk-tickets');
      statuses.push(res.status);
      if (res.status === 200) pollToken = res.body.pollToken;
      if (res.status === 429) expect(res.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: '操作太频繁，请稍后再试' });
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    for (let i = 0; i < 5; i++) expect((await call(app.baseUrl, 'POST', '/api/auth/desk-poll', { body: { pollToken } })).status).toBe(200);
  });
});
