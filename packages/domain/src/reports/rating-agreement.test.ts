import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ratingAgreement, type SampledVisit } from './rating-agreement';

const rules = { agreementMargin: 0.2, minPaired: 3 };
const visit = (unitId: number, appRating: SampledVisit['appRating'], heard: SampledVisit['heard']): SampledVisit => ({ unitId, appRating, heard });

test('per unit: pairs of an in-app verdict and what the visit heard; agreement, both rates and the gap', () => {
  const rows = ratingAgreement(
    [
      // Unit 1: the app says 满意 four times; the phone heard 满意 once, 基本满意 once, 不满意 twice.
      visit(1, 'satisfied', 'satisfied'),
      visit(1, 'satisfied', 'basically_satisfied'),
      visit(1, 'satisfied', 'dissatisfied'),
      visit(1, 'satisfied', 'dissatisfied'),
      visit(1, null, 'satisfied'), // heard, never rated in the app: no pair
      visit(1, 'satisfied', null), // not reached: not heard
      // Unit 2: the phone heard what the app says.
      visit(2, 'satisfied', 'satisfied'),
      visit(2, 'basically_satisfied', 'basically_satisfied'),
      visit(2, 'dissatisfied', 'dissatisfied'),
      // Unit 3: a big gap but too few pairs to flag.
      visit(3, 'satisfied', 'dissatisfied'),
      // Unit 4: visited, nobody reached: no row.
      visit(4, 'satisfied', null),
    ],
    rules,
  );
  assert.deepEqual(
    rows.map((r) => r.unitId),
    [1, 2, 3],
  );
  const [one, two, three] = rows;
  assert.equal(one!.heard, 5);
  assert.equal(one!.paired, 4);
  assert.equal(one!.agreed, 1);
  assert.equal(one!.agreementRate, 0.25);
  assert.equal(one!.appSatisfaction, 1);
  assert.ok(Math.abs(one!.heardSatisfaction! - 1.9 / 4) < 1e-9);
  assert.ok(Math.abs(one!.gap! - 2.1 / 4) < 1e-9);
  assert.equal(one!.flagged, true);
  assert.deepEqual([two!.agreementRate, two!.gap, two!.flagged], [1, 0, false]);
  assert.deepEqual([three!.paired, three!.gap, three!.flagged], [1, 1, false]);
});

test('the margin: a gap of exactly the margin is not flagged, a hair beyond is; fewer hearts in the app than heard is flagged too', () => {
  // 5 pairs, the app one 满意 short of the phone: gap −0.2.
  const exactly = [visit(1, 'dissatisfied', 'satisfied'), ...Array.from({ length: 4 }, () => visit(1, 'satisfied', 'satisfied'))];
  assert.equal(ratingAgreement(exactly, rules)[0]!.flagged, false);
  assert.equal(ratingAgreement(exactly, { ...rules, agreementMargin: 0.19 })[0]!.flagged, true);
  assert.deepEqual(ratingAgreement([], rules), []);
});
