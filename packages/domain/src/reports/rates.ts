/**
 * The figures of the monthly ranking (办理成绩一月一晾晒), as pure functions of counts. Each is
 * stated in words in docs/reports.md; a rate whose denominator is 0 is null ("no data"), never 0.
 */

/** What happened in one unit in one period, counted from the requests and their timelines. */
export interface UnitTally {
  /** Matters received in the period (merged-away duplicates not counted twice). */
  received: number;
  /** Of those, first contact made within its deadline. */
  contactedOnTime: number;
  /**
   * Of those, not contacted yet and their first contact not yet due at the moment of reading: while
   * a period runs, neither on time nor late, so left out of 响应率 (always 0 once a period has
   * settled: every deadline has passed).
   */
  contactPending: number;
  /** Of those, reaching a result (resolved, looked back, closed) by the end of the period. */
  resolved: number;
  /** Of those, withdrawn by the requester (not held against the unit). */
  withdrawn: number;
  /** Matters closed in the period whose completion was on time / late. */
  closedOnTime: number;
  closedLate: number;
  /** Matters open at the end of the period whose completion deadline had passed. */
  openOverdue: number;
  /** Verdicts given in the period. */
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** Times a matter went back to work after a result in the period (重办). */
  rehandled: number;
  /** Patrol findings reported in the period (未诉先办). */
  patrolFound: number;
  /**
   * Matters received in the period refused as unreasonable, the refusal confirmed at look-back by
   * the end of the period (不予受理, 回看确认): listed in the exclusion register, left out of every
   * other received figure and so of the rates.
   */
  excluded: number;
  /** Red hearts lit by the verdicts of the period. */
  hearts: number;
}

export interface RateWeights {
  response: number;
  resolution: number;
  satisfaction: number;
  /** How much a 基本满意 counts towards the satisfaction rate. */
  basicallySatisfiedWeight: number;
}

/** The Beijing 接诉即办 weights (domain brief): 0.1 response, 0.5 resolution, 0.4 satisfaction; 基本满意 counts 0.9. */
export const DEFAULT_RATE_WEIGHTS: RateWeights = { response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedWeight: 0.9 };

export interface UnitRates {
  /** 响应率: first contacts on time ÷ matters received, less those whose first contact is not yet due. */
  responseRate: number | null;
  /** 按时办结率: closed on time ÷ (closed + open and overdue), so open overdue cases are not hidden. */
  onTimeRate: number | null;
  /** 解决率: matters with a result ÷ matters received, less those the requester withdrew. */
  resolutionRate: number | null;
  /** 满意率: (满意 + w × 基本满意) ÷ verdicts. */
  satisfactionRate: number | null;
  /** 重办率: returns to work ÷ matters with a result. */
  rehandleRate: number | null;
  /** 综合得分: the weighted sum of response, resolution and satisfaction, over those that have data (weights rescaled). */
  composite: number | null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function unitRates(t: UnitTally, weights: RateWeights = DEFAULT_RATE_WEIGHTS): UnitRates {
  const responseRate = ratio(t.contactedOnTime, t.received - t.contactPending);
  const onTimeRate = ratio(t.closedOnTime, t.closedOnTime + t.closedLate + t.openOverdue);
  const resolutionRate = ratio(t.resolved, t.received - t.withdrawn);
  const rated = t.satisfied + t.basicallySatisfied + t.dissatisfied;
  const satisfactionRate = ratio(t.satisfied + weights.basicallySatisfiedWeight * t.basicallySatisfied, rated);
  const rehandleRate = ratio(t.rehandled, t.resolved);
  return {
    responseRate,
    onTimeRate,
    resolutionRate,
    satisfactionRate,
    rehandleRate,
    composite: composite([
      [responseRate, weights.response],
      [resolutionRate, weights.resolution],
      [satisfactionRate, weights.satisfaction],
    ]),
  };
}

function composite(parts: [number | null, number][]): number | null {
  const present = parts.filter((part): part is [number, number] => part[0] !== null);
  const weight = present.reduce((sum, [, w]) => sum + w, 0);
  if (present.length === 0 || weight === 0) return null;
  return present.reduce((sum, [rate, w]) => sum + rate * w, 0) / weight;
}

/** 环比 / 同比: relative change from `previous` to `current` (0.25 = up 25%); null when there was nothing before. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * Standard competition ranking (1, 2, 2, 4) by `score`, highest first; rows without a score are
 * not ranked (null) and come last. Ties keep the input order.
 */
export function rankBy<T>(rows: readonly T[], score: (row: T) => number | null): { row: T; rank: number | null }[] {
  const scored = rows.map((row, index) => ({ row, index, value: score(row) }));
  const ranked = scored.filter((s) => s.value !== null).sort((a, b) => b.value! - a.value! || a.index - b.index);
  const result: { row: T; rank: number | null }[] = [];
  ranked.forEach((s, i) => {
    const rank = i > 0 && ranked[i - 1]!.value === s.value ? result[i - 1]!.rank : i + 1;
    result.push({ row: s.row, rank });
  });
  for (const s of scored) if (s.value === null) result.push({ row: s.row, rank: null });
  return result;
}

/**
 * The weights from configuration (e.g. REPORT_WEIGHTS): any of the four, each a number from 0 to 1,
 * the three composite weights not all 0; the rest default. Throws a message naming what is wrong.
 */
export function parseRateWeights(value: unknown, name = 'weights'): RateWeights {
  if (value === undefined || value === null) return DEFAULT_RATE_WEIGHTS;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${name}: expected an object like {"response":0.3,"resolution":0.35,"satisfaction":0.35}`);
  const weights: RateWeights = { ...DEFAULT_RATE_WEIGHTS };
  for (const [key, w] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in DEFAULT_RATE_WEIGHTS)) throw new Error(`${name}: unknown weight "${key}" (response, resolution, satisfaction, basicallySatisfiedWeight)`);
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1) throw new Error(`${name}.${key}: expected a number from 0 to 1`);
    weights[key as keyof RateWeights] = w;
  }
  if (weights.response + weights.resolution + weights.satisfaction === 0) throw new Error(`${name}: the composite needs at least one weight above 0`);
  return weights;
}
