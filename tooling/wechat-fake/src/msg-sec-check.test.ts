import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { errcodeOf, fetchAccessToken, getJson, postJson, startFake, type Harness } from './testing/harness';

describe('POST /wxa/msg_sec_check (msgSecCheck 2.0)', () => {
  let h: Harness;
  let token: string;
  let openid: string;
  before(async () => {
    h = await startFake();
  });
  after(() => h.fake.close());
  beforeEach(async () => {
    h.fake.reset();
    token = await fetchAccessToken(h.base);
    openid = h.fake.issueLoginCode().openid;
  });

  const check = (content: unknown, extra: Record<string, unknown> = {}) =>
    postJson(`${h.base}/wxa/msg_sec_check?access_token=${token}`, { content, version: 2, scene: 2, openid, ...extra });

  it('passes ordinary text with label 100', async () => {
    const reply = await check('村口路灯坏了三天，晚上看不清路');
    assert.equal(reply.body['errcode'], 0);
    assert.equal(reply.body['errmsg'], 'ok');
    assert.deepEqual(reply.body['result'], { suggest: 'pass', label: 100 });
    assert.deepEqual(reply.body['detail'], [
      { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
      { strategy: 'keyword', errcode: 0 },
    ]);
    assert.match(String(reply.body['trace_id']), /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('flags the default words: risky (20006) outranks review (21000)', async () => {
    const review = await check('这里有待审测试词');
    assert.deepEqual(review.body['result'], { suggest: 'review', label: 21000 });
    const risky = await check('待审测试词和违禁测试词');
    assert.deepEqual(risky.body['result'], { suggest: 'risky', label: 20006 });
    const detail = risky.body['detail'];
    assert.ok(Array.isArray(detail));
    assert.deepEqual(detail[1], { strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, level: 90, keyword: '违禁测试词' });
  });

  it('uses the word lists set over PUT /__fake/content-words (and reset restores the defaults)', async () => {
    const put = await postJson(`${h.base}/__fake/content-words`, { risky: ['坏词'] }, 'PUT');
    assert.deepEqual(put.body, { risky: ['坏词'], review: ['待审测试词'] });
    assert.deepEqual((await check('一个坏词')).body['result'], { suggest: 'risky', label: 20006 });
    assert.deepEqual((await check('违禁测试词')).body['result'], { suggest: 'pass', label: 100 });
    h.fake.setContentWords({ review: ['慢慢看'] });
    assert.deepEqual((await check('请慢慢看')).body['result'], { suggest: 'review', label: 21000 });
    await postJson(`${h.base}/__fake/reset`);
    assert.deepEqual((await getJson(`${h.base}/__fake/content-words`)).body, { risky: ['违禁测试词'], review: ['待审测试词'] });
  });

  it('wants version 2 (47001), a known openid (40003), a valid scene (40129) and string content (47001)', async () => {
    assert.equal(errcodeOf(await check('你好', { version: 1 })), 47001);
    assert.equal(errcodeOf(await check('你好', { version: undefined })), 47001);
    assert.equal(errcodeOf(await check('你好', { openid: 'oNeverLoggedIn000000000000000' })), 40003);
    assert.equal(errcodeOf(await check('你好', { scene: 5 })), 40129);
    assert.equal(errcodeOf(await check(undefined)), 47001);
    assert.equal(errcodeOf(await check('字'.repeat(2501))), 47001);
  });

  it('rejects bad word lists with 400', async () => {
    const bad = await postJson(`${h.base}/__fake/content-words`, { risky: [''] }, 'PUT');
    assert.equal(bad.status, 400);
  });
});
