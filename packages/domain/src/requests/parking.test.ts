import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_PARK_RULES,
  escalationClock,
  nextProgressDue,
  parkLapsed,
  parkRulesForTown,
  parkStepChanges,
  parkStepOffered,
  parseParkRules,
  planDayEnd,
  planDayOf,
  refuseParkAsk,
  refuseParkDecision,
  refuseWhileParkedOnly,
  type ParkFacts,
} from './parking';
import { isOverdueAt, stepDeadline } from './sla';
import { stepChanges } from './step-changes';

const at = (text: string) => new Date(`${text}+08:00`);
const rules = DEFAULT_PARK_RULES; // monthly progress, plan dates up to 366 days ahead, hotline staff approve
const now = at('2026-12-07T15:00:00');
const free: ParkFacts = { parkAskedUntil: null, parkedUntil: null };

test('a plan day ends at the next midnight in China, and reads back as itself', () => {
  assert.deepEqual(planDayEnd('2027-03-31'), at('2027-04-01T00:00:00'));
  assert.equal(planDayOf(at('2027-04-01T00:00:00')), '2027-03-31');
  assert.equal(planDayEnd('2027-02-30'), null);
  assert.equal(planDayEnd('31/03/2027'), null);
});

test('may the handler ask to park? a real day, today or later, within maxPlanDays, nothing pending, not parked already', () => {
  const cases: [string, ParkFacts, string, ReturnType<typeof refuseParkAsk>][] = [
    ['spring, when the ground thaws', free, '2027-03-31', null],
    ['today: it has not passed yet', free, '2026-12-07', null],
    ['yesterday', free, '2026-12-06', 'PAST_DATE'],
    ['no such day', free, '2027-02-30', 'BAD_DATE'],
    ['not a date', free, 'next spring', 'BAD_DATE'],
    ['366 days on: the furthest', free, '2027-12-08', null],
    ['367 days on', free, '2027-12-09', 'TOO_FAR'],
    ['one already waits', { ...free, parkAskedUntil: at('2027-01-01T00:00:00') }, '2027-03-31', 'PENDING'],
    ['parked already', { ...free, parkedUntil: at('2027-01-01T00:00:00') }, '2027-03-31', 'ALREADY_PARKED'],
  ];
  for (const [name, facts, day, expected] of cases) assert.equal(refuseParkAsk(facts, day, now, rules), expected, name);
});

test('may this person decide? only with an ask waiting, only the approver, a plan date by the same rules', () => {
  const pending: ParkFacts = { ...free, parkAskedUntil: at('2027-04-01T00:00:00') };
  const cases: [string, ParkFacts, Parameters<typeof refuseParkDecision>[1], string | undefined, Date, ReturnType<typeof refuseParkDecision>][] = [
    ['hotline staff approve the day asked', pending, ['hotline_staff'], undefined, now, null],
    ['hotline staff set an earlier day', pending, ['hotline_staff'], '2027-02-28', now, null],
    ['…but not a past one', pending, ['hotline_staff'], '2026-12-01', now, 'PAST_DATE'],
    ['the day asked passed while it waited', pending, ['hotline_staff'], undefined, at('2027-04-01T00:00:00'), 'PAST_DATE'],
    ['a grid leader (the handler) is no approver', pending, ['grid_leader'], undefined, now, 'WRONG_APPROVER'],
    ['nothing waits', free, ['hotline_staff'], undefined, now, 'NOT_PENDING'],
  ];
  for (const [name, facts, roles, day, when, expected] of cases) assert.equal(refuseParkDecision(facts, roles, day, when, rules), expected, name);
  assert.equal(
    refuseParkDecision(pending, ['town_leader'], undefined, now, parkRulesForTown(parseParkRules({ default: { approver: 'town_leader' } }), null)),
    null,
  );
});

test('progress and resumption only while parked; the plan date passing lapses it', () => {
  const parked: ParkFacts = { ...free, parkedUntil: at('2027-04-01T00:00:00') };
  assert.equal(refuseWhileParkedOnly(free), 'NOT_PARKED');
  assert.equal(refuseWhileParkedOnly(parked), null);
  assert.equal(parkLapsed(parked, at('2027-03-31T23:59:59')), false);
  assert.equal(parkLapsed(parked, at('2027-04-01T00:00:00')), true);
  assert.equal(parkLapsed(free, at('2030-01-01T00:00:00')), false);
});

