import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawWeeklySample, sampledWeekAt, sampleSize, weekStarting, type ClosedMatter } from './return-visit-sample';

const at = (text: string) => new Date(`${text}+08:00`);

test('the sampled week is the whole China week before this one, Monday to Monday', () => {
  const cases: [string, string][] = [
    ['2026-12-07T00:00:00', '2026-11-30'], // a Monday at midnight: last week
    ['2026-12-07T10:00:00', '2026-11-30'],
    ['2026-12-13T23:59:00', '2026-11-30'], // Sunday night: still last week
    ['2026-12-14T00:00:00', '2026-12-07'],
  ];
  for (const [now, week] of cases) assert.equal(sampledWeekAt(at(now)).week, week, now);
  const week = weekStarting('2026-11-30');
  assert.equal(week.start.toISOString(), at('2026-11-30T00:00:00').toISOString());
  assert.equal(week.end.toISOString(), at('2026-12-07T00:00:00').toISOString());
  assert.throws(() => weekStarting('2026-12-01'), /not a Monday/);
});

test('how many per unit: the share rounded, at least one of a unit that closed any, never more than it closed', () => {
  const cases: [number, number, number][] = [
    [0, 0.1, 0],
    [1, 0.1, 1],
    [4, 0.1, 1],
    [14, 0.1, 1],
    [15, 0.1, 2],
    [30, 0.1, 3],
    [3, 1, 3],
    [5, 0, 1],
  ];
  for (const [closed, share, size] of cases) assert.equal(sampleSize(closed, share), size, `${closed} at ${share}`);
});

const closed: ClosedMatter[] = [
  ...Array.from({ length: 30 }, (_, i) => ({ requestId: 100 + i, unitId: 1 })),
  ...Array.from({ length: 4 }, (_, i) => ({ requestId: 200 + i, unitId: 2 })),
  { requestId: 300, unitId: 3 },
];

test('the draw: 10 % of each unit, at least 1, reproducible per town and week, in any input order', () => {
  const sample = drawWeeklySample(closed, 'SG-TT', '2026-11-30', 0.1);
  assert.equal(sample.filter((id) => id < 200).length, 3);
  assert.equal(sample.filter((id) => id >= 200 && id < 300).length, 1);
  assert.ok(sample.includes(300));
  assert.deepEqual(
    sample,
    [...sample].sort((a, b) => a - b),
  );
  assert.deepEqual(drawWeeklySample([...closed].reverse(), 'SG-TT', '2026-11-30', 0.1), sample);
  // Another week or another town draws otherwise (the same three of thirty by chance is 1 in 4,060).
  assert.notDeepEqual(drawWeeklySample(closed, 'SG-TT', '2026-12-07', 0.1), sample);
  assert.notDeepEqual(drawWeeklySample(closed, 'SG-XX', '2026-11-30', 0.1), sample);
  assert.deepEqual(drawWeeklySample([], 'SG-TT', '2026-11-30', 0.1), []);
});

test('every matter of a unit is as likely to be drawn (over many weeks, no corner of the list favoured)', () => {
  const hits = new Map<number, number>();
  for (let w = 0; w < 2000; w++) for (const id of drawWeeklySample(closed.slice(0, 30), 'SG-TT', `w${w}`, 0.1)) hits.set(id, (hits.get(id) ?? 0) + 1);
  // 2000 weeks × 3 of 30: 200 each expected.
  for (let id = 100; id < 130; id++) assert.ok(Math.abs((hits.get(id) ?? 0) - 200) < 60, `${id}: ${hits.get(id)}`);
});
