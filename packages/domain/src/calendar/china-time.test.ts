import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDayOf, chinaDayRange, chinaMinuteOfDay, chinaMonthRange, chinaTimeText } from '../index';

const cases: Array<[instant: string, chinaDay: string]> = [
  ['2026-02-13T15:59:59Z', '2026-02-13'], // 23:59:59 in China
  ['2026-02-13T16:00:00Z', '2026-02-14'], // midnight in China
  ['2026-02-14T00:00:00+08:00', '2026-02-14'],
  ['2026-12-31T16:00:00Z', '2027-01-01'],
  ['1969-12-31T16:00:00Z', '1970-01-01'],
  ['1969-12-31T15:59:59Z', '1969-12-31'], // before the epoch: floor, not truncation
];
for (const [instant, chinaDay] of cases) {
  test(`chinaDayOf(${instant}) = ${chinaDay}`, () => {
    assert.equal(chinaDayOf(new Date(instant)), chinaDay);
  });
}

test('chinaDayOf rejects an invalid Date', () => {
  assert.throws(() => chinaDayOf(new Date('x')), /instant must be a valid Date/);
});

test('chinaTimeText shows China wall-clock time', () => {
  assert.equal(chinaTimeText(new Date('2026-11-24T17:05:00Z')), '11月25日 01:05');
  assert.equal(chinaTimeText(new Date('2026-01-01T00:00:00+08:00')), '1月1日 00:00');
});

test('a China day and month as instants, and the minute of the China day', () => {
  assert.deepEqual(chinaDayRange('2026-10-01'), { start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-01T16:00:00Z') });
  assert.throws(() => chinaDayRange('2026-02-30'), /Invalid day/);
  assert.deepEqual(chinaMonthRange('2026-01'), { label: '2026-01', start: new Date('2025-12-31T16:00:00Z'), end: new Date('2026-01-31T16:00:00Z') });
  assert.equal(chinaMonthRange('2026-01', 1).label, '2025-12');
  assert.equal(chinaMonthRange('2026-10', 12).label, '2025-10');
  assert.throws(() => chinaMonthRange('2026-13'), /Invalid month/);
  assert.equal(chinaMinuteOfDay(new Date('2026-10-20T23:30:00Z')), 7 * 60 + 30);
});
