/**
 * 挂账: a matter that needs works, a season or another authority cannot be done by its deadline.
 * The handler asks to park it with a reason and a plan date (计划办结日期); an approver (hotline
 * staff by default) agrees or declines. Parked, it leaves the escalation ladder (no running clock
 * escalates), the requester sees 挂账 with the plan date, the handler owes a progress note every
 * `progressDays` (a reminder when one is missing), and once the plan date has passed it returns to
 * the ladder (解除挂账), as it does when the handler resumes it. Per town, from configuration
 * (PARK_RULES, docs/requests.md); time is an argument, never read here.
 */
import { chinaDayOf, chinaDayRange, MS_PER_DAY } from '../calendar/china-time';
import { ROLES, type Role } from '../grid/org';
import { parseTownRules, townRules, type TownRulesConfig } from '../config/town-rules';
import { runningClock, type ClockFacts, type RequestClock } from './sla';

export interface ParkRules {
  /** Days between progress notes (挂账进展) while parked; a reminder goes to the handlers when one is due. Default 30: monthly. */
  progressDays: number;
  /** The furthest plan date, in calendar days after the day of the ask. */
  maxPlanDays: number;
  /** Who approves (never the handler: the approving row is notBy handler). */
  approver: Role;
}

export const DEFAULT_PARK_RULES: ParkRules = { progressDays: 30, maxPlanDays: 366, approver: 'hotline_staff' };

/** Park rules for the county and per town (PARK_RULES). */
export type ParkRulesConfig = TownRulesConfig<ParkRules>;

/** Checks {"default": {...}, "towns": {"SG-TT": {"progressDays": 14}}}; throws with `source` in the message. */
export function parseParkRules(input: unknown, source = 'park rules'): ParkRulesConfig {
  return parseTownRules(input, DEFAULT_PARK_RULES, mergeRules, source);
}

function mergeRules(base: ParkRules, input: Record<string, unknown>, where: string): ParkRules {
  const merged: ParkRules = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'approver') {
      if (!(ROLES as readonly unknown[]).includes(value)) throw new Error(`${where}.approver: expected one of ${ROLES.join(', ')}`);
      merged.approver = value as Role;
    } else if (key === 'progressDays' || key === 'maxPlanDays') {
      if (!Number.isSafeInteger(value) || (value as number) < 1) throw new Error(`${where}.${key}: expected a whole number of at least 1`);
      merged[key] = value as number;
    } else {
      throw new Error(`${where}: unknown key ${key}`);
    }
  }
  return merged;
}

export function parkRulesForTown(config: ParkRulesConfig, townCode: string | null): ParkRules {
  return townRules(config, townCode);
}

/** What a matter carries about parking. Instants are the ends of plan days (planDayEnd). */
export interface ParkFacts {
  /** The plan date of an ask waiting for a decision, as the instant that day ends; null when none waits. */
  parkAskedUntil: Date | null;
  /** Parked until the end of this plan day; null when not parked. */
  parkedUntil: Date | null;
}

export type ParkRefusal = 'BAD_DATE' | 'PAST_DATE' | 'TOO_FAR' | 'PENDING' | 'ALREADY_PARKED' | 'NOT_PENDING' | 'NOT_PARKED' | 'WRONG_APPROVER';

/** The instant a plan day (YYYY-MM-DD, China) has passed: the next midnight in China; null for no such day. */
export function planDayEnd(day: string): Date | null {
  try {
    return chinaDayRange(day).end;
  } catch {
    return null;
  }
}

/** The plan day (YYYY-MM-DD) whose end is `until` (what planDayEnd gave). */
export function planDayOf(until: Date): string {
  return chinaDayOf(new Date(until.getTime() - 1));
}

/** Why `planDay` may not be a plan date asked or granted at `now`, or null when it may: today or later, within maxPlanDays. */
function refusePlanDay(planDay: string, now: Date, rules: ParkRules): ParkRefusal | null {
  const end = planDayEnd(planDay);
  if (!end) return 'BAD_DATE';
  if (end.getTime() <= now.getTime()) return 'PAST_DATE';
  const todayEnd = planDayEnd(chinaDayOf(now))!;
  if (end.getTime() - todayEnd.getTime() > rules.maxPlanDays * MS_PER_DAY) return 'TOO_FAR';
  return null;
}

/** Why the handler may not ask to park the matter until `planDay` now, or null when he may. */
export function refuseParkAsk(facts: ParkFacts, planDay: string, now: Date, rules: ParkRules): ParkRefusal | null {
  return refuseParkAskNow(facts) ?? refusePlanDay(planDay, now, rules);
}

