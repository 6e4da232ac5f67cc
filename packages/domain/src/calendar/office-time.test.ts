import { test } from 'node:test';
import assert from 'node:assert/strict';
import { officeTimeAfter, officeTimeBefore } from './working-calendar';

const at = (text: string) => new Date(`${text}+08:00`);

// [start, minutes, expected] in China time; service hours 08:00–20:00 on working days.
// 2026-10-09 is a Friday; Saturday 10-10 is a make-up working day; Sunday 10-11 is off.
const AFTER: [string, number, string][] = [
  ['2026-10-09T10:00:00', 60, '2026-10-09T11:00:00'],
  ['2026-10-09T19:30:00', 60, '2026-10-10T08:30:00'], // into the make-up Saturday
  ['2026-10-10T19:00:00', 120, '2026-10-12T09:00:00'], // over the Sunday
  ['2026-10-09T06:00:00', 30, '2026-10-09T08:30:00'], // before opening
  ['2026-10-09T21:00:00', 0, '2026-10-10T08:00:00'], // after closing: the next opening
  ['2026-10-09T19:00:00', 60, '2026-10-09T20:00:00'], // runs out exactly at closing
  ['2026-09-30T12:00:00', 481, '2026-10-08T08:01:00'], // over the National Day holiday (10-01…10-07)
];

test('office time after a start skips nights, weekends and holidays, and counts make-up days', () => {
  for (const [start, minutes, expected] of AFTER) assert.deepEqual(officeTimeAfter(at(start), minutes), at(expected), `${start} + ${minutes}`);
});

test('office time before an end walks back the same way', () => {
  assert.deepEqual(officeTimeBefore(at('2026-10-12T09:00:00'), 120), at('2026-10-10T19:00:00'));
  assert.deepEqual(officeTimeBefore(at('2026-10-10T08:30:00'), 60), at('2026-10-09T19:30:00'));
  assert.deepEqual(officeTimeBefore(at('2026-10-09T23:00:00'), 30), at('2026-10-09T19:30:00'));
  assert.deepEqual(officeTimeBefore(at('2026-10-09T08:00:00'), 0), at('2026-10-09T08:00:00'));
  // Before is the inverse of after for instants inside office time.
  for (const [start, minutes] of AFTER.slice(0, 3)) assert.deepEqual(officeTimeBefore(officeTimeAfter(at(start), minutes), minutes), at(start));
});

test('bad minutes are refused', () => {
  assert.throws(() => officeTimeAfter(at('2026-10-09T10:00:00'), -1), /non-negative integer/);
  assert.throws(() => officeTimeBefore(at('2026-10-09T10:00:00'), 1.5), /non-negative integer/);
});
