/**
 * 回访: hotline staff call (or text, or visit) the requester of a resolved or closed matter and
 * record what they heard. Recorded on its own (回访) or with the look-back that closes the matter
 * (回看并关闭). A 不满意 heard sends the matter back to work (重办) as an in-app 不满意 does. Per
 * town, from configuration (RETURN_VISIT_RULES, docs/requests.md); time is an argument, never read here.
 */
import { parseTownRules, townRules, type TownRulesConfig } from '../config/town-rules';
import { RATING_LABELS, reopensOn, type Rating } from './ratings';

/** How the requester was visited; `none`: not called (a look-back closed on the record alone). */
export const RETURN_VISIT_METHODS = ['phone', 'sms', 'in_person', 'none'] as const;
export type ReturnVisitMethod = (typeof RETURN_VISIT_METHODS)[number];

export const RETURN_VISIT_METHOD_LABELS: Record<ReturnVisitMethod, string> = {
  phone: '电话回访',
  sms: '短信回访',
  in_person: '上门回访',
  none: '未回访',
};

/** What one visit found. */
export interface ReturnVisitInput {
  method: ReturnVisitMethod;
  /** The requester was reached (answered, replied, was at home). */
  reached: boolean;
  /** What they said; only when reached. */
  heard: Rating | null;
}

/** The form's defaults: the common case, a phone call that reached a satisfied requester (one confirm). */
export const DEFAULT_RETURN_VISIT: ReturnVisitInput = { method: 'phone', reached: true, heard: 'satisfied' };

export type ReturnVisitRefusal = 'HEARD_MISSING' | 'HEARD_UNREACHED' | 'UNCALLED_REACHED';

/**
 * Why this record does not hold together, or null when it does: reached needs what was heard,
 * unreached hears nothing, and one not called was not reached.
 */
export function refuseReturnVisit(visit: ReturnVisitInput): ReturnVisitRefusal | null {
  if (visit.method === 'none' && visit.reached) return 'UNCALLED_REACHED';
  if (visit.reached && visit.heard === null) return 'HEARD_MISSING';
  if (!visit.reached && visit.heard !== null) return 'HEARD_UNREACHED';
  return null;
}

/**
 * A visit as a form gives it, made to hold together (so refuseReturnVisit has nothing to refuse):
 * one not called was not reached, and one not reached heard nothing.
 */
export function settledReturnVisit(method: ReturnVisitMethod, reached: boolean, heard: Rating | null): ReturnVisitInput {
  const wasReached = method !== 'none' && reached;
  return { method, reached: wasReached, heard: wasReached ? heard : null };
}

/** A 不满意 heard sends the matter back to work (重办), as an in-app 不满意 does. */
export function visitReopens(visit: ReturnVisitInput): boolean {
  return visit.heard !== null && reopensOn(visit.heard);
}

/** The timeline row's words: 「电话回访，已联系上，群众说满意：…」. */
export function returnVisitNote(visit: ReturnVisitInput, note: string | null): string {
  const parts: string[] = [RETURN_VISIT_METHOD_LABELS[visit.method]];
  if (visit.method !== 'none') parts.push(visit.reached ? '已联系上' : '未联系上');
  if (visit.heard) parts.push(`群众说${RATING_LABELS[visit.heard]}`);
  return [parts.join('，'), note].filter(Boolean).join('：');
}

export interface ReturnVisitRules {
  /** Share of the matters closed in a week drawn for a return visit the next week (0 to 1). */
  sampleShare: number;
  /** Units whose in-app satisfaction and what visits heard differ by more than this (0 to 1) are flagged. */
  agreementMargin: number;
  /** The fewest visited matters with an in-app verdict before a unit can be flagged. */
  minPaired: number;
}

export const DEFAULT_RETURN_VISIT_RULES: ReturnVisitRules = { sampleShare: 0.1, agreementMargin: 0.2, minPaired: 3 };

export type ReturnVisitRulesConfig = TownRulesConfig<ReturnVisitRules>;

/** Checks {"default": {...}, "towns": {"SG-TT": {"sampleShare": 0.2}}}; throws with `source` in the message. */
export function parseReturnVisitRules(input: unknown, source = 'return visit rules'): ReturnVisitRulesConfig {
  return parseTownRules(input, DEFAULT_RETURN_VISIT_RULES, mergeRules, source);
}

function mergeRules(base: ReturnVisitRules, input: Record<string, unknown>, where: string): ReturnVisitRules {
  const merged: ReturnVisitRules = { ...base };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'sampleShare' || key === 'agreementMargin') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${where}.${key}: expected a number from 0 to 1`);
      merged[key] = value;
    } else if (key === 'minPaired') {
      if (!Number.isSafeInteger(value) || (value as number) < 1) throw new Error(`${where}.minPaired: expected a whole number of at least 1`);
      merged.minPaired = value as number;
    } else {
      throw new Error(`${where}: unknown key ${key}`);
    }
  }
  return merged;
}

export function returnVisitRulesForTown(config: ReturnVisitRulesConfig, townCode: string | null): ReturnVisitRules {
  return townRules(config, townCode);
}
