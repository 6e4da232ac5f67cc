import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contactDeadline, DEFAULT_SERVICE_HOURS, type ServiceHours } from '../index';

const chinaIso = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

type ContactCase = [start: string, minutes: number, expected: string, why: string];

function runCases(cases: ContactCase[], serviceHours?: ServiceHours): void {
  for (const [start, minutes, expected, why] of cases) {
    test(`${start} + ${minutes} min → ${expected} (${why})`, () => {
      const deadline = contactDeadline(new Date(start), minutes, serviceHours);
      assert.equal(chinaIso(deadline), chinaIso(new Date(expected)));
    });
  }
}

describe('default service hours 08:00–20:00, every day', () => {
  test('default is 08:00–20:00', () => {
    assert.deepEqual(DEFAULT_SERVICE_HOURS, { start: '08:00', end: '20:00' });
  });
  runCases([
    ['2026-03-10T10:00:00+08:00', 60, '2026-03-10T11:00:00+08:00', 'inside hours'],
    ['2026-03-10T22:00:00+08:00', 60, '2026-03-11T09:00:00+08:00', 'after hours: from 08:00 next day'],
    ['2026-03-10T19:30:00+08:00', 60, '2026-03-11T08:30:00+08:00', '30 min today, 30 tomorrow'],
    ['2026-03-10T19:00:00+08:00', 60, '2026-03-10T20:00:00+08:00', 'ends exactly at closing'],
    ['2026-03-10T20:00:00+08:00', 60, '2026-03-11T09:00:00+08:00', 'starts at closing'],
    ['2026-03-10T07:00:00+08:00', 60, '2026-03-10T09:00:00+08:00', 'before opening'],
    ['2026-03-10T08:00:00+08:00', 60, '2026-03-10T09:00:00+08:00', 'at opening'],
    ['2026-03-10T00:00:00+08:00', 60, '2026-03-10T09:00:00+08:00', 'midnight'],
    ['2026-03-10T23:59:00+08:00', 1, '2026-03-11T08:01:00+08:00', 'one minute before midnight'],
    ['2026-03-10T19:59:30+08:00', 1, '2026-03-11T08:00:30+08:00', 'seconds carry over'],
    ['2026-03-10T22:00:00+08:00', 0, '2026-03-11T08:00:00+08:00', '0 min after hours: next opening'],
    ['2026-03-10T10:00:00+08:00', 0, '2026-03-10T10:00:00+08:00', '0 min inside hours: now'],
    ['2026-12-31T21:00:00+08:00', 60, '2027-01-01T09:00:00+08:00', 'across the year end'],
    ['2026-02-28T19:30:00+08:00', 60, '2026-03-01T08:30:00+08:00', 'across a month end'],
    ['2026-03-07T10:00:00+08:00', 60, '2026-03-07T11:00:00+08:00', 'Saturday counts'],
    ['2026-02-17T22:30:00+08:00', 60, '2026-02-18T09:00:00+08:00', 'Spring Festival counts'],
    ['2026-03-10T20:30:00+08:00', 720, '2026-03-11T20:00:00+08:00', 'one full window'],
    ['2026-03-10T19:00:00+08:00', 1440, '2026-03-12T19:00:00+08:00', '60 + 720 + 660 min'],
    ['2026-03-10T14:00:00Z', 60, '2026-03-11T09:00:00+08:00', 'UTC input, 22:00 in China'],
    ['2026-03-09T23:30:00Z', 60, '2026-03-10T09:00:00+08:00', 'UTC 23:30 is 07:30 next day in China'],
  ]);
});

describe('custom service hours 09:00–17:30', () => {
  runCases(
    [
      ['2026-03-10T17:00:00+08:00', 60, '2026-03-11T09:30:00+08:00', '30 min today, 30 tomorrow'],
      ['2026-03-10T08:00:00+08:00', 30, '2026-03-10T09:30:00+08:00', 'before opening'],
      ['2026-03-10T17:30:00+08:00', 510, '2026-03-11T17:30:00+08:00', 'one full 8.5 h window'],
      ['2026-03-10T18:00:00+08:00', 511, '2026-03-12T09:01:00+08:00', 'one minute past a full window'],
    ],
    { start: '09:00', end: '17:30' },
  );
});

describe('round-the-clock service 00:00–24:00', () => {
  runCases(
    [
      ['2026-03-10T23:30:00+08:00', 60, '2026-03-11T00:30:00+08:00', 'crosses midnight'],
      ['2026-03-10T00:00:00+08:00', 1440, '2026-03-11T00:00:00+08:00', 'a whole day'],
    ],
    { start: '00:00', end: '24:00' },
  );
});

describe('invalid arguments throw', () => {
  const start = new Date('2026-03-10T10:00:00+08:00');
  const cases: Array<[name: string, run: () => Date, error: RegExp]> = [
    ['invalid date', () => contactDeadline(new Date('nope'), 60), /start must be a valid Date/],
    ['negative minutes', () => contactDeadline(start, -1), /minutes must be a non-negative integer/],
    ['fractional minutes', () => contactDeadline(start, 0.5), /minutes must be a non-negative integer/],
    ['NaN minutes', () => contactDeadline(start, Number.NaN), /minutes must be a non-negative integer/],
    ['unpadded hour', () => contactDeadline(start, 60, { start: '8:00', end: '20:00' }), /serviceHours\.start must be a time as HH:mm/],
    ['hour 25', () => contactDeadline(start, 60, { start: '08:00', end: '25:00' }), /serviceHours\.end must be a time/],
    ['minute 60', () => contactDeadline(start, 60, { start: '08:60', end: '20:00' }), /serviceHours\.start/],
    ['24:00 as start', () => contactDeadline(start, 60, { start: '24:00', end: '24:00' }), /serviceHours\.start/],
    ['overnight window', () => contactDeadline(start, 60, { start: '20:00', end: '08:00' }), /must be before serviceHours\.end/],
    ['empty window', () => contactDeadline(start, 60, { start: '08:00', end: '08:00' }), /must be before/],
    ['missing end', () => contactDeadline(start, 60, { start: '08:00' } as ServiceHours), /serviceHours\.end/],
    ['null hours', () => contactDeadline(start, 60, null as unknown as ServiceHours), /serviceHours must be an object/],
  ];
  for (const [name, run, error] of cases) {
    test(name, () => assert.throws(run, error));
  }
});
