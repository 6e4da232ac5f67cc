import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { APPID, SECRET, errcodeOf, fetchAccessToken, getJson, postJson, startFake, type Harness } from './testing/harness';

describe('fault injection, call counts and unknown paths', () => {
  let h: Harness;
  before(async () => {
    h = await startFake();
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  const login = () => {
    const { code } = h.fake.issueLoginCode();
    const query = new URLSearchParams({ appid: APPID, secret: SECRET, js_code: code, grant_type: 'authorization_code' });
    return getJson(`${h.base}/sns/jscode2session?${query.toString()}`);
  };

  it('answers the next `times` calls with the injected WeChat error, then normally', async () => {
    const injected = await postJson(`${h.base}/__fake/faults`, {
      path: '/sns/jscode2session',
      errcode: 45011,
      times: 2,
    });
    assert.equal(injected.status, 200);
    const first = await login();
    assert.equal(first.status, 200);
    assert.equal(first.body['errcode'], 45011);
    assert.match(String(first.body['errmsg']), /^api minute-quota reach limit mustslower retry next minute rid: /);
    assert.equal(errcodeOf(await login()), 45011);
    assert.equal(errcodeOf(await login()), undefined);
  });

  it('uses the given errmsg verbatim, and faults on a path queue up in order', async () => {
    h.fake.injectFault({ path: '/cgi-bin/stable_token', errcode: -1, errmsg: 'system error' });
    h.fake.injectFault({ path: '/cgi-bin/stable_token', errcode: 45009 });
    assert.equal(h.fake.pendingFaults().length, 2);
    const body = { grant_type: 'client_credential', appid: APPID, secret: SECRET };
    assert.deepEqual((await postJson(`${h.base}/cgi-bin/stable_token`, body)).body, { errcode: -1, errmsg: 'system error' });
    assert.equal(errcodeOf(await postJson(`${h.base}/cgi-bin/stable_token`, body)), 45009);
    assert.equal(typeof (await postJson(`${h.base}/cgi-bin/stable_token`, body)).body['access_token'], 'string');
  });

  it('can answer with a bare HTTP status and a non-JSON body', async () => {
    h.fake.injectFault({ path: '/cgi-bin/stable_token', httpStatus: 502, body: '<html>Bad Gateway</html>' });
    h.fake.injectFault({ path: '/cgi-bin/stable_token', httpStatus: 503 });
    const gateway = await fetch(`${h.base}/cgi-bin/stable_token`, { method: 'POST', body: '{}' });
    assert.equal(gateway.status, 502);
    assert.equal(await gateway.text(), '<html>Bad Gateway</html>');
    const empty = await fetch(`${h.base}/cgi-bin/stable_token`, { method: 'POST', body: '{}' });
    assert.equal(empty.status, 503);
    assert.equal(await empty.text(), '');
  });

  it('can delay a call (then answer normally) and drop the connection', async () => {
    h.fake.injectFault({ path: '/sns/jscode2session', delayMs: 150 });
    const started = Date.now();
    assert.equal(errcodeOf(await login()), undefined);
    assert.ok(Date.now() - started >= 140, 'the call was held back');

    h.fake.injectFault({ path: '/sns/jscode2session', dropConnection: true });
    await assert.rejects(login());
    assert.equal(errcodeOf(await login()), undefined);
  });

  it('counts every call per path, failed and faulted ones included', async () => {
    h.fake.injectFault({ path: '/sns/jscode2session', errcode: -1 });
    await login();
    await login();
    await getJson(`${h.base}/sns/jscode2session?appid=wrong`);
    await fetchAccessToken(h.base);
    await postJson(`${h.base}/wxa/msg_sec_check`, {});
    const calls = await getJson(`${h.base}/__fake/calls`);
    assert.deepEqual(calls.body, {
      '/sns/jscode2session': 3,
      '/cgi-bin/stable_token': 1,
      '/wxa/msg_sec_check': 1,
    });
    assert.deepEqual(h.fake.calls(), calls.body);
  });

  it('answers unknown paths with HTTP 404 and errcode 40066 (counted, too)', async () => {
    const reply = await getJson(`${h.base}/cgi-bin/token?grant_type=client_credential`);
    assert.equal(reply.status, 404);
    assert.equal(reply.body['errcode'], 40066);
    assert.equal(h.fake.calls()['/cgi-bin/token'], 1);
  });

  it('validates faults: known path, one outcome, sane numbers', async () => {
    const unknown = await postJson(`${h.base}/__fake/faults`, { path: '/cgi-bin/token', errcode: -1 });
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body['error']), /\/sns\/jscode2session/);
    assert.equal((await postJson(`${h.base}/__fake/faults`, { path: '/sns/jscode2session' })).status, 400);
    assert.equal((await postJson(`${h.base}/__fake/faults`, { path: '/sns/jscode2session', errcode: -1, httpStatus: 500 })).status, 400);
    assert.equal((await postJson(`${h.base}/__fake/faults`, { path: '/sns/jscode2session', errcode: -1, times: 0 })).status, 400);
    assert.throws(() => h.fake.injectFault({ path: '/__fake/calls', errcode: -1 }), { name: 'ControlInputError' });
  });

  it('lists and clears pending faults; reset clears them too', async () => {
    await postJson(`${h.base}/__fake/faults`, { path: '/wxa/msg_sec_check', errcode: -1, times: 3 });
    const listed = await getJson(`${h.base}/__fake/faults`);
    assert.deepEqual(listed.body, { pending: [{ path: '/wxa/msg_sec_check', errcode: -1, times: 3 }] });
    const cleared = await postJson(`${h.base}/__fake/faults`, undefined, 'DELETE');
    assert.deepEqual(cleared.body, { pending: [] });
    h.fake.injectFault({ path: '/wxa/msg_sec_check', errcode: -1 });
    h.fake.reset();
    assert.deepEqual(h.fake.pendingFaults(), []);
    assert.deepEqual(h.fake.calls(), {});
  });
});
