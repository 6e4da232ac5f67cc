import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workingDeadline } from '../calendar/working-calendar';
import { contactDueFrom, stepChanges, type StepFacts } from './step-changes';

const at = (text: string) => new Date(`${text}+08:00`);

/** Received on Friday 2026-09-25 at 10:00, contact due 11:00. */
const received: StepFacts = {
  createdAt: at('2026-09-25T10:00:00'),
  cityDueAt: null,
  contactDueAt: at('2026-09-25T11:00:00'),
  completionDueAt: null,
  contactedAt: null,
  contactLate: false,
  completionLate: false,
  rehandleCount: 0,
  supervisedAt: null,
};

test('accept: contact on time or late; completion due in working days counted from receipt, not from contact', () => {
  const simple = stepChanges(received, 'accept', at('2026-09-25T10:40:00'));
  assert.deepEqual(simple, {
    contactedAt: at('2026-09-25T10:40:00'),
    contactLate: false,
    complexity: 'simple',
    completionDueAt: workingDeadline(received.createdAt, 1),
  });
  const complex = stepChanges(received, 'accept', at('2026-09-28T09:00:00'), 'complex');
  assert.equal(complex.contactLate, true);
  assert.deepEqual(complex.completionDueAt, workingDeadline(received.createdAt, 3));
  assert.notDeepEqual(complex.completionDueAt, workingDeadline(at('2026-09-28T09:00:00'), 3));
});

test('accept: a 12345 order keeps the city deadline when it is earlier', () => {
  const cityDueAt = at('2026-09-26T10:00:00');
  assert.deepEqual(stepChanges({ ...received, cityDueAt }, 'accept', at('2026-09-25T10:30:00')).completionDueAt, cityDueAt);
});

test('late stays late; a transfer restarts contact; going back to work counts a re-handling', () => {
  const late = { ...received, contactLate: true, completionDueAt: at('2026-09-28T10:00:00') };
  assert.deepEqual(stepChanges(late, 'resolve', at('2026-09-28T11:00:00')), { resolvedAt: at('2026-09-28T11:00:00'), completionLate: true });
  assert.deepEqual(stepChanges(late, 'transfer', at('2026-09-25T21:30:00')), {
    transferRequested: false,
    contactedAt: null,
    contactDueAt: at('2026-09-26T09:00:00'),
    complexity: null,
    completionDueAt: null,
    extensionAskedDays: null,
  });
  assert.equal(stepChanges({ ...received, rehandleCount: 2 }, 'reopen', at('2026-09-28T11:00:00')).rehandleCount, 3);
  assert.deepEqual(stepChanges(received, 'followUp', at('2026-09-25T12:00:00')), {});
  assert.deepEqual(contactDueFrom(at('2026-09-25T19:30:00')), at('2026-09-26T08:30:00'));
});

test('a refusal overturned goes back to work with a completion clock of its own, counted from then', () => {
  // Refused (never accepted, so no completion deadline), looked back at, then reopened on Monday 09:00.
  const refused = { ...received, contactedAt: at('2026-09-25T10:20:00') };
  const reopened = stepChanges(refused, 'reopen', at('2026-09-28T09:00:00'));
  assert.deepEqual(reopened.completionDueAt, workingDeadline(at('2026-09-28T09:00:00'), 1));
  assert.equal(reopened.complexity, 'simple');
  // A 12345 order's city deadline still governs when earlier.
  const order = stepChanges({ ...refused, cityDueAt: at('2026-09-28T12:00:00') }, 'sendBack', at('2026-09-28T09:00:00'));
  assert.deepEqual(order.completionDueAt, at('2026-09-28T12:00:00'));
  // A result sent back keeps the deadline it had: no new clock.
  const resolved = { ...refused, completionDueAt: at('2026-09-28T10:00:00') };
  assert.equal(stepChanges(resolved, 'reopen', at('2026-09-29T09:00:00')).completionDueAt, undefined);
});
