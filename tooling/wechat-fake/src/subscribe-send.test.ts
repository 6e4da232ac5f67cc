import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { errcodeOf, fetchAccessToken, getAnyJson, postJson, startFake, type Harness } from './testing/harness';

const TEMPLATE = 'tplRequestAccepted_0123456789abcdefABCDEF';

describe('POST /cgi-bin/message/subscribe/send (subscribeMessage.send)', () => {
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

  const message = (data: Record<string, { value: string | number }>, extra: Record<string, unknown> = {}) => ({
    touser: openid,
    template_id: TEMPLATE,
    page: 'pages/request/detail?id=42',
    miniprogram_state: 'formal',
    lang: 'zh_CN',
    data,
    ...extra,
  });
  const okData = { thing1: { value: '路灯不亮' }, time2: { value: '2025-03-03 09:00' }, phrase3: { value: '已受理' } };
  const send = (body: unknown) => postJson(`${h.base}/cgi-bin/message/subscribe/send?access_token=${token}`, body);

  it('uses one grant per accepted send, then refuses with 43101', async () => {
    const granted = await postJson(`${h.base}/__fake/subscribe-grants`, { openid, template_id: TEMPLATE, count: 2 });
    assert.deepEqual(granted.body, { openid, template_id: TEMPLATE, remaining: 2 });

    const first = await send(message(okData));
    assert.equal(first.body['errcode'], 0);
    assert.equal(first.body['errmsg'], 'ok');
    assert.equal(typeof first.body['msgid'], 'number');
    const second = await send(message(okData));
    assert.equal(second.body['errcode'], 0);
    assert.notEqual(second.body['msgid'], first.body['msgid']);

    const third = await send(message(okData));
    assert.equal(third.body['errcode'], 43101);
    assert.match(String(third.body['errmsg']), /^user refuse to accept the msg rid: /);
    assert.equal(h.fake.subscribeGrantsLeft(openid, TEMPLATE), 0);
  });

  it('refuses with 43101 when the user never accepted the template', async () => {
    assert.equal(errcodeOf(await send(message(okData))), 43101);
  });

  it('records accepted messages for GET /__fake/messages', async () => {
    h.fake.grantSubscribe({ openid, template_id: TEMPLATE });
    const sent = await send(message(okData));
    const listed = await getAnyJson(`${h.base}/__fake/messages`);
    assert.deepEqual(listed.body, [
      {
        msgid: sent.body['msgid'],
        touser: openid,
        template_id: TEMPLATE,
        data: okData,
        sentAtMs: h.clock.ms,
        page: 'pages/request/detail?id=42',
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ]);
    assert.equal(h.fake.sentMessages().length, 1);
  });

  it('refuses unknown or missing touser with 40003 and a missing template_id with 40037', async () => {
    h.fake.grantSubscribe({ openid, template_id: TEMPLATE });
    assert.equal(errcodeOf(await send(message(okData, { touser: 'oNeverLoggedIn000000000000000' }))), 40003);
    assert.equal(errcodeOf(await send(message(okData, { touser: undefined }))), 40003);
    assert.equal(errcodeOf(await send(message(okData, { template_id: '' }))), 40037);
  });

  const limits: Array<[string, string, string]> = [
    ['thing1', '一'.repeat(20), '一'.repeat(21)],
    ['character_string2', 'A'.repeat(32), 'A'.repeat(33)],
    ['phrase3', '处理中处理', '处理中处理中'],
    ['name4', '欧阳'.repeat(5), '欧阳'.repeat(5) + '娜'],
    ['phone_number5', '+86-138-0013-8000', '+86-138-0013-80000'],
  ];
  for (const [key, longest, tooLong] of limits) {
    it(`accepts ${key} at its limit and answers 47003 naming it beyond`, async () => {
      h.fake.grantSubscribe({ openid, template_id: TEMPLATE, count: 1 });
      const refused = await send(message({ [key]: { value: tooLong } }));
      assert.equal(refused.body['errcode'], 47003);
      assert.match(String(refused.body['errmsg']), new RegExp(`^argument invalid! data\\.${key}\\.value invalid rid: `));
      // The refused send did not use the grant.
      assert.equal(errcodeOf(await send(message({ [key]: { value: longest } }))), 0);
    });
  }

  it('answers 47003 for empty data, empty values and Chinese in character_string', async () => {
    h.fake.grantSubscribe({ openid, template_id: TEMPLATE });
    const empty = await send(message({ thing1: { value: '' } }));
    assert.match(String(empty.body['errmsg']), /^argument invalid! data\.thing1\.value is empty/);
    assert.equal(errcodeOf(await send(message({}))), 47003);
    assert.equal(errcodeOf(await send(message({ character_string1: { value: '工单001' } }))), 47003);
    assert.equal(errcodeOf(await send(message(okData, { miniprogram_state: 'production' }))), 47003);
    assert.equal(errcodeOf(await send(message({ number1: { value: 42 } }))), 0);
  });

  it('runs the token check first', async () => {
    h.fake.invalidateAccessToken();
    assert.equal(errcodeOf(await send(message(okData))), 40001);
  });
});
