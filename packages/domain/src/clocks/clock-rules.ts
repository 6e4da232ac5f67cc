/**
 * What the clocks do when nobody acts (the clocks issue): a reminder before a clock runs out, and
 * when it has run out, an escalation ladder climbed one rung per interval of office time. Per
 * town, from configuration (docs/clocks.md); these defaults are unverified guesses to tune.
 */
import { officeTimeAfter, officeTimeBefore } from '../calendar/working-calendar';
import type { RequestClock } from '../requests/sla';
import { LADDER_RUNGS, type LadderRung } from './ladder';
import { parseTownRules, townRules, type TownRulesConfig } from '../config/town-rules';

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

/** Clock rules for the county and per town (CLOCK_RULES). */
export type ClockRulesConfig = TownRulesConfig<ClockRules>;

/** Checks a configuration like {"default": {...}, "towns": {"SG-TT": {"escalationIntervalMinutes": 120}}}; throws with `source` in the message. */
export function parseClockRules(input: unknown, source = 'clock rules'): ClockRulesConfig {
  return parseTownRules(input, DEFAULT_CLOCK_RULES, mergeRules, source);
}

function mergeRules(base: ClockRules, input: Record<string, unknown>, where: string): ClockRules {
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
  return townRules(config, townCode);
}

/** When the handlers are reminded of a clock due at `dueAt`. */
export function reminderAt(clock: RequestClock, dueAt: Date, rules: ClockRules): Date {
  return clock === 'contact' ? new Date(dueAt.getTime() - rules.contactReminderMinutes * 60_000) : officeTimeBefore(dueAt, rules.completionReminderMinutes);
}

/** When rung `index` (0 = the first) of the ladder is reached for a clock that ran out at `dueAt`. */
export function rungAt(dueAt: Date, index: number, rules: ClockRules): Date {
  return index === 0 ? dueAt : officeTimeAfter(dueAt, index * rules.escalationIntervalMinutes);
}
