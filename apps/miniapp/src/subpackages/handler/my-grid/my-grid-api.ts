import { chinaDayNumberOf, formatDayNumber } from '@gridloop/domain/dist/calendar/china-time';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';

export type RankingRow = components['schemas']['RankingRowDto'];
export type UnitMonth = components['schemas']['UnitMonthDto'];

export interface GridFigures {
  row: RankingRow;
  /** Small grids of the town ranked this month (with data), as getUnitHistory counts them. */
  rankedCount: number;
  townId: number;
  townName: string;
  /** The grid's last months on the board, oldest first, this month last. */
  history: UnitMonth[];
  /** The fewest matters received for a grid to be ranked (the board's rule). */
  minReceived: number;
}

/** This month in China, YYYY-MM. */
export function thisMonthInChina(now: Date): string {
  return formatDayNumber(chinaDayNumberOf(now)).slice(0, 7);
}

/**
 * This month's row of each of my small grids on the public ranking (getMonthlyRanking, small
 * grids), with its last months (getUnitHistory). My roles name the grid but not its town, so each town's ranking is looked through (a
 * county has few towns) until every grid is found. Grids not on any ranking are left out.
 */
export async function myGridFigures(gridIds: number[], month: string): Promise<GridFigures[]> {
  const towns = await unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } }));
  const found: Pick<GridFigures, 'row' | 'townId' | 'townName'>[] = [];
  for (const town of towns) {
    const ranking = await unwrap(api.GET('/api/public/reports/ranking', { params: { query: { townId: town.id, month, level: 'small_grid' } } }));
    for (const row of ranking.rows) if (gridIds.includes(row.unitId)) found.push({ row, townId: town.id, townName: town.name });
    if (found.length === gridIds.length) break;
  }
  const mine = gridIds.flatMap((id) => found.filter((figures) => figures.row.unitId === id));
  return Promise.all(
    mine.map(async (figures) => {
      const query = { townId: figures.townId, unitId: figures.row.unitId, month };
      const { months: history, minReceived } = await unwrap(api.GET('/api/public/reports/unit-history', { params: { query } }));
      // Its last month is this one: how many grids the API ranked, so the page counts nothing itself.
      return { ...figures, history, minReceived, rankedCount: history[history.length - 1]?.rankedCount ?? 0 };
    }),
  );
}
