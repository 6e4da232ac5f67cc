import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CLOCK_RULES, parseClockRules, reminderAt, rulesForTown, rungAt } from './clock-rules';

const at = (text: string) => new Date(`${text}+08:00`);

test('no configuration means the defaults; a town overrides only what it names', () => {
  assert.deepEqual(parseClockRules(undefined), { default: DEFAULT_CLOCK_RULES, towns: {} });
  const config = parseClockRules({ default: { escalationIntervalMinutes: 120 }, towns: { 'SG-TT': { ladder: ['handler', 'town_leader'] } } });
  assert.equal(rulesForTown(config, 'SG-TT').escalationIntervalMinutes, 120);
  assert.deepEqual(rulesForTown(config, 'SG-TT').ladder, ['handler', 'town_leader']);
  assert.deepEqual(rulesForTown(config, 'SG-SF').ladder, DEFAULT_CLOCK_RULES.ladder);
});

test('bad configuration is refused with where it is wrong', () => {
  const cases: [unknown, RegExp][] = [
    [[], /expected an object/],
    [{ default: { escalationIntervalMinutes: 0 } }, /default\.escalationIntervalMinutes/],
    [{ default: { ladder: ['handler', 'mayor'] } }, /default\.ladder/],
    [{ default: { ladder: ['handler', 'handler'] } }, /default\.ladder/],
    [{ towns: { 'SG-TT': { remindMinutes: 5 } } }, /towns\.SG-TT: unknown key remindMinutes/],
    [{ ladders: {} }, /unknown key\(s\) ladders/],
  ];
  for (const [input, message] of cases) assert.throws(() => parseClockRules(input, 'CLOCK_RULES'), message, JSON.stringify(input));
});

test('reminders: wall-clock minutes before contact, office time before completion', () => {
  assert.deepEqual(reminderAt('contact', at('2026-10-09T17:00:00'), DEFAULT_CLOCK_RULES), at('2026-10-09T16:45:00'));
  // Due Monday 10:00: half a working day (6 office hours) back is Saturday 16:00 (a make-up working day), not Sunday.
  assert.deepEqual(reminderAt('completion', at('2026-10-12T10:00:00'), DEFAULT_CLOCK_RULES), at('2026-10-10T16:00:00'));
});

test('the ladder climbs one rung per interval of office time', () => {
  const due = at('2026-10-09T17:00:00'); // a Friday
  const rungs = [0, 1, 2, 3, 4].map((i) => rungAt(due, i, DEFAULT_CLOCK_RULES));
  assert.deepEqual(rungs, [
    at('2026-10-09T17:00:00'),
    at('2026-10-10T09:00:00'), // 3 h Friday, 1 h of the make-up Saturday
    at('2026-10-10T13:00:00'),
    at('2026-10-10T17:00:00'),
    at('2026-10-12T09:00:00'), // Sunday is skipped
  ]);
});
