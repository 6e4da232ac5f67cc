// Deadline clocks. The current time is always an argument: rules never read the clock,
// so they are deterministic and testable.
import { assertValidInstant, chinaDayNumberOf, chinaMidnightOf, MS_PER_DAY, MS_PER_MINUTE, type ChinaDayNumber } from './china-time';

/** Deadlines further out than this are rejected: holiday data only reaches a year or so ahead. */
export const MAX_WORKING_DAYS = 1000;

/** Daily window in China time, `HH:mm`; `end` may be `24:00`. Overnight windows are not supported. */
export interface ServiceHours {
  readonly start: string;
  readonly end: string;
}

/** 08:00–20:00 every day, weekends and holidays included (unverified default: make it configurable). */
export const DEFAULT_SERVICE_HOURS: ServiceHours = { start: '08:00', end: '20:00' };

/**
 * Working-day deadline: only time on working days counts, in whole 24-hour days.
 * A start on a non-working day counts from 00:00 of the next working day.
 * `isWorkingDayNumber` decides which China days work (see WorkingCalendar).
 */
export function workingDeadlineUsing(isWorkingDayNumber: (day: ChinaDayNumber) => boolean, start: Date, workingDays: number): Date {
  return workingDeadlineWalk(isWorkingDayNumber, start, workingDays).deadline;
}

/** One China day the working-day clock passed: whether it counted. */
export interface WalkedDay {
  readonly day: ChinaDayNumber;
  readonly working: boolean;
}

/**
 * workingDeadlineUsing, with every day it walked from the start's day to the deadline's: the
 * explanation a person reads (deadline-explanation.ts) is built from this very walk, so it cannot
 * disagree with the deadline.
 */
export function workingDeadlineWalk(
  isWorkingDayNumber: (day: ChinaDayNumber) => boolean,
  start: Date,
  workingDays: number,
): { deadline: Date; days: WalkedDay[] } {
  assertValidInstant(start, 'start');
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
    throw new Error(`workingDays must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${String(workingDays)}`);
  }
  let remaining = workingDays * MS_PER_DAY;
  let day = chinaDayNumberOf(start);
  let cursor = start.getTime();
  let daysOffInARow = 0;
  const days: WalkedDay[] = [];
  for (;;) {
    const endOfDay = chinaMidnightOf(day + 1);
    const working = isWorkingDayNumber(day);
    days.push({ day, working });
    if (working) {
      daysOffInARow = 0;
      const available = endOfDay - cursor;
      // "<=" so that a deadline ending exactly at midnight stays on this day (Monday 24:00),
      // instead of jumping to the next working day.
      if (remaining <= available) return { deadline: new Date(cursor + remaining), days };
      remaining -= available;
    } else if (++daysOffInARow > 366) {
      throw new Error('No working day within a year of the start: check the calendar overrides');
    }
    day += 1;
    cursor = endOfDay;
  }
}

/** Minutes after midnight for `HH:mm`; `24:00` only where `allowEndOfDay`. */
function parseClockTime(value: unknown, name: string, allowEndOfDay: boolean): number {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  if (allowEndOfDay && value === '24:00') return 24 * 60;
  throw new Error(`${name} must be a time as HH:mm (00:00–23:59${allowEndOfDay ? ' or 24:00' : ''}), got ${JSON.stringify(value)}`);
}

/** Checks service hours and returns the window in minutes after midnight. */
export function parseServiceHours(serviceHours: ServiceHours): { open: number; close: number } {
  if (typeof serviceHours !== 'object' || serviceHours === null) {
    throw new Error('serviceHours must be an object like {"start": "08:00", "end": "20:00"}');
  }
  const open = parseClockTime(serviceHours.start, 'serviceHours.start', false);
  const close = parseClockTime(serviceHours.end, 'serviceHours.end', true);
  if (open >= close) {
    throw new Error(`serviceHours.start (${serviceHours.start}) must be before serviceHours.end (${serviceHours.end})`);
  }
  return { open, close };
}

/**
 * First-contact deadline: the clock runs only inside the daily service hours (every day,
 * holidays included). A 22:00 request with 60 minutes is due at 09:00 the next day.
 */
export function contactDeadline(start: Date, minutes: number, serviceHours: ServiceHours = DEFAULT_SERVICE_HOURS): Date {
  assertValidInstant(start, 'start');
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new Error(`minutes must be a non-negative integer, got ${String(minutes)}`);
  }
  const { open, close } = parseServiceHours(serviceHours);
  const openOffset = open * MS_PER_MINUTE;
  const closeOffset = close * MS_PER_MINUTE;
  const windowLength = closeOffset - openOffset;

  // The clock starts inside a service window: before opening → opening; after closing → next opening.
  const startsAt = contactClockStartsAt(start, serviceHours);
  let day = chinaDayNumberOf(startsAt);
  let remaining = minutes * MS_PER_MINUTE;
  const availableToday = chinaMidnightOf(day) + closeOffset - startsAt.getTime();
  if (remaining <= availableToday) return new Date(startsAt.getTime() + remaining);
  remaining -= availableToday;

  // Every later day offers one full window; "ceil - 1" keeps a deadline that ends exactly at
  // closing time on that day rather than at the next opening.
  const fullWindowsSkipped = Math.ceil(remaining / windowLength) - 1;
  day += 1 + fullWindowsSkipped;
  remaining -= fullWindowsSkipped * windowLength;
  return new Date(chinaMidnightOf(day) + openOffset + remaining);
}

/**
 * When the first-contact clock starts for a matter received at `start`: at once inside the
 * service hours; before opening, at opening; after closing, at the next day's opening.
 */
export function contactClockStartsAt(start: Date, serviceHours: ServiceHours = DEFAULT_SERVICE_HOURS): Date {
  assertValidInstant(start, 'start');
  const { open, close } = parseServiceHours(serviceHours);
  const day = chinaDayNumberOf(start);
  const cursor = Math.max(start.getTime(), chinaMidnightOf(day) + open * MS_PER_MINUTE);
  if (cursor < chinaMidnightOf(day) + close * MS_PER_MINUTE) return new Date(cursor);
  return new Date(chinaMidnightOf(day + 1) + open * MS_PER_MINUTE);
}
