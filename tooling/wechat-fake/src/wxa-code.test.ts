import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { readWxaCode } from './index';
import { errcodeOf, fetchAccessToken, postJson, startFake, type Harness } from './testing/harness';

describe('POST /wxa/getwxacodeunlimit (getUnlimitedQRCode)', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await startFake();
  });
  after(() => h.fake.close());
  beforeEach(async () => {
    h.fake.reset();
    token = await fetchAccessToken(h.base);
  });

  const url = () => `${h.base}/wxa/getwxacodeunlimit?access_token=${token}`;
  const post = (body: unknown) => fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers a JPEG picture whose modules carry the scene', async () => {
    const scene = 'dt_Ab3-xY9~Zk7Qw2Lm8Np4Rs6Tv1Uo0';
    assert.equal(scene.length, 32);
    const response = await post({ scene, page: 'pages/desk-sign-in/index', check_path: false, env_version: 'develop', width: 300 });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    const jpeg = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]); // a JPEG's SOI marker
    assert.deepEqual(readWxaCode(jpeg), { scene, page: 'pages/desk-sign-in/index', envVersion: 'develop', width: 300 });
    assert.deepEqual(h.fake.wxaCodes(), [{ scene, page: 'pages/desk-sign-in/index', envVersion: 'develop', width: 300 }]);
  });

  it('takes WeChat defaults (home page, release, 430 px) and draws out-of-range widths at the limit', async () => {
    const defaults = await post({ scene: 'a=1' });
    assert.deepEqual(readWxaCode(new Uint8Array(await defaults.arrayBuffer())), { scene: 'a=1', page: 'pages/index/index', envVersion: 'release', width: 430 });
    const small = await post({ scene: 'a=2', width: 10 });
    assert.equal(readWxaCode(new Uint8Array(await small.arrayBuffer())).width, 280);
  });

  it('checks the page against the published ones unless check_path is false (41030)', async () => {
    const unpublished = await postJson(url(), { scene: 'x', page: 'pages/desk-sign-in/index' });
    assert.equal(errcodeOf(unpublished), 41030);
    assert.match(String(unpublished.body['errmsg']), /^invalid page rid: /);
    assert.equal(unpublished.contentType, 'application/json; encoding=utf-8');
    await postJson(`${h.base}/__fake/published-pages`, { pages: ['pages/index/index', 'pages/desk-sign-in/index'] }, 'PUT');
    const published = await post({ scene: 'x', page: 'pages/desk-sign-in/index' });
    assert.equal(published.headers.get('content-type'), 'image/jpeg');
    assert.equal(errcodeOf(await postJson(url(), { scene: 'x', page: '/pages/index/index', check_path: false })), 41030);
    assert.equal(errcodeOf(await postJson(url(), { scene: 'x', page: 'pages/index/index?a=1', check_path: false })), 41030);
  });

  it('refuses scenes as WeChat does: empty or over 32 (40169), characters outside its set (40129)', async () => {
    assert.equal(errcodeOf(await postJson(url(), { page: 'pages/index/index' })), 40169);
    assert.equal(errcodeOf(await postJson(url(), { scene: '' })), 40169);
    assert.equal(errcodeOf(await postJson(url(), { scene: 'a'.repeat(33) })), 40169);
    assert.equal(errcodeOf(await postJson(url(), { scene: '中文' })), 40129);
    assert.equal(errcodeOf(await postJson(url(), { scene: 'a%20b' })), 40129);
  });

  it('refuses a bad env_version (40097), a body that is not JSON (47001) and a bad token (40001)', async () => {
    assert.equal(errcodeOf(await postJson(url(), { scene: 'x', env_version: 'beta' })), 40097);
    assert.equal(errcodeOf(await postJson(url(), 'scene=x')), 47001);
    const badToken = await postJson(`${h.base}/wxa/getwxacodeunlimit?access_token=nope`, { scene: 'x' });
    assert.equal(errcodeOf(badToken), 40001);
    assert.deepEqual(h.fake.wxaCodes(), []);
  });

  it('serves injected quota errors (45009) as JSON', async () => {
    h.fake.injectFault({ path: '/wxa/getwxacodeunlimit', errcode: 45009 });
    const refused = await postJson(url(), { scene: 'x' });
    assert.equal(errcodeOf(refused), 45009);
    assert.match(String(refused.body['errmsg']), /^reach max api daily quota limit rid: /);
    assert.equal(h.fake.calls()['/wxa/getwxacodeunlimit'], 1);
  });
});
