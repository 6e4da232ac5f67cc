import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { canHandleRequests, canLookBack } from '../../auth/roles';
import type { Me, UnitRef } from '../../auth/session-store';
import { ROUTES } from '../../routes';
import { townOfUnit } from '../../requests/units';
import type { RankingCount, RankingLevel } from '@gridloop/domain/dist/reports/labels';

export type Ranking = components['schemas']['RankingDto'];
export type RankingRow = components['schemas']['RankingRowDto'];
export type TownSummary = components['schemas']['TownSummaryDto'];

/** getMonthlyRanking: public, figures and the grid leaders' names only. */
export function monthlyRanking(townId: number, month: string, level: RankingLevel): Promise<Ranking> {
  return unwrap(api.GET('/api/public/reports/ranking', { params: { query: { townId, month, level } } }));
}

export interface TownChoice {
  towns: TownSummary[];
  /** The town to show first: the only one, or the one of the unit I am in; null: ask. */
  guess: UnitRef | null;
}

/** The towns, and which one the board opens on (see the page). */
export async function townChoice(where: UnitRef | null): Promise<TownChoice> {
  const towns = await unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } }));
  if (towns.length === 1) return { towns, guess: { id: towns[0].id, name: towns[0].name, kind: 'town' } };
  // Any unit's town (getUnitTown): a villager's home grid opens her own town's board.
  const guess = where ? await townOfUnit(where.id).catch(() => null) : null;
  return { towns, guess };
}

/** This month and the 11 before it (YYYY-MM, China time: UTC+8, no summer time), newest first. */
export function recentMonths(now: Date, count = 12): string[] {
  const china = new Date(now.getTime() + 8 * 3600_000);
  let year = china.getUTCFullYear();
  let month = china.getUTCMonth() + 1;
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** 2026-11 → 2026年11月 */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

export type FigureRequests = components['schemas']['FigureRequestsDto'];

/** listFigureRequests: the requests behind one count of one unit (public; no personal data). */
export function figureRequests(townId: number, month: string, unitId: number, figure: RankingCount): Promise<FigureRequests> {
  return unwrap(api.GET('/api/public/reports/ranking/requests', { params: { query: { townId, month, unitId, figure } } }));
}

export type ExclusionRegister = components['schemas']['ExclusionRegisterDto'];

/** listExclusions: the matters of one row refused as unreasonable and confirmed at look-back (不计入名单); the reason only for those who may open the matter. */
export function exclusionRegister(townId: number, month: string, unitId: number): Promise<ExclusionRegister> {
  return unwrap(api.GET('/api/public/reports/ranking/exclusions', { params: { query: { townId, month, unitId } } }));
}

/** The page a case opens on from the board for me: the handling page if I handle matters, the supervisors' if I look back, else my own matters' page. */
export function casePage(me: Me | undefined): string {
  if (me && canHandleRequests(me)) return ROUTES.handleRequest;
  if (me && canLookBack(me)) return ROUTES.lookBackRequest;
  return ROUTES.myRequest;
}
