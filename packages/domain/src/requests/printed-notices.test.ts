import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noticeNumberText, noticeTerms, PRINTED_NOTICES, townShortName } from './printed-notices';
import { actionRule } from './request-workflow';

test('numbers read as the office writes them: town, kind, year in 〔〕, serial', () => {
  const cases: [string, 'urge' | 'supervise', number, number, string][] = [
    ['台头镇', 'supervise', 2026, 12, '台头镇督〔2026〕12号'],
    ['台头镇', 'urge', 2026, 3, '台头镇催〔2026〕3号'],
    ['静海区台头镇', 'urge', 2027, 1, '台头镇催〔2027〕1号'],
    ['王口镇', 'supervise', 2026, 105, '王口镇督〔2026〕105号'],
  ];
  for (const [town, kind, year, serial, text] of cases) assert.equal(noticeNumberText(town, kind, year, serial), text);
  assert.throws(() => noticeNumberText('台头镇', 'urge', 2026, 0));
});

test('a town name with nothing after its county word stays whole', () => {
  assert.equal(townShortName('  台头镇 '), '台头镇');
  assert.equal(townShortName('滨海新区'), '滨海新区');
});

test('the urge and supervise rows name their notice; no other row does', () => {
  assert.equal(actionRule('urge').printedNotice, 'urge');
  assert.equal(actionRule('supervise').printedNotice, 'supervise');
  assert.equal(actionRule('followUp').printedNotice, undefined);
});

test('terms: the kind fills what the step leaves out; out-of-range days and an overlong requirement are refused', () => {
  const cases: [Parameters<typeof noticeTerms>[1], ReturnType<typeof noticeTerms>][] = [
    [{}, { requirement: PRINTED_NOTICES.supervise.requirement, replyDays: 3 }],
    [
      { requirement: '   ', replyDays: null },
      { requirement: PRINTED_NOTICES.supervise.requirement, replyDays: 3 },
    ],
    [
      { requirement: ' 三日内修复路灯 ', replyDays: 1 },
      { requirement: '三日内修复路灯', replyDays: 1 },
    ],
    [{ replyDays: 0 }, { refused: 'replyDays' }],
    [{ replyDays: 21 }, { refused: 'replyDays' }],
    [{ replyDays: 1.5 }, { refused: 'replyDays' }],
    [{ requirement: '要'.repeat(501) }, { refused: 'requirement' }],
  ];
  for (const [given, want] of cases) assert.deepEqual(noticeTerms('supervise', given), want);
  assert.equal((noticeTerms('urge', {}) as { replyDays: number }).replyDays, 2);
});
