import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFakeWechat } from './index';
import { APPID, getJson, postJson, startFake, type Harness } from './testing/harness';

describe('the control surface and the server lifecycle', () => {
  let h: Harness;
  before(async () => {
    h = await startFake();
  });
  after(() => h.fake.close());

  it('reports health, and 404/405/400 for unknown routes, wrong methods and bad JSON', async () => {
    assert.deepEqual((await getJson(`${h.base}/__fake/health`)).body, { ok: true, appid: APPID });
    const unknown = await getJson(`${h.base}/__fake/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.ok(Array.isArray(unknown.body['endpoints']));
    assert.equal((await getJson(`${h.base}/__fake/reset`)).status, 405);
    assert.equal((await postJson(`${h.base}/__fake/phone-code`, '{not json')).status, 400);
    // Control calls are not WeChat calls.
    assert.deepEqual(h.fake.calls(), {});
  });

  it('grants subscriptions over HTTP with validation', async () => {
    assert.equal((await postJson(`${h.base}/__fake/subscribe-grants`, { openid: 'o1', template_id: 't', count: 0 })).status, 400);
    assert.equal((await postJson(`${h.base}/__fake/subscribe-grants`, { openid: 'o1' })).status, 400);
    const granted = await postJson(`${h.base}/__fake/subscribe-grants`, { openid: 'o1', template_id: 't' });
    assert.deepEqual(granted.body, { openid: 'o1', template_id: 't', remaining: 1 });
  });

  it('listens on a free port, exposes its url, refuses a second listen and closes cleanly', async () => {
    const fake = createFakeWechat({ appid: APPID, secret: 's' });
    assert.equal(fake.url, undefined);
    const url = await fake.listen();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(fake.url, url);
    await assert.rejects(fake.listen(), /already listening/);
    await fake.close();
    assert.equal(fake.url, undefined);
    await assert.rejects(fetch(`${url}/__fake/health`));
    await fake.close(); // closing twice is harmless
  });

  it('close() does not wait for a call held by a delay fault', async () => {
    const fake = createFakeWechat({ appid: APPID, secret: 's' });
    const url = await fake.listen();
    fake.injectFault({ path: '/cgi-bin/stable_token', delayMs: 60_000 });
    const held = fetch(`${url}/cgi-bin/stable_token`, { method: 'POST', body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await fake.close();
    assert.ok(Date.now() - started < 5_000);
    await assert.rejects(held);
  });

  it('refuses bad options', () => {
    assert.throws(() => createFakeWechat({ appid: '', secret: 's' }), RangeError);
    assert.throws(() => createFakeWechat({ appid: APPID, secret: 's', accessTokenTtlSeconds: 0 }), RangeError);
  });
});
