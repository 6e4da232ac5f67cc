/**
 * The board's ranking rule (docs/reports.md, "Ranking"): who is ranked, who shares a rank, and why
 * a unit is left unranked. Pure; the API ranks every board and every unit's history with it.
 */

/** Why a unit has no rank: a score resting on too few matters to compare, or no score at all; in the order the board lists them. */
export const UNRANKED_REASONS = ['too_few', 'no_data'] as const;
export type UnrankedReason = (typeof UNRANKED_REASONS)[number];

/**
 * Matters a unit must have received in the month to be ranked (RANKING_MIN_RECEIVED). With one or
 * two, a single late reply or unrated result swings the score between 0 and 100: the board would
 * rank luck, not work. Three is the smallest count at which one matter moves no rate by more than a third.
 */
export const DEFAULT_RANKING_MIN_RECEIVED = 3;

/** A composite (0–1) as the board shows it: out of 100, one decimal. Scores that read the same are the same. */
export function shownScore(composite: number): number {
  return Math.round(composite * 1000) / 10;
}

export interface BoardPlace {
  /** 1 = best; equal shown scores share a rank (1, 2, 2, 4); null when unranked. */
  rank: number | null;
  /** Shares its rank with another unit (并列). */
  tied: boolean;
  /** Why it has no rank; null when ranked. */
  unrankedReason: UnrankedReason | null;
}

/** What the rule needs of a unit's month: its composite (null without a rate), how many matters it received, and whether it has any figure at all. */
export interface RankingInput {
  composite: number | null;
  received: number;
  /**
   * Any count of the month above 0 (hasFigures): a unit whose only figures are matters open past
   * their deadline, or results of matters received before, has no composite (the rates it is
   * scored on stand on matters received and verdicts) but is not without data.
   */
  active?: boolean;
}

/** Whether a unit's month has any figure at all (a count above 0): only a unit without any is 无数据. */
export function hasFigures<T extends { readonly [K in keyof T]: number }>(counts: T): boolean {
  return (Object.values(counts) as number[]).some((n) => n > 0);
}

/**
 * Ranks units by composite at the precision the board shows it, highest first. A unit with fewer
 * than `minReceived` matters received is unranked (too_few), its figures still shown, whether or
 * not it has a composite: a department holding only matters dispatched to it earlier, five of them
 * overdue, is shown so (with its 超期未办结), not hidden as without data. A unit without a composite
 * and without any figure (or with enough matters and still no rate) is no_data. Order: ranked by
 * rank (ties in input order), then too_few, then no_data, each in input order.
 */
export function rankOnBoard<T>(rows: readonly T[], of: (row: T) => RankingInput, minReceived: number): ({ row: T } & BoardPlace)[] {
  const placed = rows.map((row, index) => {
    const { composite, received, active = false } = of(row);
    const unrankedReason: UnrankedReason | null = received < minReceived && (composite !== null || active) ? 'too_few' : composite === null ? 'no_data' : null;
    return { row, index, score: composite === null ? null : shownScore(composite), unrankedReason };
  });
  const ranked = placed.filter((p) => p.unrankedReason === null).sort((a, b) => b.score! - a.score! || a.index - b.index);
  const count = new Map<number, number>();
  for (const p of ranked) count.set(p.score!, (count.get(p.score!) ?? 0) + 1);
  const result: ({ row: T } & BoardPlace)[] = [];
  ranked.forEach((p, i) => {
    const rank = i > 0 && ranked[i - 1]!.score === p.score ? result[i - 1]!.rank : i + 1;
    result.push({ row: p.row, rank, tied: count.get(p.score!)! > 1, unrankedReason: null });
  });
  for (const reason of UNRANKED_REASONS) {
    for (const p of placed) if (p.unrankedReason === reason) result.push({ row: p.row, rank: null, tied: false, unrankedReason: reason });
  }
  return result;
}

/** RANKING_MIN_RECEIVED from configuration: a whole number from 0 (rank every unit with a score); unset, the default. */
export function parseRankingMinReceived(value: string | undefined, name = 'RANKING_MIN_RECEIVED'): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RANKING_MIN_RECEIVED;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new Error(`${name}: "${value}" is not a whole number of matters (0 or more)`);
  return n;
}