/** Why no ask may be made at all now, whatever its date: one waits, or the matter is parked. */
function refuseParkAskNow(facts: ParkFacts): ParkRefusal | null {
  if (facts.parkAskedUntil !== null) return 'PENDING';
  return facts.parkedUntil !== null ? 'ALREADY_PARKED' : null;
}

/**
 * Why someone holding `roles` (over the matter) may not decide the pending ask, approving it with
 * `planDay` (the day asked when undefined; undefined too when declining), or null when they may.
 * The approver may set another plan date, by the same rules as the ask.
 */
export function refuseParkDecision(facts: ParkFacts, roles: readonly Role[], planDay: string | undefined, now: Date, rules: ParkRules): ParkRefusal | null {
  if (facts.parkAskedUntil === null) return 'NOT_PENDING';
  if (!roles.includes(rules.approver)) return 'WRONG_APPROVER';
  if (planDay !== undefined) return refusePlanDay(planDay, now, rules);
  // The day asked may have passed while the ask waited.
  return facts.parkAskedUntil.getTime() <= now.getTime() ? 'PAST_DATE' : null;
}

/** Why a progress note or a resumption (unpark) may not be recorded: only while parked. */
export function refuseWhileParkedOnly(facts: ParkFacts): ParkRefusal | null {
  return facts.parkedUntil === null ? 'NOT_PARKED' : null;
}

/**
 * Whether a page offers `action` now, as far as parking goes: an ask when none waits and the
 * matter is not parked, a decision while one waits, progress and resumption while parked (the
 * same facts the refusals read); any other action is not parking's to hold back.
 */
export function parkStepOffered(action: string, facts: ParkFacts): boolean {
  if (action === 'requestPark') return refuseParkAskNow(facts) === null;
  if (action === 'approvePark' || action === 'declinePark') return facts.parkAskedUntil !== null;
  if (action === 'parkProgress' || action === 'unpark') return refuseWhileParkedOnly(facts) === null;
  return true;
}

/** What a parked matter's state reads as, to the requester and staff alike: 挂账 (its plan date beside it). */
export const PARKED_LABEL = '挂账';

export function isParked(facts: Pick<ParkFacts, 'parkedUntil'>): boolean {
  return facts.parkedUntil !== null;
}

/** Parked, and its plan date has passed at `now`: it goes back to the ladder (the park job unparks it). */
export function parkLapsed(facts: Pick<ParkFacts, 'parkedUntil'>, now: Date): boolean {
  return facts.parkedUntil !== null && facts.parkedUntil.getTime() <= now.getTime();
}

/** When the next progress note is owed, counting from `from` (the approval or the last note or reminder). */
export function nextProgressDue(from: Date, rules: ParkRules): Date {
  return new Date(from.getTime() + rules.progressDays * MS_PER_DAY);
}

/**
 * The clock the escalation ladder follows: none while parked. runningClock itself stops while
 * parked (so "overdue now", OVERDUE_AT_SQL and the deadline a step keeps agree); this says so where
 * the timers read it, for a caller that may not have loaded parkedUntil into its facts.
 */
export function escalationClock(request: ClockFacts & Pick<ParkFacts, 'parkedUntil'>): { clock: RequestClock; dueAt: Date } | null {
  return isParked(request) ? null : runningClock(request);
}

export type ParkAction = 'requestPark' | 'approvePark' | 'declinePark' | 'parkProgress' | 'unpark';

/** What a park step changes, besides the state (none of them moves it). */
export interface ParkChanges {
  parkAskedUntil?: Date | null;
  parkedUntil?: Date | null;
  parkProgressDueAt?: Date | null;
}

/**
 * The fields a park step changes (whether it may happen: the refusals above). `until` is the end of
 * the plan day asked or approved (requestPark, approvePark).
 */
export function parkStepChanges(action: ParkAction, now: Date, rules: ParkRules, until?: Date): ParkChanges {
  switch (action) {
    case 'requestPark':
      return { parkAskedUntil: until };
    case 'approvePark':
      return { parkAskedUntil: null, parkedUntil: until, parkProgressDueAt: nextProgressDue(now, rules) };
    case 'declinePark':
      return { parkAskedUntil: null };
    case 'parkProgress':
      return { parkProgressDueAt: nextProgressDue(now, rules) };
    case 'unpark':
      return { parkedUntil: null, parkProgressDueAt: null };
  }
}

/** Fields every step that ends the work or hands it on clears: a result, a refusal, a transfer end parking and any ask. */
export const PARK_CLEARED: Required<ParkChanges> = { parkAskedUntil: null, parkedUntil: null, parkProgressDueAt: null };
