import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { APPID, SECRET, errcodeOf, getJson, loginOverHttp, startFake, type Harness } from './testing/harness';

describe('GET /sns/jscode2session (code2Session)', () => {
  let h: Harness;
  before(async () => {
    h = await startFake({ codeTtlSeconds: 300 });
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  const exchange = (code: string, overrides: Record<string, string> = {}) => {
    const query = new URLSearchParams({ appid: APPID, secret: SECRET, js_code: code, grant_type: 'authorization_code', ...overrides });
    return getJson(`${h.base}/sns/jscode2session?${query.toString()}`);
  };

  it('exchanges a code for openid and session_key, with no errcode on success', async () => {
    const grant = await loginOverHttp(h.base);
    assert.match(grant.openid, /^o[A-Za-z0-9_-]{27}$/);
    assert.equal(Buffer.from(grant.session_key, 'base64').length, 16);
    const reply = await exchange(grant.code);
    assert.equal(reply.status, 200);
    assert.match(reply.contentType, /^application\/json/);
    assert.deepEqual(reply.body, { session_key: grant.session_key, openid: grant.openid });
  });

  it('returns unionid when the login had one, and keeps it for a returning user', async () => {
    const first = h.fake.issueLoginCode({ openid: 'oTestUser000000000000000001', unionid: 'uTestUnion0001' });
    assert.equal((await exchange(first.code)).body['unionid'], 'uTestUnion0001');
    const again = h.fake.issueLoginCode({ openid: 'oTestUser000000000000000001' });
    assert.equal((await exchange(again.code)).body['unionid'], 'uTestUnion0001');
  });

  it('gives a new session_key on each login of the same openid', async () => {
    const first = h.fake.issueLoginCode({ openid: 'oSameUser00000000000000000' });
    const second = h.fake.issueLoginCode({ openid: 'oSameUser00000000000000000' });
    assert.notEqual(first.session_key, second.session_key);
    assert.notEqual(first.code, second.code);
    assert.equal((await exchange(second.code)).body['session_key'], second.session_key);
  });

  it('accepts a code only once (40029 the second time)', async () => {
    const { code } = h.fake.issueLoginCode();
    assert.equal(errcodeOf(await exchange(code)), undefined);
    const reused = await exchange(code);
    assert.equal(reused.status, 200);
    assert.equal(reused.body['errcode'], 40029);
    assert.match(String(reused.body['errmsg']), /^invalid code rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('refuses an unknown code with 40029', async () => {
    assert.equal(errcodeOf(await exchange('0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d')), 40029);
  });

  it('expires codes after codeTtlSeconds (by the injected clock)', async () => {
    const stillValid = h.fake.issueLoginCode();
    const expired = h.fake.issueLoginCode();
    h.clock.advanceSeconds(299);
    assert.equal(errcodeOf(await exchange(stillValid.code)), undefined);
    h.clock.advanceSeconds(1);
    assert.equal(errcodeOf(await exchange(expired.code)), 40029);
  });

  it('checks appid, secret, grant_type and js_code', async () => {
    const { code } = h.fake.issueLoginCode();
    assert.equal(errcodeOf(await exchange(code, { appid: '' })), 41002);
    assert.equal(errcodeOf(await exchange(code, { appid: 'wx0000000000000bad' })), 40013);
    assert.equal(errcodeOf(await exchange(code, { secret: '' })), 41004);
    assert.equal(errcodeOf(await exchange(code, { secret: 'wrong' })), 40125);
    assert.equal(errcodeOf(await exchange(code, { grant_type: 'client_credential' })), 40002);
    assert.equal(errcodeOf(await exchange('')), 41008);
    // None of the refused calls used the code up.
    assert.equal(errcodeOf(await exchange(code)), undefined);
  });

  it('validates control input: a malformed openid is a 400', async () => {
    const response = await fetch(`${h.base}/__fake/login`, { method: 'POST', body: JSON.stringify({ openid: 'bad openid!' }) });
    assert.equal(response.status, 400);
    assert.throws(() => h.fake.issueLoginCode({ openid: 'x' }), { name: 'ControlInputError' });
  });
});
