import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_REFUSAL_RULES,
  parseRefusalRules,
  reachedHandlerAt,
  refusalRulesForTown,
  refuseRejectReason,
  refuseReturn,
  rejectNote,
  returnDeadline,
  returnStepChanges,
  type ReturnFacts,
} from './refusals';

const at = (text: string) => new Date(`${text}+08:00`);
const rules = DEFAULT_REFUSAL_RULES; // 2 office hours (08:00–20:00 on working days)

test('退单 within 2 office hours of when the matter reached the unit; never by the dispatchers', () => {
  const reached = at('2026-12-09T10:00:00'); // a Wednesday
  const late = at('2026-12-11T19:00:00'); // a Friday evening
  const grid = (reachedAt: Date | null): ReturnFacts => ({ handlerUnitKind: 'small_grid', reachedAt });
  const cases: [string, ReturnFacts, Date, number, ReturnType<typeof refuseReturn>][] = [
    ['at once', grid(reached), reached, 2, null],
    ['exactly at the end of the window', grid(reached), at('2026-12-09T12:00:00'), 2, null],
    ['a minute after', grid(reached), at('2026-12-09T12:01:00'), 2, 'WINDOW_PASSED'],
    ['the next day', grid(reached), at('2026-12-10T09:00:00'), 2, 'WINDOW_PASSED'],
    ['Friday 19:00 + 2 office hours is Monday 09:00: the weekend does not count', grid(late), at('2026-12-14T08:59:00'), 2, null],
    ['Monday 09:01 is past it', grid(late), at('2026-12-14T09:01:00'), 2, 'WINDOW_PASSED'],
    ['reached at night: the window starts at 08:00', grid(at('2026-12-09T23:00:00')), at('2026-12-10T09:59:00'), 2, null],
    ['a town with a 4-hour window', grid(reached), at('2026-12-09T13:30:00'), 4, null],
    ['a town that takes no returns', grid(reached), reached, 0, 'WINDOW_PASSED'],
    ['not known when it reached them', grid(null), reached, 2, 'WINDOW_PASSED'],
    ['the hotline office holds it: nobody to return it to', { handlerUnitKind: 'hotline_office', reachedAt: reached }, reached, 2, 'AT_DISPATCH'],
  ];
  for (const [name, facts, now, hours, expected] of cases)
    assert.equal(refuseReturn(facts, now, { ...rules, returnWindowWorkingHours: hours }), expected, name);
  assert.deepEqual(returnDeadline(late, rules), at('2026-12-14T09:00:00'));
});

test('when the matter reached the unit holding it: the first row of the last run of rows that carry it', () => {
  const t = (h: number) => at(`2026-12-09T${String(h).padStart(2, '0')}:00:00`);
  const cases: [string, { handlerUnitId: number; createdAt: Date }[], number, Date | null][] = [
    ['submitted to it', [{ handlerUnitId: 5, createdAt: t(9) }], 5, t(9)],
    [
      'its later steps do not move it',
      [
        { handlerUnitId: 5, createdAt: t(9) },
        { handlerUnitId: 5, createdAt: t(11) },
      ],
      5,
      t(9),
    ],
    [
      'dispatched to it by the office',
      [
        { handlerUnitId: 1, createdAt: t(9) },
        { handlerUnitId: 5, createdAt: t(10) },
        { handlerUnitId: 5, createdAt: t(11) },
      ],
      5,
      t(10),
    ],
    [
      'came back to it after a round trip: the last arrival counts',
      [
        { handlerUnitId: 5, createdAt: t(9) },
        { handlerUnitId: 1, createdAt: t(10) },
        { handlerUnitId: 5, createdAt: t(14) },
      ],
      5,
      t(14),
    ],
    [
      'another unit holds it now',
      [
        { handlerUnitId: 5, createdAt: t(9) },
        { handlerUnitId: 1, createdAt: t(10) },
      ],
      5,
      null,
    ],
    ['no rows', [], 5, null],
  ];
  for (const [name, timeline, unit, expected] of cases) assert.deepEqual(reachedHandlerAt(timeline, unit), expected, name);
});

