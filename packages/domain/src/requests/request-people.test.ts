import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relationsTo } from './request-people';
import { clockLeftBy, isLate, runningClock, stepDeadline } from './sla';

// Town 2 → village 3 → large grid 4 → small grid 5; hotline office 7 of town 2; department 9.
const REQUEST = { requesterPersonId: 100, handlerUnitId: 5, unitPath: '/1/2/3/4/5/' };

test('relations follow from the roles people hold where', () => {
  const cases: [number, Parameters<typeof relationsTo>[1], string[]][] = [
    [100, [], ['requester']],
    [200, [{ role: 'grid_leader', unitId: 5, unitPath: '/1/2/3/4/5/' }], ['handler']],
    [201, [{ role: 'grid_leader', unitId: 6, unitPath: '/1/2/3/4/6/' }], []],
    [300, [{ role: 'large_grid_head', unitId: 4, unitPath: '/1/2/3/4/' }], ['supervisor']],
    [301, [{ role: 'hotline_staff', unitId: 7, unitPath: '/1/2/7/' }], ['supervisor']],
    [302, [{ role: 'hotline_staff', unitId: 17, unitPath: '/1/8/17/' }], []],
    // A village secretary handles what is assigned to the village, and does not supervise grids.
    [400, [{ role: 'village_secretary', unitId: 3, unitPath: '/1/2/3/' }], []],
    // A leader who is also the large-grid head both handles and supervises: the workflow then
    // refuses them the look-back of their own work.
    [
      500,
      [
        { role: 'grid_leader', unitId: 5, unitPath: '/1/2/3/4/5/' },
        { role: 'large_grid_head', unitId: 4, unitPath: '/1/2/3/4/' },
      ],
      ['handler', 'supervisor'],
    ],
  ];
  for (const [personId, held, expected] of cases) assert.deepEqual(relationsTo(personId, held, REQUEST), expected, String(personId));
});

test('hotline staff handle what is assigned to the hotline office, and still supervise the town', () => {
  const order = { requesterPersonId: 100, handlerUnitId: 7, unitPath: '/1/2/7/' };
  assert.deepEqual(relationsTo(301, [{ role: 'hotline_staff', unitId: 7, unitPath: '/1/2/7/' }], order), ['handler', 'supervisor']);
});

test('requesters of merged matters follow the surviving one, and are nothing more', () => {
  const merged = { ...REQUEST, followerPersonIds: [600, 601] };
  assert.deepEqual(relationsTo(600, [], merged), ['follower']);
  assert.deepEqual(relationsTo(100, [], merged), ['requester']);
  assert.deepEqual(relationsTo(602, [], merged), []);
});

test('a clock is late when it ran out before the work was done, or is still running out now', () => {
  const due = new Date('2026-03-02T09:00:00+08:00');
  assert.equal(isLate(due, new Date('2026-03-02T08:59:00+08:00'), new Date('2026-03-05T00:00:00+08:00')), false);
  assert.equal(isLate(due, new Date('2026-03-02T09:01:00+08:00'), new Date('2026-03-02T09:01:00+08:00')), true);
  assert.equal(isLate(due, null, new Date('2026-03-02T09:30:00+08:00')), true);
  assert.equal(isLate(null, null, new Date()), false);
});

test('the running clock follows the state: contact while submitted, then completion, then none', () => {
  const contactDueAt = new Date('2026-10-09T09:00:00Z');
  const completionDueAt = new Date('2026-10-10T09:00:00Z');
  assert.deepEqual(runningClock({ state: 'submitted', contactDueAt, completionDueAt: null }), { clock: 'contact', dueAt: contactDueAt });
  assert.deepEqual(runningClock({ state: 'in_progress', contactDueAt, completionDueAt }), { clock: 'completion', dueAt: completionDueAt });
  for (const state of ['resolved', 'looked_back', 'closed', 'rejected', 'withdrawn', 'merged'])
    assert.equal(runningClock({ state, contactDueAt, completionDueAt }), null, state);
});

test('a step keeps the deadline it stands against: a result its completion deadline, others the clock they leave running', () => {
  const contactDueAt = new Date('2026-10-09T09:00:00Z');
  const completionDueAt = new Date('2026-10-10T09:00:00Z');
  assert.equal(stepDeadline('submit', { state: 'submitted', contactDueAt, completionDueAt: null }), contactDueAt);
  assert.equal(stepDeadline('accept', { state: 'accepted', contactDueAt, completionDueAt }), completionDueAt);
  assert.equal(stepDeadline('followUp', { state: 'in_progress', contactDueAt, completionDueAt }), completionDueAt);
  // A result is judged by the completion deadline, though no clock runs after it.
  assert.equal(stepDeadline('resolve', { state: 'resolved', contactDueAt, completionDueAt }), completionDueAt);
  assert.equal(stepDeadline('resolve', { state: 'resolved', contactDueAt, completionDueAt: null }), null);
  for (const [action, state] of [
    ['close', 'closed'],
    ['withdraw', 'withdrawn'],
    ['merge', 'merged'],
    ['rate', 'resolved'],
  ] as const) {
    assert.equal(stepDeadline(action, { state, contactDueAt, completionDueAt }), null, action);
  }
});

test('the clock a timeline row left running follows from its state and the deadline it kept', () => {
  const dueAt = new Date('2026-10-09T09:00:00Z');
  assert.deepEqual(clockLeftBy({ toState: 'submitted', dueAt }), { clock: 'contact', dueAt });
  assert.deepEqual(clockLeftBy({ toState: 'in_progress', dueAt }), { clock: 'completion', dueAt });
  assert.equal(clockLeftBy({ toState: 'accepted', dueAt: null }), null);
  assert.equal(clockLeftBy({ toState: 'resolved', dueAt }), null);
});
