/**
 * Are the hearts real? Per unit, the sampled return visits (回访抽查) against the in-app verdicts of
 * the same matters: how often the two agree, and how far the in-app satisfaction rate stands from
 * what the office heard on the phone. A unit where they differ by more than the town's margin is
 * flagged to the town leader (never on the public board). Formulas: docs/reports.md.
 */
import type { Rating } from '../requests/ratings';
import { DEFAULT_RATE_WEIGHTS } from './rates';

/** One sampled matter's return visit: the unit that handled it, its in-app verdict (if any) and what the visit heard (if reached). */
export interface SampledVisit {
  unitId: number;
  appRating: Rating | null;
  heard: Rating | null;
}

export interface AgreementRules {
  agreementMargin: number;
  minPaired: number;
}

export interface UnitAgreement {
  unitId: number;
  /** Sampled matters visited whose requester said something. */
  heard: number;
  /** Of those, with an in-app verdict as well: the pairs compared. */
  paired: number;
  /** Pairs where the visit heard the very verdict given in the app. */
  agreed: number;
  /** agreed / paired; null with no pairs. */
  agreementRate: number | null;
  /** Satisfaction rate of the pairs' in-app verdicts (满意 1, 基本满意 0.9, 不满意 0). */
  appSatisfaction: number | null;
  /** The same rate of what the visits heard on those pairs. */
  heardSatisfaction: number | null;
  /** appSatisfaction − heardSatisfaction: positive when the app shows more hearts than the phone heard. */
  gap: number | null;
  /** |gap| beyond the margin, with at least minPaired pairs. */
  flagged: boolean;
}

function satisfaction(ratings: readonly Rating[]): number | null {
  if (ratings.length === 0) return null;
  const score = ratings.reduce((sum, r) => sum + (r === 'satisfied' ? 1 : r === 'basically_satisfied' ? DEFAULT_RATE_WEIGHTS.basicallySatisfiedWeight : 0), 0);
  return score / ratings.length;
}

/** The agreement figure of every unit that has a sampled visit which heard something, by unit id. */
export function ratingAgreement(visits: readonly SampledVisit[], rules: AgreementRules): UnitAgreement[] {
  const byUnit = new Map<number, SampledVisit[]>();
  for (const visit of visits) if (visit.heard !== null) byUnit.set(visit.unitId, [...(byUnit.get(visit.unitId) ?? []), visit]);
  return [...byUnit.entries()]
    .sort(([a], [b]) => a - b)
    .map(([unitId, heardVisits]) => {
      const pairs = heardVisits.filter((v): v is SampledVisit & { appRating: Rating; heard: Rating } => v.appRating !== null);
      const agreed = pairs.filter((p) => p.appRating === p.heard).length;
      const appSatisfaction = satisfaction(pairs.map((p) => p.appRating));
      const heardSatisfaction = satisfaction(pairs.map((p) => p.heard));
      const gap = appSatisfaction === null || heardSatisfaction === null ? null : appSatisfaction - heardSatisfaction;
      return {
        unitId,
        heard: heardVisits.length,
        paired: pairs.length,
        agreed,
        agreementRate: pairs.length === 0 ? null : agreed / pairs.length,
        appSatisfaction,
        heardSatisfaction,
        gap,
        // A hair over the margin only: rates of a few matters are sums of tenths, so compare with a tolerance.
        flagged: gap !== null && pairs.length >= rules.minPaired && Math.abs(gap) > rules.agreementMargin + 1e-9,
      };
    });
}
