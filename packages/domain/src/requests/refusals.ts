/**
 * 退单 and 不予受理 with a reason: a handler returns a matter that is not theirs to dispatch within a
 * window of office time from when it reached them, and a refusal names its reason from a list and,
 * for "not ours", where the requester should go instead. Per town, from configuration
 * (REFUSAL_RULES, docs/requests.md); time is an argument, never read here.
 */
import { officeTimeAfter } from '../calendar/working-calendar';
import { parseTownRules, townRules, type TownRulesConfig } from '../config/town-rules';
import { DISPATCHING_UNIT_KIND } from './dispatch';
import { contactDueFrom, type StepChanges } from './step-changes';

/** Why a matter is refused (不予受理): the reason kinds the exclusion register shows. */
export const REJECT_REASONS = ['not_ours', 'duplicate', 'unreasonable', 'malicious_repeat'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  not_ours: '不属于本单位职责或受理范围',
  duplicate: '重复诉求',
  unreasonable: '诉求不合理',
  malicious_repeat: '恶意重复诉求',
};

/** The reasons that send the requester elsewhere: the refusal must say where (referTo). */
export const REFERRING_REASONS: readonly RejectReason[] = ['not_ours'];

export function isRejectReason(value: unknown): value is RejectReason {
  return (REJECT_REASONS as readonly unknown[]).includes(value);
}

export interface RefusalRules {
  /** Office hours (service hours on working days) from when a matter reached a unit within which it may return it (退单); 0: never. */
  returnWindowWorkingHours: number;
  /** The reasons a refusal may give here, in the order the form offers them. */
  rejectReasons: readonly RejectReason[];
  /** Where a "not ours" refusal usually sends people: offered in the form; any other place may be written. */
  referralPlaces: readonly string[];
}

export const DEFAULT_REFUSAL_RULES: RefusalRules = {
  returnWindowWorkingHours: 2,
  rejectReasons: REJECT_REASONS,
  referralPlaces: ['人民法院', '劳动人事争议仲裁委员会', '市场监督管理局', '人力资源和社会保障局', '公安派出所', '12345市民热线（市直部门）'],
};

/** Refusal rules for the county and per town (REFUSAL_RULES). */
export type RefusalRulesConfig = TownRulesConfig<RefusalRules>;

/** Checks {"default": {...}, "towns": {"SG-TT": {"returnWindowWorkingHours": 4}}}; throws with `source` in the message. */
export function parseRefusalRules(input: unknown, source = 'refusal rules'): RefusalRulesConfig {
  return parseTownRules(input, DEFAULT_REFUSAL_RULES, mergeRules, source);
}

function mergeRules(base: RefusalRules, input: Record<string, unknown>, where: string): RefusalRules {
  const merged: RefusalRules = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'returnWindowWorkingHours') {
      if (!Number.isSafeInteger(value) || (value as number) < 0) throw new Error(`${where}.${key}: expected a whole number of at least 0`);
      merged.returnWindowWorkingHours = value as number;
    } else if (key === 'rejectReasons') {
      if (!Array.isArray(value) || value.length === 0 || !value.every(isRejectReason) || new Set(value).size !== value.length)
        throw new Error(`${where}.rejectReasons: expected a non-empty list of distinct reasons from ${REJECT_REASONS.join(', ')}`);
      merged.rejectReasons = value;
    } else if (key === 'referralPlaces') {
      if (!Array.isArray(value) || value.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > 100))
        throw new Error(`${where}.referralPlaces: expected a list of place names (1 to 100 characters each)`);
      merged.referralPlaces = value as string[];
    } else {
      throw new Error(`${where}: unknown key ${key}`);
    }
  }
  return merged;
}

export function refusalRulesForTown(config: RefusalRulesConfig, townCode: string | null): RefusalRules {
  return townRules(config, townCode);
}

/** A timeline row as the return window reads it: the unit handling the matter after the step, and when. */
export interface HandlerStep {
  handlerUnitId: number;
  createdAt: Date;
}

/**
 * When the matter reached the unit now handling it: the first step of the last run of timeline rows
 * (in order) that carry that unit. Null when no row carries it.
 */
export function reachedHandlerAt(timeline: readonly HandlerStep[], handlerUnitId: number): Date | null {
  let reached: Date | null = null;
  for (const step of timeline) {
    if (step.handlerUnitId !== handlerUnitId) reached = null;
    else reached ??= step.createdAt;
  }
  return reached;
}

/** The last moment a unit may return a matter that reached it at `reachedAt`: the window's office hours on. */
export function returnDeadline(reachedAt: Date, rules: RefusalRules): Date {
  return officeTimeAfter(reachedAt, rules.returnWindowWorkingHours * 60);
}

export interface ReturnFacts {
  /** The kind of unit handling it now (a hotline office has nobody to return it to). */
  handlerUnitKind: string;
  /** When it reached that unit (reachedHandlerAt). */
  reachedAt: Date | null;
}

export type ReturnRefusal = 'AT_DISPATCH' | 'WINDOW_PASSED';

/** Why the handler may not return the matter to dispatch now, or null when they may. */
export function refuseReturn(facts: ReturnFacts, now: Date, rules: RefusalRules): ReturnRefusal | null {
  if (facts.handlerUnitKind === DISPATCHING_UNIT_KIND) return 'AT_DISPATCH';
  if (rules.returnWindowWorkingHours === 0 || !facts.reachedAt || now.getTime() > returnDeadline(facts.reachedAt, rules).getTime()) return 'WINDOW_PASSED';
  return null;
}

/**
 * The fields 退单 changes besides the unit (the town's hotline office): as a transfer, the next
 * handler's contact clock starts now and what the returning unit began (contact, completion
 * deadline, an ask for more time or a transfer) lapses; lateness marks stay.
 */
export function returnStepChanges(now: Date): StepChanges {
  return { transferRequested: false, contactedAt: null, contactDueAt: contactDueFrom(now), complexity: null, completionDueAt: null, extensionAskedDays: null };
}

export type RejectRefusal = 'NO_REASON' | 'REASON_NOT_OFFERED' | 'NO_REFERRAL' | 'REFERRAL_NOT_WANTED';

/** Why a refusal with this reason and referral (already trimmed; null: none) is not taken, or null when it is. */
export function refuseRejectReason(reason: string | undefined, referTo: string | null, rules: RefusalRules): RejectRefusal | null {
  if (reason === undefined) return 'NO_REASON';
  if (!isRejectReason(reason) || !rules.rejectReasons.includes(reason)) return 'REASON_NOT_OFFERED';
  const refers = REFERRING_REASONS.includes(reason);
  if (refers && !referTo) return 'NO_REFERRAL';
  if (!refers && referTo) return 'REFERRAL_NOT_WANTED';
  return null;
}

/** The refusal's public note: the reason's words, what the handler wrote, and where to go instead. */
export function rejectNote(reason: RejectReason, referTo: string | null, note: string | null): string {
  const head = [REJECT_REASON_LABELS[reason], note].filter(Boolean).join('：');
  return referTo ? `${head}。建议您向${referTo}反映` : head;
}
