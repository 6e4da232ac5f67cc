// Calendar arithmetic in China time (Asia/Shanghai).
// China has used UTC+8 all year since 1991 (no DST), so a fixed offset is exact for
// every date this system handles and avoids shipping a time-zone database.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
const CHINA_UTC_OFFSET_MS = 8 * 60 * MS_PER_MINUTE;

const DAY_STRING_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 in China; a plain integer makes "next day" arithmetic trivial. */
export type ChinaDayNumber = number;

/** Throws unless `value` is a Date holding a real instant. */
export function assertValidInstant(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`${name} must be a valid Date, got ${String(value)}`);
  }
}

/** Parses an existing calendar date in strict `YYYY-MM-DD` form; throws otherwise. */
export function parseDayString(day: string): ChinaDayNumber {
  const match = typeof day === 'string' ? DAY_STRING_PATTERN.exec(day) : null;
  if (match) {
    const [, year, month, dayOfMonth] = match.map(Number) as [number, number, number, number];
    const utcMidnight = Date.UTC(year, month - 1, dayOfMonth);
    // Date.UTC rolls 2026-02-30 over to March: only a round trip proves the date exists.
    if (formatDayNumber(utcMidnight / MS_PER_DAY) === day) {
      return utcMidnight / MS_PER_DAY;
    }
  }
  throw new Error(`Invalid day ${JSON.stringify(day)}: expected an existing date as YYYY-MM-DD`);
}

/** `YYYY-MM-DD` for a day number. */
export function formatDayNumber(dayNumber: ChinaDayNumber): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: ChinaDayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The China calendar day an instant falls on. */
export function chinaDayNumberOf(instant: Date): ChinaDayNumber {
  return Math.floor((instant.getTime() + CHINA_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** The instant of 00:00 China time on the given day. */
export function chinaMidnightOf(dayNumber: ChinaDayNumber): number {
  return dayNumber * MS_PER_DAY - CHINA_UTC_OFFSET_MS;
}

/** The China calendar date (`YYYY-MM-DD`) of an instant, e.g. to ask `isWorkingDay` about it. */
export function chinaDayOf(instant: Date): string {
  assertValidInstant(instant, 'instant');
  return formatDayNumber(chinaDayNumberOf(instant));
}

/** "11月25日 09:30": an instant as people in China read it in a message. */
export function chinaTimeText(instant: Date): string {
  assertValidInstant(instant, 'instant');
  const shifted = new Date(instant.getTime() + CHINA_UTC_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日 ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`;
}

/** A China calendar day (`YYYY-MM-DD`) as instants [start, end); throws on a date that does not exist. */
export function chinaDayRange(day: string): { start: Date; end: Date } {
  const dayNumber = parseDayString(day);
  return { start: new Date(chinaMidnightOf(dayNumber)), end: new Date(chinaMidnightOf(dayNumber + 1)) };
}

/**
 * A China calendar month (`YYYY-MM`), `monthsBefore` months earlier (1: the month before, 12: the
 * same month a year before), as its label and instants [start, end); throws on a malformed month.
 */
export function chinaMonthRange(month: string, monthsBefore = 0): { label: string; start: Date; end: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new Error(`Invalid month ${JSON.stringify(month)}: expected YYYY-MM`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 - monthsBefore;
  const [year, monthIndex] = [Math.floor(index / 12), index % 12];
  return {
    label: `${year}-${String(monthIndex + 1).padStart(2, '0')}`,
    start: new Date(Date.UTC(year, monthIndex, 1) - CHINA_UTC_OFFSET_MS),
    end: new Date(Date.UTC(year, monthIndex + 1, 1) - CHINA_UTC_OFFSET_MS),
  };
}

/** Minutes since China midnight of an instant (07:30 → 450). */
export function chinaMinuteOfDay(instant: Date): number {
  assertValidInstant(instant, 'instant');
  return Math.floor((instant.getTime() + CHINA_UTC_OFFSET_MS - chinaDayNumberOf(instant) * MS_PER_DAY) / MS_PER_MINUTE);
}
