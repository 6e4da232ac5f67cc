import { describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { ConfigError } from '../../src/config/database-url';
import { Person } from '../../src/grid/person.entity';
import { call } from '../support/http';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Finding 6: behind nginx every caller had one address, so one client could spend everyone's
 * sign-in allowance, and junk refreshes made real ones 429. The client address is read from
 * trusted proxies only (TRUST_PROXY); refresh is limited per sign-in, not per address.
 */

/** A call as it arrives through a proxy that says the client is `client`. */
async function viaProxy(baseUrl: string, path: string, client: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function addPerson(dataSource: DataSource, name: string): Promise<number> {
  const inserted = await dataSource.getRepository(Person).insert({ name, phone: null, homeUnitId: null });
  return Number(inserted.identifiers[0]!.id);
}

const LIMITED_AUTH = { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 5, refreshReuseGraceSeconds: 10 };

describe(`sign-in limits without a trusted proxy (${testDialect()})`, () => {
  const under = useAppUnderTest({ demoLogin: true, auth: { ...LIMITED_AUTH, refreshLimitPerMinute: 4 } });
  const demoLogin = async (personId: number) => (await call(under.api.baseUrl, 'POST', '/api/auth/demo-login', { body: { personId } })).body;
  const refresh = (refreshToken: string) => call(under.api.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken } });
  let session: { refreshToken: string; accessToken: string };
  let other: { refreshToken: string };

  it('junk refresh tokens are refused one by one and never make a real refresh wait', async () => {
    const dataSource = under.api.app.get(DataSource);
    session = await demoLogin(await addPerson(dataSource, '甲'));
    other = await demoLogin(await addPerson(dataSource, '乙'));
    for (let i = 0; i < 25; i++) {
      expect(await refresh(`junk-${i}`)).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    }
    const real = await refresh(session.refreshToken);
    expect(real.status).toBe(200);
    session = real.body;
  });

  it('a spoofed X-Forwarded-For does not get a caller a fresh allowance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await viaProxy(under.api.baseUrl, '/api/auth/wechat-login', `198.51.100.${i}`, { code: 'guess' })).status);
    }
    // Two demo sign-ins came before; the limit of 5 a minute is reached within these.
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    expect((await viaProxy(under.api.baseUrl, '/api/auth/demo-login', '198.51.100.200', { personId: 1 })).body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('one sign-in refreshed too often in a minute is told to wait; another sign-in is not', async () => {
    // One rotation happened in the first test; the limit is 4 a minute for one sign-in.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await refresh(session.refreshToken);
      statuses.push(res.status);
      if (res.status === 200) session = res.body;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await refresh(session.refreshToken);
    expect(refused).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS', message: '操作太频繁，请稍后再试' } });
    // The refused token was not spent: the sign-in is intact and its access token still works.
    expect((await call(under.api.baseUrl, 'GET', '/api/me', { token: session.accessToken })).status).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });
});

describe(`sign-in limits behind a trusted proxy: TRUST_PROXY=loopback (${testDialect()})`, () => {
  const under = useAppUnderTest({ demoLogin: true, trustProxy: loadAppConfig({ TRUST_PROXY: 'loopback' }).trustProxy, auth: LIMITED_AUTH });

  it('two clients behind the proxy have a bucket each', async () => {
    const first: number[] = [];
    for (let i = 0; i < 7; i++) first.push((await viaProxy(under.api.baseUrl, '/api/auth/wechat-login', '203.0.113.7', { code: 'guess' })).status);
    expect(first.slice(0, 5)).not.toContain(429);
    expect(first.slice(5)).toEqual([429, 429]);
    // Another client, same proxy: its own allowance.
    const second = await viaProxy(under.api.baseUrl, '/api/auth/wechat-login', '203.0.113.8', { code: 'guess' });
    expect(second.status).not.toBe(429);
    // A client cannot pick its own address: nginx appends the real one, and that one counts.
    const spoofed = await viaProxy(under.api.baseUrl, '/api/auth/wechat-login', '203.0.113.9, 203.0.113.7', { code: 'guess' });
    expect(spoofed.status).toBe(429);
  });
});

describe('the TRUST_PROXY setting', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(loadAppConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([['true'], ['everyone'], ['10.0.0.0/33'], ['-1'], ['loopback,,']])('refuses %j with one clear line', (value) => {
    expect(() => loadAppConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ TRUST_PROXY: value })).toThrow(/^TRUST_PROXY: /);
  });
});