test('parked, no clock escalates; unparked, the completion clock runs again against its old deadline', () => {
  const matter = { state: 'in_progress', contactDueAt: at('2026-12-01T11:00:00'), completionDueAt: at('2026-12-04T10:00:00'), cityDueAt: null };
  assert.equal(escalationClock({ ...matter, parkedUntil: at('2027-04-01T00:00:00') }), null);
  assert.deepEqual(escalationClock({ ...matter, parkedUntil: null }), { clock: 'completion', dueAt: at('2026-12-04T10:00:00') });
  // Parked: not overdue now, its steps keep no deadline (the reports' open-and-overdue reads them);
  // a result while parked is still judged against the old completion deadline, never as on time by default.
  const parked = { ...matter, parkedUntil: at('2027-04-01T00:00:00') };
  assert.equal(isOverdueAt(parked, at('2026-12-20T09:00:00')), false);
  assert.equal(isOverdueAt(matter, at('2026-12-20T09:00:00')), true);
  assert.equal(stepDeadline('parkProgress', parked), null);
  assert.deepEqual(stepDeadline('resolve', { ...parked, state: 'resolved' }), at('2026-12-04T10:00:00'));
});

test('the steps change: ask waits; approval parks and owes progress in progressDays; progress moves that on; unpark clears', () => {
  const until = at('2027-04-01T00:00:00');
  assert.deepEqual(parkStepChanges('requestPark', now, rules, until), { parkAskedUntil: until });
  assert.deepEqual(parkStepChanges('approvePark', now, rules, until), {
    parkAskedUntil: null,
    parkedUntil: until,
    parkProgressDueAt: at('2027-01-06T15:00:00'),
  });
  assert.deepEqual(parkStepChanges('declinePark', now, rules), { parkAskedUntil: null });
  const fortnightly = parkRulesForTown(parseParkRules({ towns: { 'SG-TT': { progressDays: 14 } } }), 'SG-TT');
  assert.deepEqual(parkStepChanges('parkProgress', now, fortnightly), { parkProgressDueAt: at('2026-12-21T15:00:00') });
  assert.deepEqual(nextProgressDue(now, rules), at('2027-01-06T15:00:00'));
  assert.deepEqual(parkStepChanges('unpark', now, rules), { parkedUntil: null, parkProgressDueAt: null });
});

test('a result, a refusal or a transfer ends parking; a follow-up does not', () => {
  const matter = {
    createdAt: at('2026-12-01T10:00:00'),
    cityDueAt: null,
    contactDueAt: at('2026-12-01T11:00:00'),
    completionDueAt: at('2026-12-04T10:00:00'),
    contactedAt: at('2026-12-01T10:30:00'),
    contactLate: false,
    completionLate: false,
    rehandleCount: 0,
    supervisedAt: null,
    parkedUntil: at('2027-04-01T00:00:00'),
    parkAskedUntil: null,
  };
  for (const action of ['resolve', 'reject', 'transfer', 'withdraw'] as const)
    assert.deepEqual(
      Object.entries(stepChanges(matter, action, now)).filter(([key]) => key.startsWith('park')),
      [
        ['parkAskedUntil', null],
        ['parkedUntil', null],
        ['parkProgressDueAt', null],
      ],
      action,
    );
  assert.equal('parkedUntil' in stepChanges(matter, 'followUp', now), false);
  assert.equal('parkedUntil' in stepChanges({ ...matter, parkedUntil: null }, 'resolve', now), false);
});

test('PARK_RULES: checked and merged per town', () => {
  assert.deepEqual(parseParkRules(undefined).default, DEFAULT_PARK_RULES);
  assert.throws(() => parseParkRules({ default: { progressDays: 0 } }), /progressDays/);
  assert.throws(() => parseParkRules({ default: { approver: 'mayor' } }), /approver/);
  assert.throws(() => parseParkRules({ default: { monthly: true } }), /unknown key monthly/);
});

test('a page offers each 挂账 step only while it fits, and holds back no other action', () => {
  const until = new Date('2026-12-31T16:00:00Z');
  const none = { parkAskedUntil: null, parkedUntil: null };
  const asked = { parkAskedUntil: until, parkedUntil: null };
  const parked = { parkAskedUntil: null, parkedUntil: until };
  const rows: [string, boolean, boolean, boolean][] = [
    // action, offered with nothing, with an ask waiting, while parked
    ['requestPark', true, false, false],
    ['approvePark', false, true, false],
    ['declinePark', false, true, false],
    ['parkProgress', false, false, true],
    ['unpark', false, false, true],
    ['resolve', true, true, true],
  ];
  for (const [action, ...offered] of rows) {
    assert.deepEqual(
      [none, asked, parked].map((facts) => parkStepOffered(action, facts)),
      offered,
      action,
    );
  }
});
