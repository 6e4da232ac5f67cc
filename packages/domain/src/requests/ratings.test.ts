import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canRateNow, RATING_HEARTS, reopensOn } from './ratings';

test('only a dissatisfied verdict reopens, and it lights no heart', () => {
  assert.equal(reopensOn('dissatisfied'), true);
  assert.equal(reopensOn('basically_satisfied'), false);
  assert.equal(RATING_HEARTS.dissatisfied, 0);
  assert.ok(RATING_HEARTS.satisfied > RATING_HEARTS.basically_satisfied);
});

test('one verdict per result', () => {
  const resolved = new Date('2026-03-02T10:00:00+08:00');
  const cases: [Date | null, Date | null, boolean][] = [
    [null, null, false],
    [resolved, null, true],
    [resolved, new Date('2026-03-02T11:00:00+08:00'), false],
    // Reopened and resolved again after the last verdict: a new verdict is due.
    [new Date('2026-03-04T10:00:00+08:00'), new Date('2026-03-02T11:00:00+08:00'), true],
  ];
  for (const [resolvedAt, ratedAt, expected] of cases) assert.equal(canRateNow(resolvedAt, ratedAt), expected, `${resolvedAt} ${ratedAt}`);
});
