/**
 * What the clocks do when nobody acts (the clocks issue): a reminder before a clock runs out, and
 * when it has run out, an escalation ladder climbed one rung per interval of office time. Per
 * town, from configuration (docs/clocks.md); these defaults are unverified guesses to tune.
 */
import { officeTimeAfter, officeTimeBefore } from '../calendar/working-calendar';
import type { RequestClock } from '../requests/sla';
import { LADDER_RUNGS, type LadderRung } from './ladder';

export { LADDER_RUNG_LABELS, LADDER_RUNGS, type LadderRung } from './ladder';

export interface ClockRules {
  /** Wall-clock minutes before the first-contact deadline that the handlers are reminded. */
  contactReminderMinutes: number;
  /** Office minutes before the completion deadline that the handlers are reminded (360: half a working day). */
  completionReminderMinutes: number;
  /** Office minutes between one rung of the ladder and the next. */
  escalationIntervalMinutes: number;
  ladder: readonly LadderRung[];
}

export const DEFAULT_CLOCK_RULES: ClockRules = {
  contactReminderMinutes: 15,
  completionReminderMinutes: 360,
  escalationIntervalMinutes: 240,
  ladder: LADDER_RUNGS,
};

export interface ClockRulesConfig {
  default: ClockRules;
  /** By town code (e.g. "SG-TT"): what differs from the default. */
  towns: Record<string, ClockRules>;
}

/** Checks a configuration like {"default": {...}, "towns": {"SG-TT": {"escalationIntervalMinutes": 120}}}; throws with `source` in the message. */
export function parseClockRules(input: unknown, source = 'clock rules'): ClockRulesConfig {
  if (input === undefined || input === null) return { default: DEFAULT_CLOCK_RULES, towns: {} };
  if (typeof input !== 'object' || Array.isArray(input)) throw new Error(`${source}: expected an object with "default" and/or "towns"`);
  const { default: base, towns, ...rest } = input as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new Error(`${source}: unknown key(s) ${Object.keys(rest).join(', ')}`);
  const defaults = mergeRules(DEFAULT_CLOCK_RULES, base, `${source}.default`);
  const byTown: Record<string, ClockRules> = {};
  if (towns !== undefined) {
    if (typeof towns !== 'object' || towns === null || Array.isArray(towns)) throw new Error(`${source}.towns: expected an object by town code`);
    for (const [code, rules] of Object.entries(towns)) byTown[code] = mergeRules(defaults, rules, `${source}.towns.${code}`);
  }
  return { default: defaults, towns: byTown };
}

function mergeRules(base: ClockRules, input: unknown, where: string): ClockRules {
  if (input === undefined) return base;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error(`${where}: expected an object`);
  const merged: ClockRules = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'ladder') {
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        value.some((r) => !(LADDER_RUNGS as readonly unknown[]).includes(r)) ||
        new Set(value).size !== value.length
      ) {
        throw new Error(`${where}.ladder: expected distinct rungs from ${LADDER_RUNGS.join(', ')}`);
      }
      merged.ladder = value as LadderRung[];
    } else if (key === 'contactReminderMinutes' || key === 'completionReminderMinutes' || key === 'escalationIntervalMinutes') {
      if (!Number.isSafeInteger(value) || (value as number) < 0 || (key === 'escalationIntervalMinutes' && value === 0))
        throw new Error(`${where}.${key}: expected a whole number of minutes${key === 'escalationIntervalMinutes' ? ' above 0' : ''}`);
      merged[key] = value as number;
    } else {
      throw new Error(`${where}: unknown key ${key}`);
    }
  }
  return merged;
}

export function rulesForTown(config: ClockRulesConfig, townCode: string | null): ClockRules {
  return (townCode && config.towns[townCode]) || config.default;
}

/** When the handlers are reminded of a clock due at `dueAt`. */
export function reminderAt(clock: RequestClock, dueAt: Date, rules: ClockRules): Date {
  return clock === 'contact' ? new Date(dueAt.getTime() - rules.contactReminderMinutes * 60_000) : officeTimeBefore(dueAt, rules.completionReminderMinutes);
}

/** When rung `index` (0 = the first) of the ladder is reached for a clock that ran out at `dueAt`. */
export function rungAt(dueAt: Date, index: number, rules: ClockRules): Date {
  return index === 0 ? dueAt : officeTimeAfter(dueAt, index * rules.escalationIntervalMinutes);
}
