import { Injectable, Logger } from '@nestjs/common';
import { RANKING_COUNTS } from '@gridloop/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RequestEvent } from '../requests/request-event.entity';
import type { Period } from './report-period';
import { RankingMonth } from './ranking-month.entity';
import { RankingMonthCount } from './ranking-month-count.entity';
import { COUNTING_RULES, ReportRepository, type PeriodCounts } from './report.repository';

const RULES_KEY = createHash('sha256').update(COUNTING_RULES).digest('hex');
/**
 * How long after a month settles before its counts are stored: a step taken just before, whose
 * transaction is still open, has committed by then (steps are dated when they are taken).
 */
const SETTLE_MARGIN_MS = 60 * 60 * 1000;
const INSERT_BATCH = 500;

/**
 * The ranking's counts of a month that is over, counted once from the raw timeline and kept
 * (ranking_month, ranking_month_count), so the board and its 环比/同比 do not count the same past
 * months again on every call. They cannot disagree with the raw rows:
 * - every rule reads only timeline rows dated before the month's end, except a first contact,
 *   which counts only by its matter's first-contact deadline; a month is kept once both are past
 *   (settlesAt), and steps are dated when they are taken, so no later step can change its counts;
 * - a row dated before settlesAt that appears afterwards all the same (an import of old data, a
 *   clock set back in a test) is found on the next read (timeline ids only grow) and the month is
 *   counted again;
 * - counts made by other rules (COUNTING_RULES changed) are counted again.
 * Timeline rows are never edited or deleted (RequestEvent). The month in progress is counted live.
 */
@Injectable()
export class RankingStore {
  private readonly logger = new Logger(RankingStore.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
  ) {}

  /** The counts of units within `scopePath` for the period: kept ones when the month is over, else counted now. */
  async periodCounts(scopePath: string, period: Period, now: Date): Promise<PeriodCounts> {
    if (now.getTime() < period.end.getTime() + SETTLE_MARGIN_MS) return this.reports.periodCounts(scopePath, period);
    const kept = await this.kept(period.label);
    if (kept) return kept;
    // Read before counting: a row that commits while we count has a higher id, and is checked next time.
    const checkedThroughEventId = await this.lastEventId();
    const { counts, lastContactDueAt } = await this.reports.allUnitsCounts(period);
    const settlesAt = lastContactDueAt && lastContactDueAt > period.end ? lastContactDueAt : period.end;
    if (now.getTime() >= settlesAt.getTime() + SETTLE_MARGIN_MS) await this.keep(period.label, counts, { checkedThroughEventId, settlesAt, countedAt: now });
    return counts;
  }

  /** The month's kept counts, if kept by these rules and no timeline row that could change them has appeared since. */
  private async kept(month: string): Promise<PeriodCounts | null> {
    const stored = await this.dataSource.getRepository(RankingMonth).findOneBy({ month });
    if (!stored || stored.rulesKey !== RULES_KEY) return null;
    const late = await this.dataSource
      .getRepository(RequestEvent)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.id > :checked AND e.createdAt < :settlesAt', { checked: stored.checkedThroughEventId, settlesAt: stored.settlesAt })
      .orderBy('e.id')
      .limit(1)
      .getRawOne();
    if (late) return null;
    const rows = await this.dataSource.getRepository(RankingMonthCount).findBy({ month });
    // Later rows were checked: the next read starts after them.
    const last = await this.lastEventId();
    if (last > stored.checkedThroughEventId) await this.dataSource.getRepository(RankingMonth).update({ month }, { checkedThroughEventId: last });
    return countsOf(rows);
  }

  /** Months are kept one after another: SQLite has one connection, and a transaction cannot start inside another. */
  private keeping: Promise<void> = Promise.resolve();

  private keep(month: string, counts: PeriodCounts, facts: Pick<RankingMonth, 'checkedThroughEventId' | 'settlesAt' | 'countedAt'>): Promise<void> {
    this.keeping = this.keeping.then(() => this.write(month, counts, facts));
    return this.keeping;
  }

  private async write(month: string, counts: PeriodCounts, facts: Pick<RankingMonth, 'checkedThroughEventId' | 'settlesAt' | 'countedAt'>): Promise<void> {
    const rows = rowsOf(month, counts);
    try {
      await this.dataSource.transaction(async (manager: EntityManager) => {
        await manager.delete(RankingMonthCount, { month });
        await manager.delete(RankingMonth, { month });
        await manager.insert(RankingMonth, { month, rulesKey: RULES_KEY, ...facts });
        for (let i = 0; i < rows.length; i += INSERT_BATCH) await manager.insert(RankingMonthCount, rows.slice(i, i + INSERT_BATCH));
      });
    } catch (error) {
      // Two boards counting the same month at once: one keeps it; the other's counts are the same and still served.
      this.logger.warn(`ranking month ${month} not kept: ${(error as Error).message}`);
    }
  }

  private async lastEventId(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM request_event');
    return Number(row.id);
  }
}

function rowsOf(month: string, counts: PeriodCounts): RankingMonthCount[] {
  const byUnit = new Map<number, RankingMonthCount>();
  for (const figure of RANKING_COUNTS) {
    for (const [unitId, n] of counts[figure]) {
      let row = byUnit.get(unitId);
      if (!row) {
        row = Object.assign(new RankingMonthCount(), { month, unitId }, Object.fromEntries(RANKING_COUNTS.map((f) => [f, 0])));
        byUnit.set(unitId, row);
      }
      row[figure] = n;
    }
  }
  return [...byUnit.values()];
}

function countsOf(rows: readonly RankingMonthCount[]): PeriodCounts {
  const counts = Object.fromEntries(RANKING_COUNTS.map((f) => [f, new Map<number, number>()])) as unknown as PeriodCounts;
  for (const row of rows) for (const figure of RANKING_COUNTS) if (row[figure] > 0) counts[figure].set(row.unitId, row[figure]);
  return counts;
}
