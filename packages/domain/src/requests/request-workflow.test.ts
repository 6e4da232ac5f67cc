import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actionRule,
  actionsWith,
  availableActions,
  checkWorkflow,
  enteredByOther,
  isInternalStep,
  nextState,
  noticesOf,
  REQUEST_ACTION_NAMES,
  RESULT_ACTIONS,
  refuseTransition,
  stepRule,
  type RequestAction,
  type RequestState,
  type Relation,
} from './request-workflow';

test('the workflow table is sound: every state known and reachable from submitted', () => {
  assert.deepEqual(checkWorkflow(), []);
});

test('checkWorkflow finds unknown and unreachable states', () => {
  const problems = checkWorkflow({ go: { from: ['a'], to: 'b', by: ['handler'] }, odd: { from: ['x'], to: 'a', by: [] } }, ['a', 'b', 'c'], 'a');
  assert.deepEqual(problems, ['action odd names unknown state "x"', 'action odd can be taken by nobody', 'state "c" cannot be reached from "a"']);
});

// [action, state, relations, refusal or the next state]
const CASES: [RequestAction, RequestState, Relation[], string][] = [
  // The closed loop, each step by its own people.
  ['accept', 'submitted', ['handler'], 'accepted'],
  ['accept', 'submitted', ['requester'], 'NOT_ALLOWED'],
  ['followUp', 'accepted', ['handler'], 'in_progress'],
  ['followUp', 'in_progress', ['handler'], 'in_progress'],
  ['resolve', 'in_progress', ['handler'], 'resolved'],
  ['resolve', 'submitted', ['handler'], 'WRONG_STATE'],
  ['lookBack', 'resolved', ['supervisor'], 'looked_back'],
  // Never by the handler themself, even when they also supervise.
  ['lookBack', 'resolved', ['handler', 'supervisor'], 'NOT_ALLOWED'],
  ['close', 'looked_back', ['supervisor'], 'closed'],
  ['close', 'resolved', ['supervisor'], 'WRONG_STATE'],
  ['lookBackClose', 'resolved', ['supervisor'], 'closed'],
  ['lookBackClose', 'looked_back', ['supervisor'], 'WRONG_STATE'],
  // Side roads.
  ['sendBack', 'looked_back', ['supervisor'], 'in_progress'],
  ['reopen', 'closed', ['requester'], 'in_progress'],
  ['reopen', 'in_progress', ['requester'], 'WRONG_STATE'],
  ['reject', 'submitted', ['handler'], 'rejected'],
  ['lookBack', 'rejected', ['supervisor'], 'looked_back'],
  ['transfer', 'in_progress', ['supervisor'], 'submitted'],
  ['transfer', 'in_progress', ['handler'], 'NOT_ALLOWED'],
  ['merge', 'accepted', ['handler'], 'merged'],
  ['requestTransfer', 'accepted', ['handler'], 'accepted'],
  ['requestTransfer', 'accepted', ['supervisor'], 'NOT_ALLOWED'],
  ['declineTransfer', 'in_progress', ['supervisor'], 'in_progress'],
  ['declineTransfer', 'resolved', ['supervisor'], 'WRONG_STATE'],
  // 延期: the handler asks, staff who do not handle it decide (who exactly: extensions.ts).
  ['requestExtension', 'in_progress', ['handler'], 'in_progress'],
  ['requestExtension', 'submitted', ['handler'], 'WRONG_STATE'],
  ['requestExtension', 'accepted', ['requester'], 'NOT_ALLOWED'],
  ['approveExtension', 'accepted', ['supervisor'], 'accepted'],
  ['approveExtension', 'in_progress', ['handler', 'supervisor'], 'NOT_ALLOWED'],
  ['declineExtension', 'resolved', ['supervisor'], 'WRONG_STATE'],
  // A follower (their matter was merged into this one) only watches.
  ['withdraw', 'accepted', ['follower'], 'NOT_ALLOWED'],
  ['rate', 'resolved', ['follower'], 'NOT_ALLOWED'],
  ['withdraw', 'accepted', ['requester'], 'withdrawn'],
  ['withdraw', 'resolved', ['requester'], 'WRONG_STATE'],
  ['withdraw', 'submitted', ['handler'], 'NOT_ALLOWED'],
  ['rate', 'resolved', ['requester'], 'resolved'],
  ['rate', 'closed', ['requester'], 'closed'],
  ['rate', 'in_progress', ['requester'], 'WRONG_STATE'],
  ['rate', 'resolved', ['supervisor'], 'NOT_ALLOWED'],
  // Nobody rates, looks back at, closes or sends back their own work.
  ['rate', 'resolved', ['requester', 'handler'], 'NOT_ALLOWED'],
  ['rate', 'closed', ['requester', 'handler', 'supervisor'], 'NOT_ALLOWED'],
  ['close', 'looked_back', ['handler', 'supervisor'], 'NOT_ALLOWED'],
  ['sendBack', 'resolved', ['handler', 'supervisor'], 'NOT_ALLOWED'],
];

