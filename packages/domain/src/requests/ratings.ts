/**
 * The requester's verdict on a resolved matter (满意 / 基本满意 / 不满意), shown as red hearts
 * (群众意愿点亮小红心). A dissatisfied verdict sends the matter back for re-handling (重办).
 */
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Hearts a verdict lights (unverified default: the article gives no scale). */
export const RATING_HEARTS: Record<Rating, number> = { satisfied: 2, basically_satisfied: 1, dissatisfied: 0 };

/** A verdict that reopens the matter for re-handling. */
export function reopensOn(rating: Rating): boolean {
  return rating === 'dissatisfied';
}

/**
 * One verdict per result: a matter can be rated once it is resolved, and again only after it was
 * reopened and resolved anew.
 */
export function canRateNow(resolvedAt: Date | null, ratedAt: Date | null): boolean {
  if (!resolvedAt) return false;
  return !ratedAt || ratedAt.getTime() < resolvedAt.getTime();
}
