import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { APPID, SECRET, errcodeOf, fetchAccessToken, postJson, startFake, type Harness } from './testing/harness';

describe('POST /cgi-bin/stable_token and the access_token check', () => {
  let h: Harness;
  before(async () => {
    h = await startFake({ accessTokenTtlSeconds: 7200 });
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  const stableToken = (body: unknown) => postJson(`${h.base}/cgi-bin/stable_token`, body);
  const credentials = { grant_type: 'client_credential', appid: APPID, secret: SECRET };
  /** Any token-guarded API works for checking a token; an empty JSON body gets past the token check only. */
  const useToken = (token?: string) => postJson(`${h.base}/wxa/business/getuserphonenumber${token === undefined ? '' : `?access_token=${token}`}`, {});

  it('issues {access_token, expires_in} and repeats the same token, counting down', async () => {
    const first = await stableToken(credentials);
    assert.equal(first.status, 200);
    assert.deepEqual(Object.keys(first.body).sort(), ['access_token', 'expires_in']);
    assert.match(String(first.body['access_token']), /^\d+_[A-Za-z0-9_-]{100,}$/);
    assert.equal(first.body['expires_in'], 7200);
    h.clock.advanceSeconds(600);
    const second = await stableToken({ ...credentials, force_refresh: false });
    assert.equal(second.body['access_token'], first.body['access_token']);
    assert.equal(second.body['expires_in'], 6600);
  });

  it('force_refresh mints a new token and the old one answers 40001', async () => {
    const old = await fetchAccessToken(h.base);
    const fresh = await fetchAccessToken(h.base, true);
    assert.notEqual(fresh, old);
    assert.equal(errcodeOf(await useToken(old)), 40001);
    assert.match(String((await useToken(old)).body['errmsg']), /^invalid credential, access_token is invalid or not latest/);
    assert.equal(errcodeOf(await useToken(fresh)), 40029); // past the token check: the body has no code
  });

  it('an expired token answers 42001; stable_token then hands out a new one', async () => {
    const token = await fetchAccessToken(h.base);
    h.clock.advanceSeconds(7200);
    assert.equal(errcodeOf(await useToken(token)), 42001);
    const next = await fetchAccessToken(h.base);
    assert.notEqual(next, token);
    assert.equal(errcodeOf(await useToken(next)), 40029);
  });

  it('renews in the last 5 minutes while the old token stays valid until it expires', async () => {
    const token = await fetchAccessToken(h.base);
    h.clock.advanceSeconds(7200 - 299);
    const renewed = await fetchAccessToken(h.base);
    assert.notEqual(renewed, token);
    assert.equal(errcodeOf(await useToken(token)), 40029);
    h.clock.advanceSeconds(299);
    assert.equal(errcodeOf(await useToken(token)), 42001);
    assert.equal(errcodeOf(await useToken(renewed)), 40029);
  });

  it('control: expire makes the current token answer 42001, invalidate makes it answer 40001', async () => {
    assert.equal(h.fake.expireAccessToken(), null);
    const first = await fetchAccessToken(h.base);
    const expired = await postJson(`${h.base}/__fake/access-token/expire`);
    assert.deepEqual(expired.body, { access_token: first });
    assert.equal(errcodeOf(await useToken(first)), 42001);

    const second = await fetchAccessToken(h.base);
    assert.notEqual(second, first);
    const invalidated = await postJson(`${h.base}/__fake/access-token/invalidate`);
    assert.deepEqual(invalidated.body, { access_token: second });
    assert.equal(errcodeOf(await useToken(second)), 40001);

    const third = await fetchAccessToken(h.base);
    assert.equal(h.fake.currentAccessToken(), third);
    assert.equal(errcodeOf(await useToken(third)), 40029);
  });

  it('refuses a missing token with 41001 and a made-up one with 40001', async () => {
    assert.equal(errcodeOf(await useToken()), 41001);
    assert.equal(errcodeOf(await useToken('')), 41001);
    assert.equal(errcodeOf(await useToken('99_made-up-token')), 40001);
  });

  it('checks appid, secret and grant_type', async () => {
    assert.equal(errcodeOf(await stableToken({ ...credentials, appid: undefined })), 41002);
    assert.equal(errcodeOf(await stableToken({ ...credentials, appid: 'wx0000000000000bad' })), 40013);
    assert.equal(errcodeOf(await stableToken({ ...credentials, secret: undefined })), 41004);
    assert.equal(errcodeOf(await stableToken({ ...credentials, secret: 'wrong' })), 40125);
    assert.equal(errcodeOf(await stableToken({ ...credentials, grant_type: 'authorization_code' })), 40002);
  });

  it('wants a JSON body (a form body reads as no appid, 41002) and the POST method (43002)', async () => {
    const form = await fetch(`${h.base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(credentials).toString(),
    });
    assert.equal(((await form.json()) as { errcode: number }).errcode, 41002);
    const get = await fetch(`${h.base}/cgi-bin/stable_token?${new URLSearchParams(credentials).toString()}`);
    assert.equal(get.status, 200);
    assert.equal(((await get.json()) as { errcode: number }).errcode, 43002);
  });

  it('scales the renewal window down for short test lifetimes', async () => {
    const short = await startFake({ accessTokenTtlSeconds: 60 });
    try {
      const token = await fetchAccessToken(short.base);
      short.clock.advanceSeconds(57);
      assert.equal(await fetchAccessToken(short.base), token); // 3 s left, window is 2.5 s
      short.clock.advanceSeconds(1);
      assert.notEqual(await fetchAccessToken(short.base), token);
    } finally {
      await short.fake.close();
    }
  });
});
