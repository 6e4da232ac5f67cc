import { chinaDayOf, chinaDayRange, runningClock, WORKING_STATES } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { requestsWithin } from './requests-within';
import { rawDate } from '../../common/raw-date';

/** 今日到期 and 今日新收 for the desk console's 工作台, over the matters a person may see. */
export interface TodayCounts {
  dueToday: number;
  receivedToday: number;
}

interface ClockRow {
  state: string;
  contactDueAt: Date | string;
  completionDueAt: Date | string | null;
  cityDueAt: Date | string | null;
}

/**
 * Today is the China calendar day of `now` (not the server's, nor UTC's). Within `span` (a matter
 * counts when its place or its handler is in it, as in the lists):
 * - 今日新收: matters that arrived today (createdAt; a 12345 order arrives when it is imported);
 * - 今日到期: open matters whose running clock (packages/domain's runningClock: contact, then
 *   completion, a 12345 order's earlier city deadline governing) ends today, passed or not.
 */
export async function todayCounts(dataSource: DataSource, span: readonly string[], now: Date): Promise<TodayCounts> {
  const { start, end } = chinaDayRange(chinaDayOf(now));
  const scoped = () => requestsWithin(dataSource, span);

  const received = await scoped()
    .select('COUNT(*) AS n')
    .andWhere('r.createdAt >= :start AND r.createdAt < :end', { start, end })
    .getRawOne<{ n: number | string }>();
  // Any of the three deadlines today narrows the rows; runningClock says which one governs.
  const candidates: ClockRow[] = await scoped()
    .select(['r.state AS state', 'r.contactDueAt AS contactDueAt', 'r.completionDueAt AS completionDueAt', 'r.cityDueAt AS cityDueAt'])
    .andWhere('r.state IN (:...states)', { states: WORKING_STATES })
    .andWhere(
      '((r.contactDueAt >= :start AND r.contactDueAt < :end) OR (r.completionDueAt >= :start AND r.completionDueAt < :end) OR (r.cityDueAt >= :start AND r.cityDueAt < :end))',
      { start, end },
    )
    .getRawMany();
  const dueToday = candidates.filter((row) => {
    const running = runningClock({
      state: row.state,
      contactDueAt: rawDate(row.contactDueAt),
      completionDueAt: row.completionDueAt === null ? null : rawDate(row.completionDueAt),
      cityDueAt: row.cityDueAt === null ? null : rawDate(row.cityDueAt),
    });
    return running !== null && running.dueAt >= start && running.dueAt < end;
  }).length;
  return { dueToday, receivedToday: Number(received?.n ?? 0) };
}
