import { Injectable, Logger } from '@nestjs/common';
import { chinaDayOf, RANKING_COUNTS } from '@gridloop/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RequestEvent } from '../requests/request-event.entity';
import { monthPeriod, type Period } from './report-period';
import { RankingMonth } from './ranking-month.entity';
import { RankingMonthCount } from './ranking-month-count.entity';
import { COUNTING_RULES, countsFromRows, ReportRepository, zeroCounts, type PeriodCounts } from './report.repository';

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
 * - every rule reads only timeline rows dated before the month's end (and, for a verdict, the
 *   roles its requester held when it was given: role rows are never deleted nor redated), except a
 *   first contact, which counts only by its matter's first-contact deadline; a month is kept once both are past
 *   (settlesAt), and steps are dated when they are taken, so no later step can change its counts;
 * - a row dated before settlesAt that appears afterwards all the same (an import of old data, a
 *   clock set back in a test) is found on the next read (timeline ids only grow) and the month is
 *   counted again;
 * - counts made by other rules (COUNTING_RULES changed) are counted again.
 * Timeline rows are never edited or deleted (RequestEvent). The month in progress is counted live,
 * its open and overdue judged at the moment of reading (judgedAt); it is never kept (isOver).
 */
@Injectable()
export class RankingStore {
  private readonly logger = new Logger(RankingStore.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
  ) {}

  /**
   * Months over but not yet settled (a first-contact deadline after a holiday), with when they
   * settle, as the last count found: until then a board counts only its own scope, and the
   * scheduled job does not count every unit again each time it runs. Per process; a restart
   * counts once more.
   */
  private readonly settling = new Map<string, Date>();

  /** The counts of units within `scopePath` for the period: kept ones when the month is over and settled, else counted now. */
  async periodCounts(scopePath: string, period: Period, now: Date): Promise<PeriodCounts> {
    if (!isOver(period, now) || this.stillSettling(period.label, now)) return this.reports.periodCounts(scopePath, period, now);
    if (await this.isKept(period.label)) return this.read(period.label);
    return this.countAndKeep(period, now);
  }

  /**
   * Counts and keeps last month once it is over, and the same month a year before (its 同比), so
   * the first look at last month's board waits for neither (KeepRankingMonthsJob calls this; the
   * month before last was kept a month ago).
   */
  async keepLastMonth(now: Date): Promise<void> {
    const thisMonth = chinaDayOf(now).slice(0, 7);
    for (const period of [monthPeriod(thisMonth, 1), monthPeriod(thisMonth, 13)]) {
      if (isOver(period, now) && !this.stillSettling(period.label, now) && !(await this.isKept(period.label))) await this.countAndKeep(period, now);
    }
  }

  /** Every unit's counts for an ended month, from the raw rows; kept once the month has settled. */
  private async countAndKeep(period: Period, now: Date): Promise<PeriodCounts> {
    // Read before counting: a row that commits while we count has a higher id, and is checked next time.
    const checkedThroughEventId = await this.lastEventId();
    const { counts, lastContactDueAt } = await this.reports.allUnitsCounts(period, now);
    const settlesAt = lastContactDueAt && lastContactDueAt > period.end ? lastContactDueAt : period.end;
    if (now.getTime() >= settlesAt.getTime() + SETTLE_MARGIN_MS) await this.keep(period.label, counts, { checkedThroughEventId, settlesAt, countedAt: now });
    else this.settling.set(period.label, settlesAt);
    return counts;
  }

  private stillSettling(month: string, now: Date): boolean {
    const settlesAt = this.settling.get(month);
    return settlesAt !== undefined && now.getTime() < settlesAt.getTime() + SETTLE_MARGIN_MS;
  }

  /** Whether the month is kept by these rules and no timeline row that could change it has appeared since. */
  private async isKept(month: string): Promise<boolean> {
    const stored = await this.dataSource.getRepository(RankingMonth).findOneBy({ month });
    if (!stored || stored.rulesKey !== RULES_KEY) return false;
    const late = await this.dataSource
      .getRepository(RequestEvent)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.id > :checked AND e.createdAt < :settlesAt', { checked: stored.checkedThroughEventId, settlesAt: stored.settlesAt })
      .orderBy('e.id')
      .limit(1)
      .getRawOne();
    if (late) return false;
    // Later rows were checked: the next check starts after them.
    const last = await this.lastEventId();
    if (last > stored.checkedThroughEventId) await this.dataSource.getRepository(RankingMonth).update({ month }, { checkedThroughEventId: last });
    return true;
  }

  private async read(month: string): Promise<PeriodCounts> {
    // Raw rows: a county's 5,000+ need no entities.
    const rows = await this.dataSource
      .getRepository(RankingMonthCount)
      .createQueryBuilder('c')
      .select(['c.unitId AS unitId', ...RANKING_COUNTS.map((f) => `c.${f} AS ${f}`)])
      .where('c.month = :month', { month })
      .getRawMany<Record<string, number | string>>();
    return countsFromRows(rows);
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

/** Over, and an hour past: a step taken just before has committed (see SETTLE_MARGIN_MS). */
function isOver(period: Period, now: Date): boolean {
  return now.getTime() >= period.end.getTime() + SETTLE_MARGIN_MS;
}

function rowsOf(month: string, counts: PeriodCounts): RankingMonthCount[] {
  const byUnit = new Map<number, RankingMonthCount>();
  for (const figure of RANKING_COUNTS) {
    for (const [unitId, n] of counts[figure]) {
      let row = byUnit.get(unitId);
      if (!row) {
        row = Object.assign(new RankingMonthCount(), { month, unitId }, zeroCounts());
        byUnit.set(unitId, row);
      }
      row[figure] = n;
    }
  }
  return [...byUnit.values()];
}
