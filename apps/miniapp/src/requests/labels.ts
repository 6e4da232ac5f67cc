// Deep imports: the package index would also bring in the holiday calendar.
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain/dist/requests/categories';
import { RATING_HEARTS, RATING_LABELS, type Rating } from '@gridloop/domain/dist/requests/ratings';
import { REQUEST_ACTIONS, REQUEST_STATE_LABELS, stepRule, type RequestAction, type RequestState } from '@gridloop/domain/dist/requests/request-workflow';

export function categoryLabel(category: string): string {
  return REQUEST_CATEGORY_LABELS[category as RequestCategory] ?? category;
}

export function stateLabel(state: string): string {
  return REQUEST_STATE_LABELS[state as RequestState] ?? state;
}

/** A timeline row's name: an action's, or another step's (提交诉求, 合并诉求, 超时提醒) from the workflow table. */
export function stepLabel(action: string): string {
  return stepRule(action)?.label ?? action;
}

export function actionLabel(action: RequestAction): string {
  return REQUEST_ACTIONS[action].label;
}

export function ratingLabel(rating: string): string {
  return RATING_LABELS[rating as Rating] ?? rating;
}

/**
 * `n` hearts to be drawn in red: the text form (U+FE0E) so the CSS colour paints them; left to a
 * font's choice they came out black in the rating buttons.
 */
export function heartsText(n: number): string {
  return '\u2764\uFE0E'.repeat(n);
}

export function ratingHearts(rating: string): number {
  return RATING_HEARTS[rating as Rating] ?? 0;
}

/** "11月25日 09:30" in China time. */
export function timeText(iso: string): string {
  return chinaTimeText(new Date(iso));
}

/** Colour family of a state's badge. */
export function stateTone(state: string): 'waiting' | 'working' | 'done' | 'ended' {
  if (state === 'submitted') return 'waiting';
  if (state === 'accepted' || state === 'in_progress') return 'working';
  if (state === 'resolved' || state === 'looked_back' || state === 'closed') return 'done';
  return 'ended';
}
