import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitSubscribeField, formatChinaMinute, subscribeFieldType } from './subscribe-fields';

const codePoints = (s: string) => Array.from(s).length;

test('key types are read from the prefix; anything else is not a WeChat key', () => {
  const cases: [string, string | null][] = [
    ['thing1', 'thing'],
    ['thing12', 'thing'],
    ['character_string4', 'character_string'],
    ['phone_number6', 'phone_number'],
    ['time2', 'time'],
    ['phrase3', 'phrase'],
    ['car_number9', 'car_number'],
    ['thing', null],
    ['Thing1', null],
    ['stuff1', null],
    ['thing1x', null],
    ['', null],
  ];
  for (const [key, expected] of cases) assert.equal(subscribeFieldType(key), expected, key);
});

test('times are China time, to the minute', () => {
  const cases: [string, string][] = [
    ['2026-11-25T01:30:00Z', '2026年11月25日 09:30'],
    ['2026-11-24T16:05:59.999Z', '2026年11月25日 00:05'],
    ['2026-12-31T16:00:00Z', '2027年1月1日 00:00'],
  ];
  for (const [iso, expected] of cases) assert.equal(formatChinaMinute(new Date(iso)), expected, iso);
});

test('values are cut to each type’s limit, counted in code points, and never left empty', () => {
  const long = '村东头的路灯已经坏了三天了晚上出行很不方便请尽快修理';
  const cases: [string, string | Date, string][] = [
    ['thing1', '路灯坏了', '路灯坏了'],
    ['thing1', long, Array.from(long).slice(0, 19).join('') + '…'],
    ['thing1', '12345678901234567890', '12345678901234567890'],
    ['thing1', '123456789012345678901', '1234567890123456789…'],
    ['thing1', '😀'.repeat(25), '😀'.repeat(19) + '…'],
    ['thing1', '  第一行\n第二行\t ', '第一行 第二行'],
    ['thing1', '\u0000\u0007', '无'],
    ['thing1', '', '无'],
    ['character_string2', '#123', '#123'],
    ['character_string2', '诉求#123号', '#123'],
    ['character_string2', 'A'.repeat(40), 'A'.repeat(32)],
    ['character_string2', '诉求', '-'],
    ['phrase3', '已受理', '已受理'],
    ['phrase3', '不予受理', '不予受理'],
    ['phrase3', '超时未联系处理中', '超时未联系'],
    ['phrase3', 'OK 已办结!', '已办结'],
    ['phrase3', 'done', '无'],
    ['name5', '欧阳娜娜', '欧阳娜娜'],
    ['name5', '一二三四五六七八九十十一', '一二三四五六七八九十'],
    ['name5', 'Alexander Hamilton Jr. III', 'Alexander Hamilton J'],
    ['phone_number6', '+86 138-1234-5678', '+86 138-1234-5678'],
    ['phone_number6', '电话：0536-12345678 转 801', '0536-12345678 801'],
    ['phone_number6', '+86 (0536) 1234-5678 ext', '+86 (0536) 1234-5'],
    ['phone_number6', '无', '-'],
    ['number7', '诉求 #1234', '1234'],
    ['number7', '没有数字', '0'],
    ['number7', '9'.repeat(40), '9'.repeat(32)],
    ['letter8', 'abc123DEF', 'abcDEF'],
    ['symbol9', '!!!???', '!!!??'],
    ['amount10', '¥1,234.567元', '1'],
    ['amount10', '12.5元', '12.5'],
    ['car_number11', '鲁G·12345新能源', '鲁G·12345'],
    ['time2', new Date('2026-11-25T01:30:00Z'), '2026年11月25日 09:30'],
    ['date3', new Date('2026-11-25T01:30:00Z'), '2026年11月25日 09:30'],
    ['thing4', new Date('2026-11-25T01:30:00Z'), '2026年11月25日 09:30'],
  ];
  for (const [key, value, expected] of cases) assert.equal(fitSubscribeField(key, value), expected, `${key} ${String(value)}`);
});

test('a thing never exceeds 20 code points, whatever it is given', () => {
  for (const s of ['a'.repeat(100), '汉'.repeat(100), '👨‍👩‍👧'.repeat(10), '𠀀'.repeat(30)]) {
    const out = fitSubscribeField('thing1', s);
    assert.ok(codePoints(out) <= 20, out);
    assert.ok(out.trim().length > 0);
  }
});

test('a key that is not WeChat’s is refused, not guessed', () => {
  assert.throws(() => fitSubscribeField('title1', 'x'), RangeError);
});
