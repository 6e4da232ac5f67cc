import { beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Person } from '../../src/grid/person.entity';
import { call } from '../support/http';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Hardening (tokens): the guard took an access token with no `exp`, and one naming a sign-in that
 * never existed. Tokens here are made with the deployment's real key, read from the database as
 * the demo keeps it, so a refusal is the token's fault and not a bad signature.
 */

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT with any header and claims, HMAC-signed with `key` (the algorithm named in the header is not what signs). */
function hmacToken(header: object, claims: object, key: string, hash = 'sha256'): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac(hash, Buffer.from(key, 'utf8')).update(body).digest('base64url')}`;
}

const decode = (token: string) => ({
  header: JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>,
  claims: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>,
});

describe(`forged access tokens (${testDialect()})`, () => {
  const under = useAppUnderTest({ demoLogin: true });
  let key: string;
  /** A real sign-in's token, its header and claims: the forgeries below change one thing each. */
  let real: { token: string; header: Record<string, unknown>; claims: Record<string, unknown> };
  let otherPersonId: number;
  const now = () => Math.floor(Date.now() / 1000);
  const me = (token: string) => call(under.api.baseUrl, 'GET', '/api/me', { token });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    const people = dataSource.getRepository(Person);
    const personId = Number((await people.insert({ name: '甲', phone: null, homeUnitId: null })).identifiers[0]!.id);
    otherPersonId = Number((await people.insert({ name: '乙', phone: null, homeUnitId: null })).identifiers[0]!.id);
    await call(under.api.baseUrl, 'POST', '/api/auth/demo-login', { body: { personId: otherPersonId } });
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/demo-login', { body: { personId } });
    real = { token: session.body.accessToken, ...decode(session.body.accessToken) };
    const rows: { value: string }[] = await dataSource.query(`SELECT value FROM app_setting WHERE name = 'auth.signing_key'`);
    key = rows[0]!.value;
  });

  it('a token made here with the real key and the real claims is taken (the forging is right)', async () => {
    const token = hmacToken(real.header, { ...real.claims, iat: now(), exp: now() + 300 }, key);
    expect((await me(token)).status).toBe(200);
  });

  it('refuses a token with no expiry', async () => {
    const { exp: _exp, ...claims } = real.claims;
    expect(await me(hmacToken(real.header, claims, key))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });

  it("refuses a token naming a sign-in that never happened, or another person's", async () => {
    const unknown = hmacToken(real.header, { ...real.claims, sid: randomUUID() }, key);
    expect(await me(unknown)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    // The other person's sign-in exists and is live, but not this person's.
    const otherSignIn = (await under.api.app.get(DataSource).query('SELECT familyId FROM refresh_token WHERE personId = ?', [otherPersonId]))[0].familyId;
    expect(await me(hmacToken(real.header, { ...real.claims, sid: otherSignIn }, key))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });

  it('refuses a token from another issuer, for another audience, or with none', async () => {
    for (const claims of [
      { ...real.claims, iss: 'someone-else' },
      { ...real.claims, aud: 'someone-else' },
      withoutKey(real.claims, 'iss'),
      withoutKey(real.claims, 'aud'),
    ]) {
      expect(await me(hmacToken(real.header, claims, key))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    }
  });

  it('refuses `alg: none`, another HMAC, and an RS256 token (HS256 only)', async () => {
    const none = `${b64({ ...real.header, alg: 'none' })}.${b64(real.claims)}.`;
    expect(await me(none)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    expect(await me(hmacToken({ ...real.header, alg: 'HS512' }, real.claims, key, 'sha512'))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    // RS/HS confusion: a header saying RS256 over an HMAC made with the key, and a real RS256 signature.
    expect(await me(hmacToken({ ...real.header, alg: 'RS256' }, real.claims, key))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const body = `${b64({ ...real.header, alg: 'RS256' })}.${b64(real.claims)}`;
    const rs256 = `${body}.${rsaSign('sha256', Buffer.from(body), privateKey).toString('base64url')}`;
    expect(await me(rs256)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });

  it('refuses a token with no key id or an unknown one', async () => {
    expect(await me(hmacToken(withoutKey(real.header, 'kid'), real.claims, key))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    expect(await me(hmacToken({ ...real.header, kid: 'retired-long-ago' }, real.claims, key))).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });
});

function withoutKey(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = object;
  return rest;
}
