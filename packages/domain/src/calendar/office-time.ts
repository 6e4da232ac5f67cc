// Office time: the service hours of working days (China's calendar, make-up days included).
// The escalation ladder and the completion reminder count in it, so nobody is chased at 3 a.m.
// or on a Sunday, and a make-up Saturday counts like a Monday.
import { assertValidInstant, chinaDayNumberOf, chinaMidnightOf, MS_PER_MINUTE, type ChinaDayNumber } from './china-time';
import { DEFAULT_SERVICE_HOURS, parseServiceHours, type ServiceHours } from './sla-clocks';

/** More than a year of days without office time means the calendar data is broken. */
const MAX_DAYS_SCANNED = 400;

function checkMinutes(minutes: number): void {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new Error(`minutes must be a non-negative integer, got ${String(minutes)}`);
}

/** The instant `minutes` of office time after `start` (a start outside office time counts from the next opening). */
export function officeTimeAfterUsing(
  isWorkingDayNumber: (day: ChinaDayNumber) => boolean,
  start: Date,
  minutes: number,
  serviceHours: ServiceHours = DEFAULT_SERVICE_HOURS,
): Date {
  assertValidInstant(start, 'start');
  checkMinutes(minutes);
  const { open, close } = parseServiceHours(serviceHours);
  let remaining = minutes * MS_PER_MINUTE;
  let day = chinaDayNumberOf(start);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day++) {
    if (!isWorkingDayNumber(day)) continue;
    const opens = chinaMidnightOf(day) + open * MS_PER_MINUTE;
    const closes = chinaMidnightOf(day) + close * MS_PER_MINUTE;
    const from = Math.max(opens, start.getTime());
    if (from >= closes) continue;
    // "<=": time that runs out exactly at closing stays on this day.
    if (remaining <= closes - from) return new Date(from + remaining);
    remaining -= closes - from;
  }
  throw new Error('No office time within a year of the start: check the calendar overrides');
}

/** The instant `minutes` of office time before `end` (an end outside office time counts back from the last closing). */
export function officeTimeBeforeUsing(
  isWorkingDayNumber: (day: ChinaDayNumber) => boolean,
  end: Date,
  minutes: number,
  serviceHours: ServiceHours = DEFAULT_SERVICE_HOURS,
): Date {
  assertValidInstant(end, 'end');
  checkMinutes(minutes);
  const { open, close } = parseServiceHours(serviceHours);
  let remaining = minutes * MS_PER_MINUTE;
  let day = chinaDayNumberOf(end);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day--) {
    if (!isWorkingDayNumber(day)) continue;
    const opens = chinaMidnightOf(day) + open * MS_PER_MINUTE;
    const closes = chinaMidnightOf(day) + close * MS_PER_MINUTE;
    const to = Math.min(closes, end.getTime());
    if (remaining === 0 && to >= opens) return new Date(to);
    if (to <= opens) continue;
    if (remaining <= to - opens) return new Date(to - remaining);
    remaining -= to - opens;
  }
  throw new Error('No office time within a year before the end: check the calendar overrides');
}
