/**
 * The weekly sample for return visits (回访抽查): each week, a random share of the matters closed in
 * the week before, at least one of every unit that closed any, whatever their in-app rating. The
 * draw is reproducible: seeded by the town and the week, so every instance and every reload lists
 * the same matters.
 */
import { chinaDayNumberOf, chinaMidnightOf, formatDayNumber, parseDayString, weekdayOf } from '../calendar/china-time';

/** A China week, Monday 00:00 to the next Monday 00:00; named by its Monday (`YYYY-MM-DD`). */
export interface SampleWeek {
  week: string;
  start: Date;
  end: Date;
}

/** The week whose closed matters are sampled at `now`: the whole week (Monday to Sunday, China time) before this one. */
export function sampledWeekAt(now: Date): SampleWeek {
  const today = chinaDayNumberOf(now);
  const thisMonday = today - ((weekdayOf(today) + 6) % 7);
  return weekStarting(formatDayNumber(thisMonday - 7));
}

/** The week starting on `monday` (`YYYY-MM-DD`); throws when it is no Monday. */
export function weekStarting(monday: string): SampleWeek {
  const day = parseDayString(monday);
  if (weekdayOf(day) !== 1) throw new Error(`${monday} is not a Monday`);
  return { week: monday, start: new Date(chinaMidnightOf(day)), end: new Date(chinaMidnightOf(day + 7)) };
}

/** A matter closed in the week: which one, and the unit that handled it. */
export interface ClosedMatter {
  requestId: number;
  unitId: number;
}

/** How many of a unit's `closed` matters are drawn: the share, rounded, and at least one. */
export function sampleSize(closed: number, share: number): number {
  if (closed <= 0) return 0;
  return Math.min(closed, Math.max(1, Math.round(closed * share)));
}

/**
 * The matters drawn for return visits, by request id ascending: per unit, `sampleSize` of its
 * closed matters, shuffled by a generator seeded with the town, the week and the unit. The same
 * inputs (in any order) always give the same sample.
 */
export function drawWeeklySample(closed: readonly ClosedMatter[], townCode: string, week: string, share: number): number[] {
  const byUnit = new Map<number, number[]>();
  for (const matter of closed) byUnit.set(matter.unitId, [...(byUnit.get(matter.unitId) ?? []), matter.requestId]);
  const drawn: number[] = [];
  for (const [unitId, ids] of byUnit) {
    const pool = [...new Set(ids)].sort((a, b) => a - b);
    const random = seededRandom(`${townCode}:${week}:${unitId}`);
    // Fisher–Yates on the sorted pool: the order depends only on the seed.
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    drawn.push(...pool.slice(0, sampleSize(pool.length, share)));
  }
  return drawn.sort((a, b) => a - b);
}

/** A small deterministic generator (mulberry32) seeded by the FNV-1a hash of `seed`. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
