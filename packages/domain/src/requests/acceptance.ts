import { CATEGORY_DEFAULT_COMPLEXITY, type RequestCategory } from './categories';
import type { Complexity } from './sla';

/** How the handler reached the requester before accepting (accept's contactMethod). */
export const CONTACT_METHODS = ['call', 'visit', 'message'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/**
 * The same words on the acceptance form's choice and at the head of the accept row's note in the
 * timeline (电话联系：…), so what the handler picked is what everyone reads afterwards.
 */
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = { call: '电话联系', visit: '上门走访', message: '微信留言' };

/** The complexity the category proposes at acceptance (an unknown category: simple). */
export function proposedComplexity(category: string): Complexity {
  return CATEGORY_DEFAULT_COMPLEXITY[category as RequestCategory] ?? 'simple';
}

/** Choosing another complexity than the category proposes needs a reason (the accept note). */
export function complexityNeedsReason(category: string, chosen: Complexity): boolean {
  return chosen !== proposedComplexity(category);
}

/** The accept row's note: how the requester was reached, then what the handler wrote; null when neither. */
export function acceptNote(method: string | undefined, note: string | null): string | null {
  const label =
    method !== undefined && Object.prototype.hasOwnProperty.call(CONTACT_METHOD_LABELS, method) ? CONTACT_METHOD_LABELS[method as ContactMethod] : '';
  return [label, note].filter(Boolean).join('：') || null;
}
