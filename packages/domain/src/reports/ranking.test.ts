import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RANKING_MIN_RECEIVED, hasFigures, parseRankingMinReceived, rankOnBoard, shownScore } from './ranking';

const MIN = 3;
// name, composite, received → rank, tied, unranked reason
const TABLE: [string, number | null, number, number | null, boolean, string | null][] = [
  ['best', 0.96, 10, 1, false, null],
  ['same as shown (95.0)', 0.95004, 4, 2, true, null], // 95.0 on the board: equal to the next
  ['95.0 too', 0.94996, 7, 2, true, null],
  ['after a tie of two', 0.9, 3, 4, false, null], // exactly the minimum is ranked
  ['one matter, 100 points', 1, 1, null, false, 'too_few'],
  ['two matters, none scored', 0, 2, null, false, 'too_few'],
  ['verdicts only, no matter received', 1, 0, null, false, 'too_few'],
  // Matters dispatched to it before the month, five open past their deadline: no rate, but figures (active).
  ['only overdue matters held', null, 0, null, false, 'too_few'],
  ['no data', null, 0, null, false, 'no_data'],
  ['no score despite matters', null, 5, null, false, 'no_data'],
];
const ACTIVE = new Set(['only overdue matters held', 'one matter, 100 points', 'two matters, none scored', 'verdicts only, no matter received']);

test('rankOnBoard: a minimum of matters, ties at the shown precision, unranked last with the reason', () => {
  const placed = rankOnBoard(TABLE, ([name, composite, received]) => ({ composite, received, active: ACTIVE.has(name) || received > 0 }), MIN);
  assert.deepEqual(
    placed.map(({ row, rank, tied, unrankedReason }) => [row[0], rank, tied, unrankedReason]),
    TABLE.map(([name, , , rank, tied, reason]) => [name, rank, tied, reason]),
  );
});

test('rankOnBoard: a minimum of 0 ranks every unit with a score; many equal scores share rank 1', () => {
  const rows = [
    { c: 1, n: 1 },
    { c: 1, n: 0 },
    { c: 0.5, n: 9 },
  ];
  assert.deepEqual(
    rankOnBoard(rows, (r) => ({ composite: r.c, received: r.n }), 0).map((p) => [p.rank, p.tied]),
    [
      [1, true],
      [1, true],
      [3, false],
    ],
  );
});

test('hasFigures: any count above 0', () => {
  assert.equal(hasFigures({ received: 0, openOverdue: 5, satisfied: 0 }), true);
  assert.equal(hasFigures({ received: 0, openOverdue: 0 }), false);
});

test('the shown score is one decimal out of 100', () => {
  assert.equal(shownScore(0.87549), 87.5);
  assert.equal(shownScore(0.87551), 87.6);
  assert.equal(shownScore(1), 100);
});

test('RANKING_MIN_RECEIVED: a whole number, checked; unset is the default', () => {
  assert.equal(parseRankingMinReceived(undefined), DEFAULT_RANKING_MIN_RECEIVED);
  assert.equal(parseRankingMinReceived(''), DEFAULT_RANKING_MIN_RECEIVED);
  assert.equal(parseRankingMinReceived('0'), 0);
  assert.equal(parseRankingMinReceived('5'), 5);
  for (const bad of ['-1', '2.5', 'three', '1e3']) assert.throws(() => parseRankingMinReceived(bad), /RANKING_MIN_RECEIVED: ".*" is not a whole number/);
});
