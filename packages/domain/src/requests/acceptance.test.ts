import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptNote, complexityNeedsReason, CONTACT_METHOD_LABELS, CONTACT_METHODS, proposedComplexity } from './acceptance';
import { COMPLEXITY_LABELS, COMPLETION_WORKING_DAYS } from './sla';

test('each contact method has the one label the form and the timeline use', () => {
  assert.deepEqual(
    CONTACT_METHODS.map((m) => CONTACT_METHOD_LABELS[m]),
    ['电话联系', '上门走访', '微信留言'],
  );
});

test('complexity labels carry their working days', () => {
  assert.deepEqual(COMPLEXITY_LABELS, { simple: '简单事项（1个工作日）', complex: '疑难复杂事项（3个工作日）' });
  assert.deepEqual(COMPLETION_WORKING_DAYS, { simple: 1, complex: 3 });
});

// [category, chosen complexity, proposed, needs a reason]
const COMPLEXITY_CASES: [string, 'simple' | 'complex', string, boolean][] = [
  ['environment', 'simple', 'simple', false],
  ['environment', 'complex', 'simple', true],
  ['dispute', 'complex', 'complex', false],
  ['labour', 'simple', 'complex', true],
  // An unknown category proposes simple.
  ['unheard_of', 'simple', 'simple', false],
  ['unheard_of', 'complex', 'simple', true],
];

test('the category proposes the complexity; choosing otherwise needs a reason', () => {
  for (const [category, chosen, proposed, reason] of COMPLEXITY_CASES) {
    assert.equal(proposedComplexity(category), proposed, category);
    assert.equal(complexityNeedsReason(category, chosen), reason, `${category} → ${chosen}`);
  }
});

// [contact method, note, the accept row's note]
const NOTE_CASES: [string | undefined, string | null, string | null][] = [
  ['call', null, '电话联系'],
  ['visit', '门口的灯坏了', '上门走访：门口的灯坏了'],
  ['message', '', '微信留言'],
  [undefined, '说好明天修', '说好明天修'],
  [undefined, null, null],
  ['toString', null, null],
];

test("the accept row's note starts with how the requester was reached", () => {
  for (const [method, note, expected] of NOTE_CASES) assert.equal(acceptNote(method, note), expected, `${method} / ${note}`);
});
