import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fitSubscribeField, SUBSCRIBE_FIELD_TYPES } from '@gridloop/domain';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { parseSubscribeTemplates } from '../../src/config/notifications-config';
import { ConfigError } from '../../src/config/database-url';
import { classifySendFailure, retryDelaySeconds } from '../../src/notifications/delivery-policy';
import { WechatUnreachableError } from '../../src/wechat/wechat-api.client';
import { WechatApiError } from '../../src/wechat/wechat-errors';
import { startFakeWechat, TEST_APPID, TEST_SECRET } from '../support/fake-wechat';

/** Awkward values: long, empty, only spaces, control characters, emoji, mixed scripts, no digits, only digits. */
const AWKWARD: (string | Date)[] = [
  '',
  '   ',
  '\n\t\u0000',
  '路灯坏了',
  '村东头的路灯已经坏了三天了，晚上出行很不方便，请尽快安排电工修理，谢谢！',
  'A'.repeat(100),
  '1'.repeat(100),
  '😀'.repeat(30),
  '👨‍👩‍👧 family',
  '王小明 Wang Xiaoming',
  '+86 (0536) 1234-5678 转 801 分机',
  '诉求 #12345',
  '¥1,234.56元',
  '!!!???***',
  '鲁G·12345新能源',
  '\u202e反转\u200b零宽',
  '𠀀𠀁𠀂𠀃𠀄𠀅𠀆',
  new Date('2026-11-25T01:30:00Z'),
  new Date('2027-01-01T15:59:00Z'),
];

describe('subscribe-message values against the fake WeChat', () => {
  let fake: FakeWechat;
  let base: string;
  let token: string;
  let openid: string;
  beforeAll(async () => {
    let wechat;
    ({ fake, wechat } = await startFakeWechat());
    base = wechat.apiBase;
    const res = await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: TEST_APPID, secret: TEST_SECRET, force_refresh: false }),
    });
    token = (await res.json()).access_token;
    openid = fake.issueLoginCode().openid;
  });
  afterAll(() => fake?.close());

  it('accepts every value fitSubscribeField produces, for every key type', async () => {
    const refused: string[] = [];
    let sent = 0;
    for (const type of SUBSCRIBE_FIELD_TYPES) {
      for (const raw of AWKWARD) {
        const key = `${type}7`;
        const value = fitSubscribeField(key, raw);
        fake.grantSubscribe({ openid, template_id: 'tplFieldCheck', count: 1 });
        const res = await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: openid,
            template_id: 'tplFieldCheck',
            page: 'pages/index/index',
            data: { [key]: { value } },
            miniprogram_state: 'formal',
            lang: 'zh_CN',
          }),
        });
        const reply = await res.json();
        sent++;
        if (reply.errcode !== 0) refused.push(`${key} ${JSON.stringify(String(raw))} → ${JSON.stringify(value)}: ${reply.errcode} ${reply.errmsg}`);
      }
    }
    expect(refused).toEqual([]);
    expect(sent).toBe(SUBSCRIBE_FIELD_TYPES.length * AWKWARD.length);
    expect(fake.sentMessages()).toHaveLength(sent);
  });

  it('the fake does refuse a value cut by one character too few (the check above can fail)', async () => {
    fake.grantSubscribe({ openid, template_id: 'tplFieldCheck', count: 1 });
    const res = await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: openid, template_id: 'tplFieldCheck', data: { thing1: { value: '字'.repeat(21) } } }),
    });
    expect((await res.json()).errcode).toBe(47003);
  });
});

describe('WECHAT_SUBSCRIBE_TEMPLATES', () => {
  it('reads templates by kind; empty means none', () => {
    expect(parseSubscribeTemplates(undefined)).toEqual({});
    expect(parseSubscribeTemplates('  ')).toEqual({});
    expect(
      parseSubscribeTemplates(
        '{"assigned":{"templateId":"AbC-1_x","page":"pages/request/index","fields":{"thing1":"title","time2":"time","character_string3":"request","phrase4":"state","thing5":"body"}}}',
      ),
    ).toEqual({
      assigned: {
        templateId: 'AbC-1_x',
        page: 'pages/request/index',
        fields: { thing1: 'title', time2: 'time', character_string3: 'request', phrase4: 'state', thing5: 'body' },
      },
    });
  });

  it.each([
    ['not json', 'WECHAT_SUBSCRIBE_TEMPLATES: is not JSON'],
    ['[]', 'must be a JSON object'],
    ['{"nudged":{}}', 'nudged: is not a notification kind'],
    ['{"assigned":{"templateId":"x","page":"p","fields":{"thing1":"title"},"extra":1}}', 'assigned: unknown setting extra'],
    ['{"assigned":{"templateId":"has space","page":"p","fields":{"thing1":"title"}}}', 'assigned.templateId'],
    ['{"assigned":{"templateId":"x","page":"/pages/a","fields":{"thing1":"title"}}}', 'assigned.page'],
    ['{"assigned":{"templateId":"x","page":"p","fields":{}}}', 'assigned.fields: must name at least one'],
    ['{"assigned":{"templateId":"x","page":"p","fields":{"stuff1":"title"}}}', 'assigned.fields.stuff1: is not a WeChat template key'],
    ['{"assigned":{"templateId":"x","page":"p","fields":{"thing1":"phone"}}}', 'assigned.fields.thing1: must be one of title, body, time, request, state'],
    ['{"assigned":{"templateId":"x","page":"p","fields":{"time1":"title"}}}', 'assigned.fields.time1: a time or date key takes "time"'],
    ['{"assigned":{"templateId":"x","page":"p","fields":{"number1":"time"}}}', 'assigned.fields.number1: "time" goes into a time, date or thing key'],
  ])('refuses %s with one line naming the place', (raw, expected) => {
    let error: unknown;
    try {
      parseSubscribeTemplates(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message.startsWith('WECHAT_SUBSCRIBE_TEMPLATES: ')).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('delivery policy', () => {
  it('waits base, 2×, 4×… between tries, never more than an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 40].map((n) => retryDelaySeconds(n, 30))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it.each([
    { label: 'unreachable', error: new WechatUnreachableError('no answer within 5 s'), action: 'retry' },
    { label: 'errcode -1', error: new WechatApiError(-1, 'system error', '/x'), action: 'retry' },
    { label: 'errcode 45011', error: new WechatApiError(45011, 'api minute-quota reach limit', '/x'), action: 'retry' },
    { label: 'errcode 40001', error: new WechatApiError(40001, 'invalid credential', '/x'), action: 'retry' },
    { label: 'errcode 42001', error: new WechatApiError(42001, 'access_token expired', '/x'), action: 'retry' },
    { label: 'errcode 43101', error: new WechatApiError(43101, 'user refuse to accept the msg', '/x'), action: 'refused' },
    { label: 'errcode 47003', error: new WechatApiError(47003, 'argument invalid!', '/x'), action: 'permanent' },
    { label: 'errcode 40037', error: new WechatApiError(40037, 'invalid template_id', '/x'), action: 'permanent' },
    { label: 'errcode 40003', error: new WechatApiError(40003, 'invalid openid', '/x'), action: 'permanent' },
    { label: 'a database error', error: new Error('database gone'), action: 'retry' },
  ])('$label → $action', ({ error, action }) => {
    expect(classifySendFailure(error).action).toBe(action);
  });
});
