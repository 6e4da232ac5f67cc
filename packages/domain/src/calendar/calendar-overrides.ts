import { parseDayString } from './china-time';

/**
 * Dates that overrule the chinese-days data: the bundled `calendar-overrides.json`, or a file
 * a deployment loads at runtime. Each entry maps `YYYY-MM-DD` to a note saying why
 * (e.g. "2027 notice: Spring Festival"), so a reviewer can check it against the notice.
 */
export interface CalendarOverrides {
  /** Days off that would otherwise be working days (statutory holidays, 放假). */
  readonly holidays?: Readonly<Record<string, string>>;
  /** Working days that would otherwise be off (make-up working days, 调休上班). */
  readonly workingDays?: Readonly<Record<string, string>>;
  /** Free text for maintainers; JSON has no comments. */
  readonly $comment?: string | readonly string[];
}

/** Overrides after validation: both maps present, every key an existing date. */
export interface ValidatedCalendarOverrides {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workingDays: Readonly<Record<string, string>>;
}

const ALLOWED_KEYS = ['holidays', 'workingDays', '$comment'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateDateMap(value: unknown, key: string, source: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) {
    throw new Error(`${source}: "${key}" must be an object mapping YYYY-MM-DD to a note, ` + `e.g. {"2027-01-01": "New Year's Day"}`);
  }
  const dates: Record<string, string> = {};
  for (const [date, note] of Object.entries(value)) {
    try {
      parseDayString(date);
    } catch {
      throw new Error(`${source}: "${key}" has ${JSON.stringify(date)}, which is not an existing date as YYYY-MM-DD`);
    }
    if (typeof note !== 'string' || note.trim() === '') {
      throw new Error(`${source}: "${key}"."${date}" needs a non-empty note saying why (e.g. the holiday's name)`);
    }
    dates[date] = note;
  }
  return dates;
}

/**
 * Checks override data (typically parsed JSON) and throws an Error naming the bad entry.
 * `source` (e.g. the file path) is put in front of every message.
 */
export function parseCalendarOverrides(input: unknown, source = 'calendar overrides'): ValidatedCalendarOverrides {
  if (!isPlainObject(input)) {
    throw new Error(`${source}: expected an object with "holidays" and/or "workingDays"`);
  }
  const unknownKeys = Object.keys(input).filter((key) => !ALLOWED_KEYS.includes(key));
  if (unknownKeys.length > 0) {
    // A typo such as "workdays" would otherwise be silently ignored.
    throw new Error(`${source}: unknown key(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')}; ` + `allowed: ${ALLOWED_KEYS.map((k) => `"${k}"`).join(', ')}`);
  }
  const holidays = validateDateMap(input.holidays, 'holidays', source);
  const workingDays = validateDateMap(input.workingDays, 'workingDays', source);
  const contradictions = Object.keys(holidays).filter((date) => Object.prototype.hasOwnProperty.call(workingDays, date));
  if (contradictions.length > 0) {
    throw new Error(`${source}: ${contradictions.join(', ')} listed both as holiday and as working day`);
  }
  return { holidays, workingDays };
}
