import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasHolidayDataForYear, isWorkingDay } from '../index';

// The State Council notices for 2025 and 2026, as listed in the domain brief. Written out here
// (not read from chinese-days) so the tests check the data rather than echo it.
const NOTICES = {
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    makeUpDays: [
      ['2025-01-26', 'Sun'],
      ['2025-02-08', 'Sat'],
      ['2025-04-27', 'Sun'],
      ['2025-09-28', 'Sun'],
      ['2025-10-11', 'Sat'],
    ],
  },
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeUpDays: [
      ['2026-01-04', 'Sun'],
      ['2026-02-14', 'Sat'],
      ['2026-02-28', 'Sat'],
      ['2026-05-09', 'Sat'],
      ['2026-09-20', 'Sun'],
      ['2026-10-10', 'Sat'],
    ],
  },
} as const;

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// Test-local date helpers on UTC midnights, independent of the code under test.
const toUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const shiftDay = (day: string, days: number): string => fromUtc(toUtc(day) + days * DAY_MS);
const weekdayName = (day: string): string => WEEKDAY_NAMES[new Date(toUtc(day)).getUTCDay()] ?? '?';
function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = toUtc(first); ms <= toUtc(last); ms += DAY_MS) days.push(fromUtc(ms));
  return days;
}

for (const [year, notice] of Object.entries(NOTICES)) {
  describe(`${year} notice`, () => {
    for (const [first, last] of notice.holidays) {
      test(`${first}…${last}: every day off, the day before and after at work`, () => {
        for (const day of daysFrom(first, last)) {
          assert.equal(isWorkingDay(day), false, `${day} (${weekdayName(day)}) is a holiday`);
        }
        // In both years every block is bordered by ordinary working days or make-up days.
        for (const neighbour of [shiftDay(first, -1), shiftDay(last, 1)]) {
          assert.equal(isWorkingDay(neighbour), true, `${neighbour} (${weekdayName(neighbour)}) works`);
        }
      });
    }
    for (const [day, weekday] of notice.makeUpDays) {
      test(`${day} (${weekday}) is a make-up working day`, () => {
        assert.equal(weekdayName(day), weekday, 'the brief names the right weekday');
        assert.equal(isWorkingDay(day), true);
      });
    }
  });
}

test('every day of 2025 and 2026 follows weekends + notice', () => {
  for (const [year, notice] of Object.entries(NOTICES)) {
    const off = new Set(notice.holidays.flatMap(([first, last]) => daysFrom(first, last)));
    const makeUp = new Set<string>(notice.makeUpDays.map(([day]) => day));
    for (const day of daysFrom(`${year}-01-01`, `${year}-12-31`)) {
      const weekend = ['Sat', 'Sun'].includes(weekdayName(day));
      const expected = makeUp.has(day) || (!weekend && !off.has(day));
      assert.equal(isWorkingDay(day), expected, `${day} (${weekdayName(day)})`);
    }
  }
});

describe('ordinary days', () => {
  const cases: Array<[day: string, working: boolean]> = [
    ['2026-03-06', true], // Friday
    ['2026-03-07', false], // Saturday
    ['2026-03-08', false], // Sunday
    ['2026-03-09', true], // Monday
    ['2025-10-12', false], // Sunday right after the 2025-10-11 make-up Saturday
    ['2024-02-29', true], // leap day, Thursday
    ['2099-01-01', true], // a year without data: a Thursday counts as working
    ['2099-01-03', false], // …and a Saturday does not
  ];
  for (const [day, working] of cases) {
    test(`${day} → ${working}`, () => assert.equal(isWorkingDay(day), working));
  }
});

describe('invalid day strings throw', () => {
  const invalid: unknown[] = [
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-2-3',
    '20260203',
    '2026/02/03',
    ' 2026-02-03',
    '2026-02-03T00:00',
    '',
    null,
    undefined,
    20260203,
    new Date('2026-02-03'),
  ];
  for (const day of invalid) {
    test(JSON.stringify(day) ?? String(day), () => {
      assert.throws(() => isWorkingDay(day as string), /Invalid day .*YYYY-MM-DD/);
    });
  }
});

describe('hasHolidayDataForYear', () => {
  test('knows 2025 and 2026, not 2099', () => {
    assert.equal(hasHolidayDataForYear(2025), true);
    assert.equal(hasHolidayDataForYear(2026), true);
    assert.equal(hasHolidayDataForYear(2099), false);
  });
  test('rejects a non-integer year', () => {
    assert.throws(() => hasHolidayDataForYear(2026.5), /integer/);
  });
});
