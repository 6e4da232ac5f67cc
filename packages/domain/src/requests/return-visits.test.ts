import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_RETURN_VISIT,
  DEFAULT_RETURN_VISIT_RULES,
  parseReturnVisitRules,
  refuseReturnVisit,
  returnVisitNote,
  returnVisitRulesForTown,
  settledReturnVisit,
  visitReopens,
  type ReturnVisitInput,
} from './return-visits';
import { availableActions, nextState, REQUEST_ACTIONS } from './request-workflow';

test('a return visit holds together: reached needs what was heard, unreached hears nothing, not called is not reached', () => {
  const cases: [string, ReturnVisitInput, ReturnType<typeof refuseReturnVisit>][] = [
    ['the default: phone, reached, 满意', DEFAULT_RETURN_VISIT, null],
    ['SMS answered 基本满意', { method: 'sms', reached: true, heard: 'basically_satisfied' }, null],
    ['in person, nobody home', { method: 'in_person', reached: false, heard: null }, null],
    ['not called', { method: 'none', reached: false, heard: null }, null],
    ['reached, nothing heard', { method: 'phone', reached: true, heard: null }, 'HEARD_MISSING'],
    ['unreached, yet a verdict', { method: 'phone', reached: false, heard: 'satisfied' }, 'HEARD_UNREACHED'],
    ['not called, yet reached', { method: 'none', reached: true, heard: 'satisfied' }, 'UNCALLED_REACHED'],
  ];
  for (const [name, visit, expected] of cases) assert.equal(refuseReturnVisit(visit), expected, name);
});

test('only a 不满意 heard sends the matter back to work', () => {
  assert.equal(visitReopens({ method: 'phone', reached: true, heard: 'dissatisfied' }), true);
  assert.equal(visitReopens({ method: 'phone', reached: true, heard: 'basically_satisfied' }), false);
  assert.equal(visitReopens({ method: 'phone', reached: false, heard: null }), false);
});

test('the timeline note says how, whether reached and what was heard, then the note', () => {
  assert.equal(returnVisitNote(DEFAULT_RETURN_VISIT, null), '电话回访，已联系上，群众说满意');
  assert.equal(returnVisitNote({ method: 'sms', reached: false, heard: null }, '已发短信'), '短信回访，未联系上：已发短信');
  assert.equal(returnVisitNote({ method: 'none', reached: false, heard: null }, null), '未回访');
});

test('回看并关闭 closes a result or a refusal awaiting look-back, by a supervisor who does not handle it; 回访 moves nothing', () => {
  assert.equal(nextState('lookBackClose', 'resolved'), 'closed');
  assert.equal(nextState('lookBackClose', 'rejected'), 'closed');
  assert.equal(nextState('returnVisit', 'closed'), 'closed');
  assert.ok(availableActions('resolved', ['supervisor']).includes('lookBackClose'));
  assert.ok(!availableActions('looked_back', ['supervisor']).includes('lookBackClose'));
  assert.ok(!availableActions('resolved', ['supervisor', 'handler']).includes('lookBackClose'));
  assert.ok(!availableActions('resolved', ['requester']).includes('returnVisit'));
  assert.ok(availableActions('closed', ['supervisor']).includes('returnVisit'));
  // The form starts on the common case: one confirm.
  assert.deepEqual(
    REQUEST_ACTIONS.lookBackClose.fields.map((f) => [f.name, f.default]),
    [
      ['visitMethod', 'phone'],
      ['visitReached', true],
      ['visitHeard', 'satisfied'],
    ],
  );
});

test('RETURN_VISIT_RULES: defaults 10 %, margin 0.2, 3 pairs; a town may differ; bad values stop with the key', () => {
  assert.deepEqual(parseReturnVisitRules(undefined).default, DEFAULT_RETURN_VISIT_RULES);
  const config = parseReturnVisitRules({ towns: { 'SG-TT': { sampleShare: 0.25 } } });
  assert.equal(returnVisitRulesForTown(config, 'SG-TT').sampleShare, 0.25);
  assert.equal(returnVisitRulesForTown(config, 'SG-XX').sampleShare, 0.1);
  assert.throws(() => parseReturnVisitRules({ default: { sampleShare: 1.5 } }, 'RETURN_VISIT_RULES'), /RETURN_VISIT_RULES\.default\.sampleShare/);
  assert.throws(() => parseReturnVisitRules({ default: { minPaired: 0 } }), /minPaired/);
  assert.throws(() => parseReturnVisitRules({ default: { share: 0.1 } }), /unknown key share/);
});

test('a visit as a form gives it is settled so that nothing in it is refused', () => {
  assert.deepEqual(settledReturnVisit('none', true, 'satisfied'), { method: 'none', reached: false, heard: null });
  assert.deepEqual(settledReturnVisit('phone', false, 'dissatisfied'), { method: 'phone', reached: false, heard: null });
  assert.deepEqual(settledReturnVisit('sms', true, 'dissatisfied'), { method: 'sms', reached: true, heard: 'dissatisfied' });
  // The form always holds a heard value (its default 满意), whatever it shows.
  for (const method of ['phone', 'sms', 'in_person', 'none'] as const)
    for (const reached of [true, false])
      for (const heard of ['satisfied', 'basically_satisfied', 'dissatisfied'] as const)
        assert.equal(refuseReturnVisit(settledReturnVisit(method, reached, heard)), null);
});