test('each action is allowed only from its states and to its people', () => {
  for (const [action, state, relations, expected] of CASES) {
    const refusal = refuseTransition(action, state, relations);
    assert.equal(refusal ?? nextState(action, state), expected, `${action} from ${state} by ${relations.join('+')}`);
  }
});

test('这不是我的诉求 (disown): only the requester, only on a working matter someone else entered for them', () => {
  const entered = { enteredByOther: true };
  assert.equal(refuseTransition('disown', 'submitted', ['requester'], entered) ?? nextState('disown', 'submitted'), 'withdrawn');
  assert.equal(refuseTransition('disown', 'in_progress', ['requester'], entered), null);
  assert.equal(refuseTransition('disown', 'submitted', ['requester']), 'NOT_ALLOWED');
  assert.equal(refuseTransition('disown', 'submitted', ['handler', 'supervisor'], entered), 'NOT_ALLOWED');
  assert.equal(refuseTransition('disown', 'resolved', ['requester'], entered), 'WRONG_STATE');
  assert.deepEqual(availableActions('submitted', ['requester'], entered), ['withdraw', 'disown']);
  assert.equal(enteredByOther({ requesterPersonId: 7, enteredByPersonId: 3 }), true);
  assert.equal(enteredByOther({ requesterPersonId: 7, enteredByPersonId: 7 }), false);
  assert.equal(enteredByOther({ requesterPersonId: 7, enteredByPersonId: null }), false);
});

test('the app offers exactly the possible actions', () => {
  assert.deepEqual(availableActions('submitted', ['handler']), ['accept', 'reject', 'returnToDispatch', 'requestTransfer', 'merge']);
  assert.deepEqual(availableActions('resolved', ['requester']), ['reopen', 'rate']);
  assert.deepEqual(availableActions('resolved', ['requester', 'handler']), ['reopen']);
  assert.deepEqual(availableActions('closed', ['handler']), []);
  assert.deepEqual(availableActions('merged', ['requester', 'handler', 'supervisor']), []);
});

// Each action's other columns: [action, note required, photos, staff-only row, result, 重办, who is told (audience:kind)]
const COLUMNS: [RequestAction, boolean, boolean, boolean, boolean, boolean, string[]][] = [
  ['accept', false, true, false, false, false, ['requester:accepted']],
  ['followUp', true, true, false, false, false, []],
  ['resolve', true, true, false, true, false, ['requester:resolved']],
  ['lookBack', false, false, false, false, false, ['requester:looked_back']],
  ['close', false, false, false, false, false, []],
  ['lookBackClose', false, false, false, false, false, ['requester:looked_back']],
  ['returnVisit', false, false, true, false, false, []],
  ['sendBack', true, false, true, false, true, ['handlers:assigned']],
  ['reopen', true, false, false, false, true, ['handlers:assigned']],
  ['reject', true, false, false, true, false, []],
  ['returnToDispatch', true, false, true, false, false, ['hotlineOffice:returned']],
  ['requestTransfer', true, false, true, false, false, []],
  ['declineTransfer', true, false, true, false, false, []],
  ['transfer', true, false, false, false, false, ['handlers:assigned']],
  ['merge', false, false, false, false, false, []],
  ['withdraw', false, false, false, false, false, []],
  ['disown', false, false, false, false, false, ['hotlineOffice:disowned']],
  ['urge', false, false, true, false, false, ['handlers:urged']],
  ['supervise', true, false, true, false, false, ['handlers:supervised']],
  ['requestExtension', true, false, true, false, false, ['hotlineOffice:extension_asked']],
  ['approveExtension', false, false, false, false, false, ['handlers:extension_approved', 'requester:deadline_extended']],
  ['declineExtension', true, false, true, false, false, ['handlers:extension_declined']],
  ['requestPark', true, false, true, false, false, ['hotlineOffice:park_asked']],
  ['approvePark', false, false, false, false, false, ['handlers:park_approved', 'requester:parked']],
  ['declinePark', true, false, true, false, false, ['handlers:park_declined']],
  ['parkProgress', true, true, false, false, false, []],
  ['unpark', false, false, false, false, false, ['handlers:unparked']],
  ['rate', false, false, false, false, false, []],
];

