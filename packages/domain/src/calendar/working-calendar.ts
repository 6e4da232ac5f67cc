// Which days are working days in mainland China, from three layers where later layers win:
// chinese-days' data < the bundled calendar-overrides.json < overrides given at runtime.
import bundledOverridesJson from './calendar-overrides.json';
import { parseCalendarOverrides, type CalendarOverrides } from './calendar-overrides';
import { chineseDaysHolidays, chineseDaysWorkingDays } from './chinese-days-data';
import { formatDayNumber, parseDayString, weekdayOf, type ChinaDayNumber } from './china-time';
import { officeTimeAfterUsing, officeTimeBeforeUsing } from './office-time';
import { workingDeadlineUsing, workingDeadlineWalk, type ServiceHours, type WalkedDay } from './sla-clocks';

export interface WorkingCalendar {
  /** Whether a `YYYY-MM-DD` date is a working day in China; throws on an invalid date. */
  isWorkingDay(day: string): boolean;
  /** Deadline `workingDays` whole working days after `start` (see docs/working-days.md). */
  workingDeadline(start: Date, workingDays: number): Date;
  /** workingDeadline with the days it walked, for an explanation that cannot disagree with it. */
  workingDeadlineWalk(start: Date, workingDays: number): { deadline: Date; days: WalkedDay[] };
  /**
   * Why a `YYYY-MM-DD` date differs from the plain Monday–Friday rule: the note of the layer that
   * decided it (chinese-days' "English,中文,n" or an override's note); undefined for a plain day.
   */
  exceptionNote(day: string): string | undefined;
  /** `minutes` of office time (service hours of working days) after `start`. */
  officeTimeAfter(start: Date, minutes: number, serviceHours?: ServiceHours): Date;
  /** `minutes` of office time before `end`. */
  officeTimeBefore(end: Date, minutes: number, serviceHours?: ServiceHours): Date;
  /**
   * Whether any holiday or make-up day is known for `year`. False means the year's notice is
   * missing and every weekday would count as working: worth a warning in December.
   */
  hasHolidayDataForYear(year: number): boolean;
}

const BUNDLED_OVERRIDES = parseCalendarOverrides(bundledOverridesJson, '@gridloop/domain calendar-overrides.json');

/**
 * A calendar with extra `overrides` on top of the bundled data (e.g. a JSON file a deployment
 * loads from a configured path). Throws if the overrides are malformed; `source` (e.g. the
 * file path) goes into the error message.
 */
export function createWorkingCalendar(overrides?: CalendarOverrides, source = 'runtime calendar overrides'): WorkingCalendar {
  // Only a missing argument means "none": a file that parses to null is an error.
  const runtimeOverrides = parseCalendarOverrides(overrides === undefined ? {} : overrides, source);

  // Date → working? for every date that differs from the plain Monday–Friday rule.
  const exceptions = new Map<string, boolean>();
  const notes = new Map<string, string>();
  const layers = [{ holidays: chineseDaysHolidays, workingDays: chineseDaysWorkingDays }, BUNDLED_OVERRIDES, runtimeOverrides];
  for (const layer of layers) {
    for (const [date, note] of Object.entries(layer.holidays)) {
      exceptions.set(date, false);
      notes.set(date, note);
    }
    for (const [date, note] of Object.entries(layer.workingDays)) {
      exceptions.set(date, true);
      notes.set(date, note);
    }
  }
  const yearsWithData = new Set(Array.from(exceptions.keys(), (date) => Number(date.slice(0, 4))));

  function isWorkingDayNumber(dayNumber: ChinaDayNumber): boolean {
    const exception = exceptions.get(formatDayNumber(dayNumber));
    if (exception !== undefined) return exception;
    const weekday = weekdayOf(dayNumber);
    return weekday !== 0 && weekday !== 6;
  }

  return {
    isWorkingDay: (day) => isWorkingDayNumber(parseDayString(day)),
    workingDeadline: (start, workingDays) => workingDeadlineUsing(isWorkingDayNumber, start, workingDays),
    workingDeadlineWalk: (start, workingDays) => workingDeadlineWalk(isWorkingDayNumber, start, workingDays),
    exceptionNote: (day) => {
      parseDayString(day);
      return notes.get(day);
    },
    officeTimeAfter: (start, minutes, serviceHours) => officeTimeAfterUsing(isWorkingDayNumber, start, minutes, serviceHours),
    officeTimeBefore: (end, minutes, serviceHours) => officeTimeBeforeUsing(isWorkingDayNumber, end, minutes, serviceHours),
    hasHolidayDataForYear: (year) => {
      if (!Number.isInteger(year)) throw new Error(`year must be an integer, got ${String(year)}`);
      return yearsWithData.has(year);
    },
  };
}

const bundledCalendar = createWorkingCalendar();

/** Whether a `YYYY-MM-DD` date is a working day in China (bundled data); throws on an invalid date. */
export function isWorkingDay(day: string): boolean {
  return bundledCalendar.isWorkingDay(day);
}

/**
 * Deadline `workingDays` whole working days after `start`, China time (bundled data).
 * Friday 15:00 + 1 → next working day 15:00; Saturday 10:00 + 1 → Monday 24:00 (Tuesday 00:00).
 */
export function workingDeadline(start: Date, workingDays: number): Date {
  return bundledCalendar.workingDeadline(start, workingDays);
}

/** The calendar with the bundled data only (what the mini-program knows). */
export function bundledWorkingCalendar(): WorkingCalendar {
  return bundledCalendar;
}

/** `minutes` of office time (service hours on working days) after `start` (bundled data). */
export function officeTimeAfter(start: Date, minutes: number, serviceHours?: ServiceHours): Date {
  return bundledCalendar.officeTimeAfter(start, minutes, serviceHours);
}

/** `minutes` of office time before `end` (bundled data). */
export function officeTimeBefore(end: Date, minutes: number, serviceHours?: ServiceHours): Date {
  return bundledCalendar.officeTimeBefore(end, minutes, serviceHours);
}

/** Whether the bundled data knows any holiday or make-up day for `year`. */
export function hasHolidayDataForYear(year: number): boolean {
  return bundledCalendar.hasHolidayDataForYear(year);
}
