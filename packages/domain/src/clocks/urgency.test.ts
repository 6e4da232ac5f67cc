import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CLOCK_RULES } from './clock-rules';
import { urgencyAt } from './urgency';

const at = (text: string) => new Date(`${text}+08:00`);

test('a matter is due soon from its reminder until its deadline, then overdue', () => {
  const waiting = { state: 'submitted', contactDueAt: at('2026-10-09T17:00:00'), completionDueAt: null };
  const cases: [string, ReturnType<typeof urgencyAt>][] = [
    ['2026-10-09T16:44:59', null],
    ['2026-10-09T16:45:00', 'due_soon'], // the contact reminder: 15 minutes before
    ['2026-10-09T17:00:00', 'due_soon'], // due at 17:00 is not yet late at 17:00
    ['2026-10-09T17:00:01', 'overdue'],
  ];
  for (const [moment, expected] of cases) assert.equal(urgencyAt(waiting, at(moment), DEFAULT_CLOCK_RULES), expected, moment);
});

test('completion is due soon half a working day before, counted in office time across a make-up day', () => {
  // Due Monday 10:00: reminded on the make-up Saturday at 16:00 (not on Sunday).
  const working = { state: 'accepted', contactDueAt: at('2026-10-09T09:00:00'), completionDueAt: at('2026-10-12T10:00:00') };
  assert.equal(urgencyAt(working, at('2026-10-10T15:59:00'), DEFAULT_CLOCK_RULES), null);
  assert.equal(urgencyAt(working, at('2026-10-10T16:00:00'), DEFAULT_CLOCK_RULES), 'due_soon');
});

test('a 12345 order races the city deadline when it is earlier; no clock, no urgency', () => {
  const order = {
    state: 'accepted',
    contactDueAt: at('2026-10-09T09:00:00'),
    completionDueAt: at('2026-10-14T17:00:00'),
    cityDueAt: at('2026-10-09T12:00:00'),
  };
  assert.equal(urgencyAt(order, at('2026-10-09T12:00:01'), DEFAULT_CLOCK_RULES), 'overdue');
  const resolved = { state: 'resolved', contactDueAt: at('2026-10-09T09:00:00'), completionDueAt: at('2026-10-09T10:00:00') };
  assert.equal(urgencyAt(resolved, at('2026-10-20T00:00:00'), DEFAULT_CLOCK_RULES), null);
});
