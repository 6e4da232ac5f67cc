import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_EXTENSION_RULES,
  extendedDeadline,
  extensionApprover,
  extensionDaysBetween,
  extensionRulesForTown,
  extensionStepOffered,
  parseExtensionRules,
  refuseExtensionAsk,
  refuseExtensionDecision,
  type ExtensionFacts,
} from './extensions';

const at = (text: string) => new Date(`${text}+08:00`);
const rules = DEFAULT_EXTENSION_RULES; // 4 office hours' lead, up to 5 days, 2 per matter
const due = at('2026-12-09T17:00:00'); // a Wednesday
const fresh: ExtensionFacts = { completionDueAt: due, extensionAskedDays: null, extensionCount: 0 };

test('may the handler ask? days within bounds, nothing pending, under the limit, before the lead runs out', () => {
  const cases: [string, ExtensionFacts, number, Date, ReturnType<typeof refuseExtensionAsk>][] = [
    ['two days, a day early', fresh, 2, at('2026-12-08T17:00:00'), null],
    ['exactly at the lead (13:00 is 4 office hours before 17:00)', fresh, 2, at('2026-12-09T13:00:00'), null],
    ['a minute past the lead', fresh, 2, at('2026-12-09T13:01:00'), 'TOO_LATE'],
    ['after the deadline', fresh, 2, at('2026-12-10T09:00:00'), 'TOO_LATE'],
    ['no deadline yet', { ...fresh, completionDueAt: null }, 2, at('2026-12-08T17:00:00'), 'TOO_LATE'],
    ['zero days', fresh, 0, at('2026-12-08T17:00:00'), 'BAD_DAYS'],
    ['more than the most', fresh, 6, at('2026-12-08T17:00:00'), 'BAD_DAYS'],
    ['half a day', fresh, 1.5, at('2026-12-08T17:00:00'), 'BAD_DAYS'],
    ['one already pending', { ...fresh, extensionAskedDays: 3 }, 2, at('2026-12-08T17:00:00'), 'PENDING'],
    ['two granted already', { ...fresh, extensionCount: 2 }, 2, at('2026-12-08T17:00:00'), 'TOO_MANY'],
    ['one granted: a second may be asked', { ...fresh, extensionCount: 1 }, 2, at('2026-12-08T17:00:00'), null],
  ];
  for (const [name, facts, days, now, expected] of cases) assert.equal(refuseExtensionAsk(facts, days, now, rules), expected, name);
});

test('may this person decide? hotline staff the first, the town leader the second; granting may shorten, never lengthen', () => {
  const pending = { ...fresh, extensionAskedDays: 3 };
  const cases: [string, ExtensionFacts, Parameters<typeof refuseExtensionDecision>[1], number | undefined, ReturnType<typeof refuseExtensionDecision>][] = [
    ['hotline staff grant all three', pending, ['hotline_staff'], 3, null],
    ['hotline staff shorten to two', pending, ['hotline_staff'], 2, null],
    ['hotline staff decline', pending, ['hotline_staff'], undefined, null],
    ['more than asked', pending, ['hotline_staff'], 4, 'BAD_DAYS'],
    ['zero', pending, ['hotline_staff'], 0, 'BAD_DAYS'],
    ['nothing pending', fresh, ['hotline_staff'], 2, 'NOT_PENDING'],
    ['a town leader on the first', pending, ['town_leader'], 2, 'WRONG_APPROVER'],
    ['hotline staff on the second', { ...pending, extensionCount: 1 }, ['hotline_staff'], 2, 'WRONG_APPROVER'],
    ['the town leader on the second', { ...pending, extensionCount: 1 }, ['town_leader'], 2, null],
    ['a large grid head never', pending, ['large_grid_head'], 2, 'WRONG_APPROVER'],
  ];
  for (const [name, facts, roles, days, expected] of cases) assert.equal(refuseExtensionDecision(facts, roles, days, rules), expected, name);
  // The last approver of the list approves any later one.
  assert.equal(extensionApprover(5, rules), 'town_leader');
});

test('the new deadline: working days on from the old one, China calendar (weekends, 国庆 and its make-up Saturday)', () => {
  const cases: [string, Date, number, Date][] = [
    ['Friday + 1 skips the weekend', at('2026-12-04T17:00:00'), 1, at('2026-12-07T17:00:00')],
    ['Friday + 3', at('2026-12-04T17:00:00'), 3, at('2026-12-09T17:00:00')],
    ['Friday 24:00 + 1 is Monday 24:00', at('2026-12-05T00:00:00'), 1, at('2026-12-08T00:00:00')],
    ['before 国庆 + 1 skips the holiday', at('2026-09-30T17:00:00'), 1, at('2026-10-08T17:00:00')],
    ['+3 counts the make-up Saturday 10月10日', at('2026-09-30T17:00:00'), 3, at('2026-10-10T17:00:00')],
  ];
  for (const [name, from, days, expected] of cases) {
    assert.deepEqual(extendedDeadline(from, days), expected, name);
    assert.equal(extensionDaysBetween(from, expected), days, `${name}: days back`);
  }
  assert.equal(extensionDaysBetween(at('2026-12-04T17:00:00'), at('2026-12-07T12:00:00')), null);
});

test('configuration: defaults, a town overriding what it names, and clear errors', () => {
  assert.deepEqual(parseExtensionRules(undefined), { default: DEFAULT_EXTENSION_RULES, towns: {} });
  const config = parseExtensionRules({ default: { maxDays: 3 }, towns: { 'SG-TT': { approvers: ['town_leader'], maxPerMatter: 1 } } });
  assert.equal(extensionRulesForTown(config, 'SG-TT').maxDays, 3);
  assert.deepEqual(extensionRulesForTown(config, 'SG-TT').approvers, ['town_leader']);
  assert.deepEqual(extensionRulesForTown(config, 'SG-SF').approvers, DEFAULT_EXTENSION_RULES.approvers);
  const bad: [unknown, RegExp][] = [
    [[], /expected an object/],
    [{ default: { maxDays: 0 } }, /default\.maxDays/],
    [{ default: { leadWorkingHours: -1 } }, /default\.leadWorkingHours/],
    [{ default: { approvers: ['mayor'] } }, /default\.approvers/],
    [{ default: { approvers: [] } }, /default\.approvers/],
    [{ towns: { 'SG-TT': { maxExtensions: 1 } } }, /towns\.SG-TT: unknown key maxExtensions/],
    [{ rules: {} }, /unknown key\(s\) rules/],
  ];
  for (const [input, message] of bad) assert.throws(() => parseExtensionRules(input, 'EXTENSION_RULES'), message, JSON.stringify(input));
});

test('a page offers the extension ask only when none waits, and its decisions only while one does', () => {
  const rows: [string, boolean, boolean][] = [
    // action, offered with no ask waiting, with one waiting
    ['requestExtension', true, false],
    ['approveExtension', false, true],
    ['declineExtension', false, true],
    ['resolve', true, true],
  ];
  for (const [action, ...offered] of rows) {
    assert.deepEqual(
      [null, 2].map((extensionAskedDays) => extensionStepOffered(action, { extensionAskedDays })),
      offered,
      action,
    );
  }
});
