import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RATE_WEIGHTS, parseRateWeights, rankBy, relativeChange, unitRates, type UnitTally } from './rates';

const EMPTY: UnitTally = {
  received: 0,
  contactedOnTime: 0,
  contactPending: 0,
  resolved: 0,
  withdrawn: 0,
  closedOnTime: 0,
  closedLate: 0,
  openOverdue: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  rehandled: 0,
  patrolFound: 0,
  excluded: 0,
  hearts: 0,
};

test('each rate from its counts', () => {
  const t: UnitTally = {
    ...EMPTY,
    received: 20,
    contactedOnTime: 18,
    resolved: 15,
    withdrawn: 2,
    closedOnTime: 12,
    closedLate: 3,
    openOverdue: 1,
    satisfied: 8,
    basicallySatisfied: 2,
    dissatisfied: 1,
    rehandled: 3,
  };
  const r = unitRates(t);
  assert.equal(r.responseRate, 18 / 20);
  assert.equal(r.onTimeRate, 12 / 16); // open overdue cases count against it
  assert.equal(r.resolutionRate, 15 / 18); // withdrawn matters are not held against the unit
  assert.equal(r.satisfactionRate, (8 + 0.9 * 2) / 11);
  assert.equal(r.rehandleRate, 3 / 15);
  assert.ok(Math.abs(r.composite! - (0.1 * (18 / 20) + 0.5 * (15 / 18) + 0.4 * ((8 + 0.9 * 2) / 11))) < 1e-12);
});

test('no denominator is no data, and the composite rescales over the rates that have data', () => {
  assert.deepEqual(unitRates(EMPTY), {
    responseRate: null,
    onTimeRate: null,
    resolutionRate: null,
    satisfactionRate: null,
    rehandleRate: null,
    composite: null,
  });
  const unrated = unitRates({ ...EMPTY, received: 4, contactedOnTime: 2, resolved: 4 });
  assert.equal(unrated.satisfactionRate, null);
  assert.ok(Math.abs(unrated.composite! - (0.1 * 0.5 + 0.5 * 1) / 0.6) < 1e-12);
});

test('the 基本满意 weight and the composite weights are configuration', () => {
  const t: UnitTally = { ...EMPTY, received: 10, contactedOnTime: 10, resolved: 10, basicallySatisfied: 10 };
  const weights = { ...DEFAULT_RATE_WEIGHTS, basicallySatisfiedWeight: 0.8, response: 0.3, resolution: 0.35, satisfaction: 0.35 };
  const r = unitRates(t, weights);
  assert.equal(r.satisfactionRate, 0.8);
  assert.ok(Math.abs(r.composite! - (0.3 + 0.35 + 0.35 * 0.8)) < 1e-12);
});

test('month-on-month and year-on-year change', () => {
  assert.equal(relativeChange(33, 100), -0.67);
  assert.equal(relativeChange(150, 100), 0.5);
  assert.equal(relativeChange(5, 0), null);
  assert.equal(relativeChange(null, 3), null);
});

test('ranking: highest first, ties share a rank, no score is unranked and last', () => {
  const rows = [
    { n: 'a', s: 0.5 },
    { n: 'b', s: null },
    { n: 'c', s: 0.9 },
    { n: 'd', s: 0.5 },
    { n: 'e', s: 0.1 },
  ];
  assert.deepEqual(
    rankBy(rows, (r) => r.s).map(({ row, rank }) => [row.n, rank]),
    [
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
      ['b', null],
    ],
  );
});

test('weights come from configuration: the 30/35/35 variant, the 基本满意 share, and clear refusals', () => {
  const variant = parseRateWeights({ response: 0.3, resolution: 0.35, satisfaction: 0.35 });
  assert.deepEqual(variant, { response: 0.3, resolution: 0.35, satisfaction: 0.35, basicallySatisfiedWeight: 0.9 });
  const tally = {
    received: 10,
    contactedOnTime: 5,
    contactPending: 0,
    resolved: 10,
    withdrawn: 0,
    closedOnTime: 10,
    closedLate: 0,
    openOverdue: 0,
    satisfied: 0,
    basicallySatisfied: 10,
    dissatisfied: 0,
    rehandled: 0,
    patrolFound: 0,
    excluded: 0,
    hearts: 10,
  };
  assert.equal(unitRates(tally, variant).composite!.toFixed(4), (0.3 * 0.5 + 0.35 * 1 + 0.35 * 0.9).toFixed(4));
  assert.equal(unitRates(tally, parseRateWeights({ basicallySatisfiedWeight: 0.8 })).satisfactionRate, 0.8);
  assert.equal(parseRateWeights(undefined), DEFAULT_RATE_WEIGHTS);
  assert.throws(() => parseRateWeights({ responce: 0.1 }, 'REPORT_WEIGHTS'), /REPORT_WEIGHTS: unknown weight "responce"/);
  assert.throws(() => parseRateWeights({ response: 2 }, 'REPORT_WEIGHTS'), /REPORT_WEIGHTS.response: expected a number from 0 to 1/);
  assert.throws(() => parseRateWeights({ response: 0, resolution: 0, satisfaction: 0 }, 'REPORT_WEIGHTS'), /at least one weight/);
  assert.throws(() => parseRateWeights([0.1], 'REPORT_WEIGHTS'), /expected an object/);
});

test('a matter whose first contact is not yet due is left out of the response rate', () => {
  assert.equal(unitRates({ ...EMPTY, received: 1, contactPending: 1 }).responseRate, null);
  assert.equal(unitRates({ ...EMPTY, received: 3, contactedOnTime: 1, contactPending: 1 }).responseRate, 1 / 2);
});
