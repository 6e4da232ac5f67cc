import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgedAt } from './judged-at';

const november = { end: new Date('2026-11-30T16:00:00Z') };

for (const [name, now, expected] of [
  ['a running month: the moment of reading', '2026-11-24T01:00:00Z', '2026-11-24T01:00:00Z'],
  ['the month just ended: its end', '2026-11-30T16:00:00Z', '2026-11-30T16:00:00Z'],
  ['a month long over: its end, never later', '2027-02-01T00:00:00Z', '2026-11-30T16:00:00Z'],
] as const) {
  test(`judgedAt: ${name}`, () => {
    assert.equal(judgedAt(november, new Date(now)).toISOString(), new Date(expected).toISOString());
  });
}