test('every action has its row of rules: note, photos, who sees the row, result, 重办, who is told', () => {
  assert.deepEqual(
    COLUMNS.map(([action]) => action),
    REQUEST_ACTION_NAMES,
    'one case per action, in the table order',
  );
  for (const [action, note, photos, internal, result, rehandle, told] of COLUMNS) {
    const rule = actionRule(action);
    const seen = [
      !!rule.noteRequired,
      !!rule.photos,
      !!rule.internal,
      !!rule.result,
      !!rule.rehandle,
      noticesOf(action, { enteredByOther: true }).map((n) => `${n.to}:${n.kind}`),
    ];
    assert.deepEqual(seen, [note, photos, internal, result, rehandle, told], action);
    assert.equal(isInternalStep(action), internal, action);
  }
});

test('the derived lists follow the columns', () => {
  assert.deepEqual(RESULT_ACTIONS, ['resolve', 'reject']);
  assert.deepEqual(actionsWith('photos'), ['accept', 'followUp', 'resolve', 'parkProgress']);
  assert.deepEqual(actionsWith('internal'), [
    'returnVisit',
    'sendBack',
    'returnToDispatch',
    'requestTransfer',
    'declineTransfer',
    'urge',
    'supervise',
    'requestExtension',
    'declineExtension',
    'requestPark',
    'declinePark',
  ]);
  assert.deepEqual(actionsWith('rehandle'), ['sendBack', 'reopen']);
  assert.deepEqual(actionsWith('noteRequired'), [
    'followUp',
    'resolve',
    'sendBack',
    'reopen',
    'reject',
    'returnToDispatch',
    'requestTransfer',
    'declineTransfer',
    'transfer',
    'supervise',
    'requestExtension',
    'declineExtension',
    'requestPark',
    'declinePark',
    'parkProgress',
  ]);
});

// [timeline step, label, staff-only row, who is told of it on a matter entered by another, …by its requester]
const OTHER_CASES: [string, string, boolean, string[], string[]][] = [
  ['submit', '提交诉求', false, ['handlers:assigned', 'requester:entered_for_you'], ['handlers:assigned']],
  ['mergeIn', '合并诉求', false, [], []],
  ['escalate', '超时提醒', true, [], []],
  ['disown', '这不是我的诉求', false, ['hotlineOffice:disowned'], ['hotlineOffice:disowned']],
  // Not a step at all: no row, nobody told, shown as public (the API never writes one).
  ['nonsense', '', false, [], []],
  ['toString', '', false, [], []],
];

test('timeline rows that are no action have rows too; a notice with a condition waits for its fact', () => {
  for (const [step, label, internal, byOther, byRequester] of OTHER_CASES) {
    assert.equal(stepRule(step)?.label ?? '', label, step);
    assert.equal(isInternalStep(step), internal, step);
    assert.deepEqual(
      noticesOf(step, { enteredByOther: true }).map((n) => `${n.to}:${n.kind}`),
      byOther,
      `${step} entered by another`,
    );
    assert.deepEqual(
      noticesOf(step).map((n) => `${n.to}:${n.kind}`),
      byRequester,
      `${step} raised by the requester`,
    );
  }
});
