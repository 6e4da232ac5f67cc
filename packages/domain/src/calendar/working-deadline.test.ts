import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workingDeadline } from '../index';

/** Shows an instant as China time, so failures read like the cases. */
function chinaIso(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

type DeadlineCase = [start: string, workingDays: number, expected: string, why: string];

function runCases(cases: DeadlineCase[]): void {
  for (const [start, workingDays, expected, why] of cases) {
    test(`${start} + ${workingDays} → ${expected} (${why})`, () => {
      const deadline = workingDeadline(new Date(start), workingDays);
      assert.equal(chinaIso(deadline), chinaIso(new Date(expected)));
    });
  }
}

describe('ordinary weeks', () => {
  runCases([
    ['2026-03-06T15:00:00+08:00', 1, '2026-03-09T15:00:00+08:00', 'Fri 15:00 → Mon 15:00'],
    ['2026-03-07T10:00:00+08:00', 1, '2026-03-10T00:00:00+08:00', 'Sat counts from Mon 00:00 → Mon 24:00'],
    ['2026-03-08T23:59:00+08:00', 1, '2026-03-10T00:00:00+08:00', 'Sun late evening → Mon 24:00'],
    ['2026-03-09T00:00:00+08:00', 1, '2026-03-10T00:00:00+08:00', 'Mon 00:00 → Mon 24:00'],
    ['2026-03-09T23:59:59+08:00', 1, '2026-03-10T23:59:59+08:00', 'last second of Mon → Tue'],
    ['2026-03-11T09:30:00+08:00', 3, '2026-03-16T09:30:00+08:00', 'Wed +3 → Thu, Fri, Mon'],
    ['2026-03-06T15:00:00+08:00', 3, '2026-03-11T15:00:00+08:00', 'Fri +3 → Mon, Tue, Wed'],
    ['2026-03-07T10:00:00+08:00', 3, '2026-03-12T00:00:00+08:00', 'Sat +3 → Mon, Tue, Wed 24:00'],
    ['2026-03-11T09:30:15.250+08:00', 1, '2026-03-12T09:30:15.250+08:00', 'seconds and ms kept'],
    ['2026-03-06T15:00:00+08:00', 0, '2026-03-06T15:00:00+08:00', '0 on a working day: the start'],
    ['2026-03-07T10:00:00+08:00', 0, '2026-03-09T00:00:00+08:00', '0 on a day off: when the clock starts'],
    ['2026-03-02T10:00:00+08:00', 10, '2026-03-16T10:00:00+08:00', 'two weeks'],
  ]);
});

describe('time zone: China time decides the day, whatever the input offset', () => {
  runCases([
    ['2026-03-06T07:00:00Z', 1, '2026-03-09T15:00:00+08:00', 'Fri 15:00 China given in UTC'],
    ['2026-03-06T16:30:00Z', 1, '2026-03-10T00:00:00+08:00', 'UTC Friday, but Sat 00:30 in China'],
    ['2026-03-08T16:00:00Z', 1, '2026-03-10T00:00:00+08:00', 'UTC Sunday, but Mon 00:00 in China'],
  ]);
});

describe('2025 holiday blocks and make-up days', () => {
  runCases([
    ['2024-12-31T15:00:00+08:00', 1, '2025-01-02T15:00:00+08:00', 'New Year 1/1 off'],
    ['2025-01-24T15:00:00+08:00', 1, '2025-01-26T15:00:00+08:00', 'Fri → make-up Sun 1/26'],
    ['2025-01-26T15:00:00+08:00', 1, '2025-01-27T15:00:00+08:00', 'make-up Sun → Mon'],
    ['2025-01-26T15:00:00+08:00', 2, '2025-02-05T15:00:00+08:00', 'Mon 1/27, then 1/28–2/4 off'],
    ['2025-01-27T15:00:00+08:00', 1, '2025-02-05T15:00:00+08:00', 'over Spring Festival'],
    ['2025-02-01T10:00:00+08:00', 1, '2025-02-06T00:00:00+08:00', 'start inside Spring Festival'],
    ['2025-02-07T15:00:00+08:00', 1, '2025-02-08T15:00:00+08:00', 'Fri → make-up Sat 2/8'],
    ['2025-02-08T15:00:00+08:00', 1, '2025-02-10T15:00:00+08:00', 'make-up Sat → Mon (Sun 2/9 off)'],
    ['2025-04-03T15:00:00+08:00', 1, '2025-04-07T15:00:00+08:00', 'Qingming 4/4–4/6'],
    ['2025-04-25T15:00:00+08:00', 1, '2025-04-27T15:00:00+08:00', 'Fri → make-up Sun 4/27'],
    ['2025-04-30T15:00:00+08:00', 1, '2025-05-06T15:00:00+08:00', 'Labour Day 5/1–5/5'],
    ['2025-04-25T15:00:00+08:00', 3, '2025-04-29T15:00:00+08:00', '+3 through Sun 4/27: 4/27, 4/28, 4/29'],
    ['2025-05-30T15:00:00+08:00', 1, '2025-06-03T15:00:00+08:00', 'Dragon Boat 5/31–6/2'],
    ['2025-09-26T15:00:00+08:00', 1, '2025-09-28T15:00:00+08:00', 'Fri → make-up Sun 9/28'],
    ['2025-09-30T15:00:00+08:00', 1, '2025-10-09T15:00:00+08:00', 'National Day 10/1–10/8'],
    ['2025-09-30T15:00:00+08:00', 3, '2025-10-11T15:00:00+08:00', '10/9, 10/10, make-up Sat 10/11'],
    ['2025-10-10T15:00:00+08:00', 1, '2025-10-11T15:00:00+08:00', 'Fri → make-up Sat 10/11'],
    ['2025-10-11T15:00:00+08:00', 1, '2025-10-13T15:00:00+08:00', 'make-up Sat → Mon (Sun 10/12 off)'],
  ]);
});

describe('2026 holiday blocks and make-up days', () => {
  runCases([
    ['2025-12-31T15:00:00+08:00', 1, '2026-01-04T15:00:00+08:00', 'New Year 1/1–1/3 → make-up Sun 1/4'],
    ['2025-12-31T15:00:00+08:00', 3, '2026-01-06T15:00:00+08:00', '1/4, 1/5, 1/6'],
    ['2026-01-01T10:00:00+08:00', 1, '2026-01-05T00:00:00+08:00', 'start on New Year: from 1/4 00:00'],
    ['2026-02-13T15:00:00+08:00', 1, '2026-02-14T15:00:00+08:00', 'Fri → make-up Sat 2/14'],
    ['2026-02-14T15:00:00+08:00', 1, '2026-02-24T15:00:00+08:00', 'make-up Sat, then 2/15–2/23 off'],
    ['2026-02-13T15:00:00+08:00', 3, '2026-02-25T15:00:00+08:00', '2/14, 2/24, 2/25'],
    ['2026-02-15T10:00:00+08:00', 1, '2026-02-25T00:00:00+08:00', 'start inside Spring Festival'],
    ['2026-02-23T23:00:00+08:00', 1, '2026-02-25T00:00:00+08:00', 'last evening of the holiday'],
    ['2026-02-27T15:00:00+08:00', 1, '2026-02-28T15:00:00+08:00', 'Fri → make-up Sat 2/28'],
    ['2026-02-28T09:00:00+08:00', 1, '2026-03-02T09:00:00+08:00', 'make-up Sat → Mon (Sun 3/1 off)'],
    ['2026-04-03T15:00:00+08:00', 1, '2026-04-07T15:00:00+08:00', 'Qingming 4/4–4/6'],
    ['2026-04-30T15:00:00+08:00', 1, '2026-05-06T15:00:00+08:00', 'Labour Day 5/1–5/5'],
    ['2026-04-30T15:00:00+08:00', 3, '2026-05-08T15:00:00+08:00', '5/6, 5/7, 5/8'],
    ['2026-04-30T15:00:00+08:00', 4, '2026-05-09T15:00:00+08:00', '…and make-up Sat 5/9'],
    ['2026-05-08T15:00:00+08:00', 1, '2026-05-09T15:00:00+08:00', 'Fri → make-up Sat 5/9'],
    ['2026-06-18T15:00:00+08:00', 1, '2026-06-22T15:00:00+08:00', 'Dragon Boat 6/19–6/21'],
    ['2026-09-18T15:00:00+08:00', 1, '2026-09-20T15:00:00+08:00', 'Fri → make-up Sun 9/20'],
    ['2026-09-24T15:00:00+08:00', 1, '2026-09-28T15:00:00+08:00', 'Mid-Autumn 9/25–9/27'],
    ['2026-09-24T15:00:00+08:00', 3, '2026-09-30T15:00:00+08:00', '9/28, 9/29, 9/30'],
    ['2026-09-30T15:00:00+08:00', 1, '2026-10-08T15:00:00+08:00', 'National Day 10/1–10/7'],
    ['2026-09-30T15:00:00+08:00', 3, '2026-10-10T15:00:00+08:00', '10/8, 10/9, make-up Sat 10/10'],
    ['2026-10-09T15:00:00+08:00', 1, '2026-10-10T15:00:00+08:00', 'Fri → make-up Sat 10/10'],
    ['2026-10-03T10:00:00+08:00', 1, '2026-10-09T00:00:00+08:00', 'Sat inside National Day'],
  ]);
});

describe('invalid arguments throw', () => {
  const start = new Date('2026-03-06T15:00:00+08:00');
  const cases: Array<[name: string, run: () => Date, error: RegExp]> = [
    ['invalid date', () => workingDeadline(new Date('not a date'), 1), /start must be a valid Date/],
    ['string start', () => workingDeadline('2026-03-06' as unknown as Date, 1), /start must be a valid Date/],
    ['negative', () => workingDeadline(start, -1), /workingDays must be an integer/],
    ['fraction', () => workingDeadline(start, 1.5), /workingDays must be an integer/],
    ['NaN', () => workingDeadline(start, Number.NaN), /workingDays must be an integer/],
    ['Infinity', () => workingDeadline(start, Number.POSITIVE_INFINITY), /workingDays must be an integer/],
    ['too far', () => workingDeadline(start, 1001), /workingDays must be an integer from 0 to 1000/],
  ];
  for (const [name, run, error] of cases) {
    test(name, () => assert.throws(run, error));
  }
});
