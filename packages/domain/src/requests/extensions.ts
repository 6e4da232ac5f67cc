/**
 * 延期申请: the handler asks for more working days before the completion deadline runs out, and an
 * approver (hotline staff; the town leader from the second extension on) grants them, perhaps
 * fewer, or declines. Per town, from configuration (EXTENSION_RULES, docs/requests.md); time is an
 * argument, never read here.
 */
import { bundledWorkingCalendar, officeTimeBefore, workingDeadline, type WorkingCalendar } from '../calendar/working-calendar';
import { ROLES, type Role } from '../grid/org';
import { parseTownRules, townRules, type TownRulesConfig } from '../config/town-rules';

export interface ExtensionRules {
  /** Office hours (service hours on working days) that must still be left before the deadline when asking. */
  leadWorkingHours: number;
  /** The most working days one extension may add. */
  maxDays: number;
  /** The most extensions one matter may be granted. */
  maxPerMatter: number;
  /** Who approves the first, second, … extension; the last one approves any later one. */
  approvers: readonly Role[];
}

export const DEFAULT_EXTENSION_RULES: ExtensionRules = {
  leadWorkingHours: 4,
  maxDays: 5,
  maxPerMatter: 2,
  approvers: ['hotline_staff', 'town_leader'],
};

/** Extension rules for the county and per town (EXTENSION_RULES). */
export type ExtensionRulesConfig = TownRulesConfig<ExtensionRules>;

/** Checks {"default": {...}, "towns": {"SG-TT": {"maxPerMatter": 1}}}; throws with `source` in the message. */
export function parseExtensionRules(input: unknown, source = 'extension rules'): ExtensionRulesConfig {
  return parseTownRules(input, DEFAULT_EXTENSION_RULES, mergeRules, source);
}

function mergeRules(base: ExtensionRules, input: Record<string, unknown>, where: string): ExtensionRules {
  const merged: ExtensionRules = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'approvers') {
      if (!Array.isArray(value) || value.length === 0 || value.some((r) => !(ROLES as readonly unknown[]).includes(r)))
        throw new Error(`${where}.approvers: expected a non-empty list of roles from ${ROLES.join(', ')}`);
      merged.approvers = value as Role[];
    } else if (key === 'leadWorkingHours' || key === 'maxDays' || key === 'maxPerMatter') {
      const least = key === 'leadWorkingHours' ? 0 : 1;
      if (!Number.isSafeInteger(value) || (value as number) < least) throw new Error(`${where}.${key}: expected a whole number of at least ${least}`);
      merged[key] = value as number;
    } else {
      throw new Error(`${where}: unknown key ${key}`);
    }
  }
  return merged;
}

export function extensionRulesForTown(config: ExtensionRulesConfig, townCode: string | null): ExtensionRules {
  return townRules(config, townCode);
}

/** What a matter carries about its extensions. */
export interface ExtensionFacts {
  completionDueAt: Date | null;
  /** Working days of the ask waiting for a decision; null when none waits. */
  extensionAskedDays: number | null;
  /** Extensions granted so far. */
  extensionCount: number;
}

export type ExtensionRefusal = 'BAD_DAYS' | 'PENDING' | 'TOO_MANY' | 'TOO_LATE' | 'NOT_PENDING' | 'WRONG_APPROVER';

/** Why the handler may not ask for `days` more working days now, or null when they may. */
export function refuseExtensionAsk(facts: ExtensionFacts, days: number, now: Date, rules: ExtensionRules): ExtensionRefusal | null {
  if (!Number.isInteger(days) || days < 1 || days > rules.maxDays) return 'BAD_DAYS';
  if (facts.extensionAskedDays !== null) return 'PENDING';
  if (facts.extensionCount >= rules.maxPerMatter) return 'TOO_MANY';
  if (!facts.completionDueAt || now.getTime() > latestAskAt(facts.completionDueAt, rules).getTime()) return 'TOO_LATE';
  return null;
}

/**
 * Whether a page offers `action` now, as far as extensions go: an ask when none waits, a decision
 * while one waits; any other action is not the extensions' to hold back.
 */
export function extensionStepOffered(action: string, facts: Pick<ExtensionFacts, 'extensionAskedDays'>): boolean {
  if (action === 'requestExtension') return facts.extensionAskedDays === null;
  if (action === 'approveExtension' || action === 'declineExtension') return facts.extensionAskedDays !== null;
  return true;
}

/** The last moment an ask is taken: the configured office hours before the deadline. */
export function latestAskAt(completionDueAt: Date, rules: ExtensionRules): Date {
  return rules.leadWorkingHours === 0 ? completionDueAt : officeTimeBefore(completionDueAt, rules.leadWorkingHours * 60);
}

/** The role that approves the matter's next extension. */
export function extensionApprover(extensionCount: number, rules: ExtensionRules): Role {
  return rules.approvers[Math.min(extensionCount, rules.approvers.length - 1)]!;
}

/**
 * Why someone holding `roles` (over the matter) may not decide the pending ask, granting `days`
 * (undefined when declining), or null when they may. Granting may shorten, never lengthen.
 */
export function refuseExtensionDecision(
  facts: ExtensionFacts,
  roles: readonly Role[],
  days: number | undefined,
  rules: ExtensionRules,
): ExtensionRefusal | null {
  if (facts.extensionAskedDays === null) return 'NOT_PENDING';
  if (!roles.includes(extensionApprover(facts.extensionCount, rules))) return 'WRONG_APPROVER';
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > facts.extensionAskedDays)) return 'BAD_DAYS';
  return null;
}

/** The completion deadline after granting `days`: that many working days on from the old one (China's calendar). */
export function extendedDeadline(completionDueAt: Date, days: number): Date {
  return workingDeadline(completionDueAt, days);
}

/**
 * The working days an extension from `from` to `to` granted (what extendedDeadline was given), or
 * null when no whole number of working days leads there (a deadline set by other means).
 */
export function extensionDaysBetween(from: Date, to: Date, calendar: WorkingCalendar = bundledWorkingCalendar()): number | null {
  for (let days = 1; days <= 366; days += 1) {
    const reached = calendar.workingDeadline(from, days).getTime();
    if (reached === to.getTime()) return days;
    if (reached > to.getTime()) return null;
  }
  return null;
}
