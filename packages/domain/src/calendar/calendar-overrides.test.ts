import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import bundledOverridesJson from './calendar-overrides.json';
import { createWorkingCalendar, parseCalendarOverrides, type CalendarOverrides } from '../index';

const chinaIso = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

describe('overrides win over chinese-days', () => {
  // Pretend the 2027 notice is out: New Year's Day off, and (invented) Sunday 2027-01-10 worked.
  const calendar = createWorkingCalendar({
    holidays: { '2027-01-01': "2027 notice: New Year's Day" },
    workingDays: { '2027-01-10': 'pretend make-up day' },
  });

  test('an extra holiday is off, an extra working day works', () => {
    assert.equal(calendar.isWorkingDay('2027-01-01'), false);
    assert.equal(calendar.isWorkingDay('2027-01-10'), true);
    assert.equal(calendar.isWorkingDay('2027-01-11'), true, 'other days keep the weekday rule');
  });

  test('deadlines skip the extra holiday and use the extra working day', () => {
    // Thu 2026-12-31 15:00 + 1: Fri 1/1 off, weekend off → Mon 2027-01-04 15:00.
    const overNewYear = calendar.workingDeadline(new Date('2026-12-31T15:00:00+08:00'), 1);
    assert.equal(chinaIso(overNewYear), '2027-01-04T15:00:00.000+08:00');
    // Fri 2027-01-08 15:00 + 1: Sat off, Sun 1/10 works → Sun 15:00.
    const overWeekend = calendar.workingDeadline(new Date('2027-01-08T15:00:00+08:00'), 1);
    assert.equal(chinaIso(overWeekend), '2027-01-10T15:00:00.000+08:00');
  });

  test('overrides can reverse chinese-days in both directions', () => {
    const reversed = createWorkingCalendar({
      holidays: { '2026-02-14': 'make-up Saturday cancelled' },
      workingDays: { '2026-02-16': 'holiday cancelled' },
    });
    assert.equal(reversed.isWorkingDay('2026-02-14'), false);
    assert.equal(reversed.isWorkingDay('2026-02-16'), true);
  });

  test('the bundled-data calendar is untouched by another calendar’s overrides', () => {
    assert.equal(createWorkingCalendar().isWorkingDay('2026-02-14'), true);
  });

  test('hasHolidayDataForYear sees override years', () => {
    assert.equal(calendar.hasHolidayDataForYear(2027), true);
    assert.equal(createWorkingCalendar().hasHolidayDataForYear(2099), false);
  });

  test('JSON text loaded at runtime works the same', () => {
    const text = '{"holidays": {"2099-01-01": "pretend"}, "workingDays": {"2099-01-03": "pretend"}}';
    const fromFile = createWorkingCalendar(JSON.parse(text) as CalendarOverrides, 'overrides.json');
    assert.equal(fromFile.isWorkingDay('2099-01-01'), false);
    assert.equal(fromFile.isWorkingDay('2099-01-03'), true);
  });
});

test('the bundled calendar-overrides.json is valid', () => {
  assert.doesNotThrow(() => parseCalendarOverrides(bundledOverridesJson, 'bundled'));
});

describe('malformed overrides throw a clear Error', () => {
  const cases: Array<[name: string, input: unknown, error: RegExp]> = [
    ['not an object', 'holidays', /overrides\.json: expected an object/],
    ['an array', [], /expected an object/],
    ['null', null, /expected an object/],
    ['unknown key (typo)', { workdays: {} }, /unknown key\(s\) "workdays"; allowed: "holidays", "workingDays"/],
    ['holidays as a list', { holidays: ['2027-01-01'] }, /"holidays" must be an object mapping YYYY-MM-DD/],
    ['impossible date', { holidays: { '2027-02-29': 'x' } }, /"holidays" has "2027-02-29", which is not an existing date/],
    ['unpadded date', { workingDays: { '2027-1-4': 'x' } }, /"workingDays" has "2027-1-4"/],
    ['date with time', { holidays: { '2027-01-01T00:00': 'x' } }, /not an existing date/],
    ['empty note', { holidays: { '2027-01-01': ' ' } }, /"holidays"\."2027-01-01" needs a non-empty note/],
    ['note not a string', { workingDays: { '2027-01-04': true } }, /needs a non-empty note/],
    ['same date both ways', { holidays: { '2027-01-01': 'x' }, workingDays: { '2027-01-01': 'y' } }, /2027-01-01 listed both as holiday and as working day/],
  ];
  for (const [name, input, error] of cases) {
    test(name, () => {
      assert.throws(() => parseCalendarOverrides(input, 'overrides.json'), error);
      assert.throws(() => createWorkingCalendar(input as CalendarOverrides, 'overrides.json'), error);
    });
  }

  test('valid input comes back with both maps', () => {
    assert.deepEqual(parseCalendarOverrides({ $comment: 'notes', holidays: { '2027-01-01': 'x' } }), {
      holidays: { '2027-01-01': 'x' },
      workingDays: {},
    });
  });
});