test('a refusal names an offered reason; "not ours" says where to go, the others do not', () => {
  const cases: [string, string | undefined, string | null, Partial<typeof rules>, ReturnType<typeof refuseRejectReason>][] = [
    ['not ours, to 劳动仲裁', 'not_ours', '劳动人事争议仲裁委员会', {}, null],
    ['not ours, nowhere', 'not_ours', null, {}, 'NO_REFERRAL'],
    ['duplicate', 'duplicate', null, {}, null],
    ['unreasonable', 'unreasonable', null, {}, null],
    ['malicious repeat', 'malicious_repeat', null, {}, null],
    ['a duplicate sent elsewhere', 'duplicate', '法院', {}, 'REFERRAL_NOT_WANTED'],
    ['no reason', undefined, null, {}, 'NO_REASON'],
    ['an unknown reason', 'lazy', null, {}, 'REASON_NOT_OFFERED'],
    ['a reason the town does not use', 'malicious_repeat', null, { rejectReasons: ['not_ours', 'duplicate'] }, 'REASON_NOT_OFFERED'],
  ];
  for (const [name, reason, referTo, town, expected] of cases) assert.equal(refuseRejectReason(reason, referTo, { ...rules, ...town }), expected, name);
});

test('the refusal the requester reads: the reason, the handler’s words, and where to go', () => {
  assert.equal(
    rejectNote('not_ours', '劳动人事争议仲裁委员会', '这是工资纠纷'),
    '不属于本单位职责或受理范围：这是工资纠纷。建议您向劳动人事争议仲裁委员会反映',
  );
  assert.equal(rejectNote('duplicate', null, '与 #12 是同一件事'), '重复诉求：与 #12 是同一件事');
  assert.equal(rejectNote('unreasonable', null, null), '诉求不合理');
});

test('退单 restarts the contact clock for the next holder and drops what the returning unit began', () => {
  const now = at('2026-12-09T10:00:00');
  assert.deepEqual(returnStepChanges(now), {
    transferRequested: false,
    contactedAt: null,
    contactDueAt: at('2026-12-09T11:00:00'),
    complexity: null,
    completionDueAt: null,
    extensionAskedDays: null,
  });
});

test('REFUSAL_RULES: defaults, per town, and what is refused', () => {
  const config = parseRefusalRules({
    default: { returnWindowWorkingHours: 3 },
    towns: { 'SG-TT': { rejectReasons: ['not_ours', 'duplicate'], referralPlaces: ['镇司法所'] } },
  });
  assert.equal(refusalRulesForTown(config, null).returnWindowWorkingHours, 3);
  assert.deepEqual(refusalRulesForTown(config, 'SG-TT'), {
    returnWindowWorkingHours: 3,
    rejectReasons: ['not_ours', 'duplicate'],
    referralPlaces: ['镇司法所'],
  });
  assert.deepEqual(refusalRulesForTown(parseRefusalRules(undefined), 'SG-TT'), DEFAULT_REFUSAL_RULES);
  const bad: [unknown, RegExp][] = [
    [{ default: { returnWindowWorkingHours: -1 } }, /returnWindowWorkingHours/],
    [{ default: { returnWindowWorkingHours: 1.5 } }, /returnWindowWorkingHours/],
    [{ default: { rejectReasons: [] } }, /rejectReasons/],
    [{ default: { rejectReasons: ['lazy'] } }, /rejectReasons/],
    [{ default: { rejectReasons: ['duplicate', 'duplicate'] } }, /rejectReasons/],
    [{ default: { referralPlaces: [''] } }, /referralPlaces/],
    [{ towns: { 'SG-TT': { windowHours: 2 } } }, /unknown key windowHours/],
  ];
  for (const [input, message] of bad) assert.throws(() => parseRefusalRules(input, 'REFUSAL_RULES'), message);
});
