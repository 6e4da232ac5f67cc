import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOverdueAt, listDueAt, runningClock, type ClockFacts } from './sla';

const t = (text: string) => new Date(`${text}+08:00`);
const contactDueAt = t('2026-11-24T10:00:00');
const completionDueAt = t('2026-11-27T20:00:00');

test('overdue now: open with a running clock whose deadline (the city’s when earlier) passed before the moment', () => {
  const cases: [string, ClockFacts, Date, boolean][] = [
    ['submitted, contact not yet due', { state: 'submitted', contactDueAt, completionDueAt: null }, t('2026-11-24T09:59:00'), false],
    ['submitted, at the contact deadline exactly', { state: 'submitted', contactDueAt, completionDueAt: null }, contactDueAt, false],
    ['submitted, contact overdue', { state: 'submitted', contactDueAt, completionDueAt: null }, t('2026-11-24T10:01:00'), true],
    ['accepted, completion not yet due', { state: 'accepted', contactDueAt, completionDueAt }, t('2026-11-27T19:00:00'), false],
    ['accepted, completion overdue', { state: 'accepted', contactDueAt, completionDueAt }, t('2026-11-28T09:00:00'), true],
    ['in progress, completion overdue', { state: 'in_progress', contactDueAt, completionDueAt }, t('2026-11-28T09:00:00'), true],
    ['accepted long after contact was due: only completion counts', { state: 'accepted', contactDueAt, completionDueAt }, t('2026-11-25T09:00:00'), false],
    [
      '12345 order waiting for contact, city deadline earlier and passed',
      { state: 'submitted', contactDueAt, completionDueAt: null, cityDueAt: t('2026-11-24T09:30:00') },
      t('2026-11-24T09:45:00'),
      true,
    ],
    [
      '12345 order in progress, city deadline earlier and passed',
      { state: 'in_progress', contactDueAt, completionDueAt, cityDueAt: t('2026-11-26T17:30:00') },
      t('2026-11-26T18:00:00'),
      true,
    ],
    [
      '12345 order, city deadline later than the town’s: the town’s governs',
      { state: 'accepted', contactDueAt, completionDueAt, cityDueAt: t('2026-12-31T17:30:00') },
      t('2026-11-28T09:00:00'),
      true,
    ],
    [
      '12345 order, neither deadline passed',
      { state: 'accepted', contactDueAt, completionDueAt, cityDueAt: t('2026-12-31T17:30:00') },
      t('2026-11-27T09:00:00'),
      false,
    ],
    ...['resolved', 'looked_back', 'closed', 'rejected', 'withdrawn', 'merged'].map((state): [string, ClockFacts, Date, boolean] => [
      `${state}: no clock runs`,
      { state, contactDueAt, completionDueAt, cityDueAt: contactDueAt },
      t('2027-01-01T00:00:00'),
      false,
    ]),
  ];
  for (const [name, request, at, overdue] of cases) assert.equal(isOverdueAt(request, at), overdue, name);
});

test('the running clock’s deadline is the earlier of the town’s and the city’s', () => {
  const cityDueAt = t('2026-11-24T09:30:00');
  assert.deepEqual(runningClock({ state: 'submitted', contactDueAt, completionDueAt: null, cityDueAt }), { clock: 'contact', dueAt: cityDueAt });
  assert.deepEqual(runningClock({ state: 'submitted', contactDueAt, completionDueAt: null, cityDueAt: null }), { clock: 'contact', dueAt: contactDueAt });
  assert.deepEqual(runningClock({ state: 'accepted', contactDueAt, completionDueAt, cityDueAt: t('2026-12-31T00:00:00') }), {
    clock: 'completion',
    dueAt: completionDueAt,
  });
});

test('a list orders by the completion deadline once there is one, else first contact’s (the city deadline aside)', () => {
  assert.equal(listDueAt({ contactDueAt, completionDueAt: null }), contactDueAt);
  assert.equal(listDueAt({ contactDueAt, completionDueAt }), completionDueAt);
  // JSON rows in the apps: the same rule over strings.
  assert.equal(listDueAt({ contactDueAt: 'a', completionDueAt: null }), 'a');
});
