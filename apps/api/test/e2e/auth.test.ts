import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { DataSource, IsNull } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { RoleAssignment } from '../../src/grid/role-assignment.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { personWithRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

describe(`signing in with WeChat (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 1000, refreshReuseGraceSeconds: 1 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, options?: { token?: string; body?: unknown }) => call(under.api.baseUrl, method, path, options);
  const login = (code: string) => api('POST', '/api/auth/wechat-login', { body: { code } });

  it('signs a new WeChat user in as a villager with no roles, and the same user again as the same person', async () => {
    const grant = fake.issueLoginCode();
    const first = await login(grant.code);
    expect(first.status).toBe(200);
    expect(first.body.me).toMatchObject({ name: '微信用户', phoneMasked: null, roles: [], homeUnit: null });
    expect(first.body.expiresIn).toBe(900);

    const again = await login(fake.issueLoginCode({ openid: grant.openid }).code);
    expect(again.body.me.id).toBe(first.body.me.id);
    const me = await api('GET', '/api/me', { token: again.body.accessToken });
    expect(me).toMatchObject({ status: 200, body: { id: first.body.me.id } });
  });

  it.each([
    [
      'a used code',
      async () => {
        const { code } = fake.issueLoginCode();
        await login(code);
        return code;
      },
      400,
      'WECHAT_CODE_INVALID',
    ],
    ['an unknown code', async () => 'no-such-code', 400, 'WECHAT_CODE_INVALID'],
    [
      '45011 from WeChat',
      async () => {
        fake.injectFault({ path: '/sns/jscode2session', errcode: 45011 });
        return fake.issueLoginCode().code;
      },
      429,
      'WECHAT_RATE_LIMITED',
    ],
    [
      '-1 twice in a row',
      async () => {
        fake.injectFault({ path: '/sns/jscode2session', errcode: -1, times: 2 });
        return fake.issueLoginCode().code;
      },
      503,
      'WECHAT_BUSY',
    ],
    [
      'an HTML 502 page',
      async () => {
        fake.injectFault({ path: '/sns/jscode2session', httpStatus: 502, body: '<html>Bad Gateway</html>' });
        return fake.issueLoginCode().code;
      },
      503,
      'WECHAT_UNAVAILABLE',
    ],
    [
      'a dropped connection',
      async () => {
        fake.injectFault({ path: '/sns/jscode2session', dropConnection: true });
        return fake.issueLoginCode().code;
      },
      503,
      'WECHAT_UNAVAILABLE',
    ],
  ])('turns %s into a clear error', async (_what, codeFor, status, errorCode) => {
    const res = await login(await codeFor());
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(errorCode);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    fake.clearFaults();
  });

  it('rides out one "system busy" (-1) by asking once more', async () => {
    fake.injectFault({ path: '/sns/jscode2session', errcode: -1 });
    const res = await login(fake.issueLoginCode().code);
    expect(res.status).toBe(200);
  });

  it('refresh tokens are single use: one reused after the grace second revokes the whole sign-in', async () => {
    const first = (await login(fake.issueLoginCode().code)).body;
    const second = await api('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const reuse = await api('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    // Someone replayed a spent token: the newer pair of that sign-in stops working too.
    expect((await api('POST', '/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);
    expect((await api('GET', '/api/me', { token: second.body.accessToken })).body.code).toBe('TOKEN_INVALID');
  });

  it('two refreshes racing with one token: exactly one gets a new pair, and the sign-in survives', async () => {
    const { refreshToken } = (await login(fake.issueLoginCode().code)).body;
    const results = await Promise.all([1, 2, 3].map(() => api('POST', '/api/auth/refresh', { body: { refreshToken } })));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 401).every((r) => r.body.code === 'REFRESH_TOKEN_INVALID')).toBe(true);
    // The client's own race is not theft: the winner's pair keeps working.
    expect((await api('GET', '/api/me', { token: winners[0]!.body.accessToken })).status).toBe(200);
    expect((await api('POST', '/api/auth/refresh', { body: { refreshToken: winners[0]!.body.refreshToken } })).status).toBe(200);
  });

  it('signing out revokes the refresh token and the access tokens of that sign-in', async () => {
    const session = (await login(fake.issueLoginCode().code)).body;
    expect((await api('POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
    expect((await api('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect((await api('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
  });

  it('refuses calls without a token or with a forged one', async () => {
    expect((await api('GET', '/api/me')).body).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录' });
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwic2lkIjoieCJ9.c2lnbmF0dXJl';
    expect((await api('GET', '/api/me', { token: forged })).body.code).toBe('TOKEN_INVALID');
  });

  it('a phone on the roster makes the caller that roster person, with their roles', async () => {
    const leader = await personWithRole(under.api.app.get(DataSource), 'grid_leader', 'SG-TT-V03');
    const grant = fake.issueLoginCode();
    const session = (await login(grant.code)).body;
    const bound = await api('POST', '/api/me/phone', { token: session.accessToken, body: { code: fake.issuePhoneCode(leader.phone!).code } });
    expect(bound.status).toBe(200);
    expect(bound.body.me).toMatchObject({ id: leader.personId, name: leader.name, roles: [{ role: 'grid_leader', roleLabel: '网格巷长' }] });
    expect(bound.body.me.phoneMasked).toBe(`${leader.phone!.slice(0, 3)}****${leader.phone!.slice(7)}`);
    // The WeChat account now signs in as the roster person directly.
    const later = await login(fake.issueLoginCode({ openid: grant.openid }).code);
    expect(later.body.me.id).toBe(leader.personId);
  });

  it('an unknown phone keeps the caller a villager, with the number kept and shown masked', async () => {
    const session = (await login(fake.issueLoginCode().code)).body;
    const bound = await api('POST', '/api/me/phone', { token: session.accessToken, body: { code: fake.issuePhoneCode('13812345678').code } });
    expect(bound.body.me).toMatchObject({ id: session.me.id, phoneMasked: '138****5678', roles: [] });
  });

  it('fetches the WeChat access token once for many calls, and again only when WeChat rejects it', async () => {
    fake.reset();
    const phoneBinds = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const session = (await login(fake.issueLoginCode().code)).body;
        const res = await api('POST', '/api/me/phone', { token: session.accessToken, body: { code: fake.issuePhoneCode(`1391111000${i}`).code } });
        expect(res.status).toBe(200);
      }
    };
    // The cache may hold a token from an earlier test; the fake was reset, so that one is unknown (40001).
    await phoneBinds(3);
    const afterFirst = fake.calls()['/cgi-bin/stable_token'] ?? 0;
    expect(afterFirst).toBeLessThanOrEqual(2);
    expect(fake.calls()['/wxa/business/getuserphonenumber']).toBeGreaterThanOrEqual(3);

    fake.expireAccessToken();
    await phoneBinds(2);
    expect(fake.calls()['/cgi-bin/stable_token']).toBe(afterFirst + 1);

    fake.invalidateAccessToken();
    await phoneBinds(1);
    expect(fake.calls()['/cgi-bin/stable_token']).toBeGreaterThanOrEqual(afterFirst + 2);
  });

  it('a person taken off the roster loses the role on their very next request', async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V05');
    const session = (await login(fake.issueLoginCode().code)).body;
    const bound = (await api('POST', '/api/me/phone', { token: session.accessToken, body: { code: fake.issuePhoneCode(leader.phone!).code } })).body;
    expect((await api('GET', `/api/units/${leader.unitId}/roster`, { token: bound.accessToken })).status).toBe(200);

    await dataSource.getRepository(RoleAssignment).update({ personId: leader.personId, endedAt: IsNull() }, { endedAt: new Date() });
    expect((await api('GET', '/api/me', { token: bound.accessToken })).body.roles).toEqual([]);
    expect((await api('GET', `/api/units/${leader.unitId}/roster`, { token: bound.accessToken })).body.code).toBe('FORBIDDEN');
  });

  it('the demo login does not exist unless switched on', async () => {
    expect((await api('GET', '/api/auth/demo-people')).status).toBe(404);
    expect((await api('POST', '/api/auth/demo-login', { body: { personId: 1 } })).status).toBe(404);
  });
});

describe(`sign-in limits and settings (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    auth: { accessTokenTtlSeconds: 1, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 5, refreshReuseGraceSeconds: 1 },
  }));

  it('access tokens expire', async () => {
    const session = (await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } })).body;
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const res = await call(under.api.baseUrl, 'GET', '/api/me', { token: session.accessToken });
    expect(res).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } });
  });

  it('sign-in calls are rate-limited per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: 'x' } })).status);
    }
    // One call went to the expiry test above; the limit of 5 a minute is reached within these.
    expect(statuses).toContain(429);
    const limited = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: 'x' } });
    expect(limited.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: '操作太频繁，请稍后再试' });
  });
});

describe('WeChat not configured', () => {
  const under = useAppUnderTest(() => ({ wechat: { apiBase: 'http://127.0.0.1:9', appid: null, secret: null } }));

  it('answers sign-in with WECHAT_NOT_CONFIGURED, not a crash', async () => {
    const res = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: 'abc' } });
    expect(res).toMatchObject({ status: 503, body: { code: 'WECHAT_NOT_CONFIGURED' } });
  });
});
