import { Inject, Injectable } from '@nestjs/common';
import {
  hasFigures,
  publicListing,
  rankOnBoard,
  RATING_HEARTS,
  relativeChange,
  REQUEST_STATE_LABELS,
  unitRates,
  type BoardPlace,
  type RateWeights,
  type UnitRates,
  type UnitTally,
} from '@gridloop/domain';
import { DataSource, In } from 'typeorm';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../common/clock';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import type { Actor } from '../auth/actor';
import { RequestEntity } from '../requests/request.entity';
import { RequestRepository } from '../requests/request.repository';
import { FigureRequestsDto, RANKING_LEVELS, RankingDto, RankingRowDto, UnitHistoryDto, type RankingLevel } from './dtos/ranking.dto';
import { ExclusionRegisterDto } from './dtos/exclusions.dto';
import { ExclusionRegisterService } from './exclusion-register.service';
import { RankingStore } from './ranking-store';
import { monthPeriod, type Period } from './report-period';
import { RANKING_FIGURES, ReportRepository, zeroCounts, type PeriodCounts, type RankingFigure, type UnitUnder } from './report.repository';

/** A board covers one town, or the whole county (its units of a level ranked together). */
const BOARD_SCOPES = ['town', 'county'];

/**
 * The monthly ranking (办理成绩一月一晾晒): every unit of a level in a town, its counts for the
 * month rolled up from the units under it, the rates and composite (packages/domain, rates.ts),
 * ranked, with the composite's month-on-month and year-on-year change.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly store: RankingStore,
    private readonly exclusions: ExclusionRegisterService,
    private readonly requestsRead: RequestRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async monthlyRanking(townId: number, month: string, level: RankingLevel): Promise<RankingDto> {
    const town = await this.boardTown(townId);
    const period = monthPeriod(month);
    const now = this.clock.now();
    // Independent reads, sent together: the units, the three months' counts, the grid leaders.
    const counted = (p: Period) => this.store.periodCounts(town.path, p, now);
    const [units, current, monthBefore, yearBefore, leaders] = await Promise.all([
      this.reports.unitsUnder(town.path),
      counted(period),
      counted(monthPeriod(month, 1)),
      counted(monthPeriod(month, 12)),
      level === 'small_grid' ? this.leaderNames(town.path) : Promise.resolve(new Map<number, string>()),
    ]);
    const board = new Board(units, level, this.config.reportWeights, this.config.rankingMinReceived);
    const compositesBefore = board.composites(monthBefore);
    const compositesLastYear = board.composites(yearBefore);
    return {
      month: period.label,
      level,
      minReceived: this.config.rankingMinReceived,
      rows: board.ranked(current).map(({ unit, tally, rates, place }): RankingRowDto => ({
        ...place,
        unitId: unit.id,
        unitName: unit.name,
        leaderName: leaders.get(unit.id) ?? null,
        ...tally,
        ...rates,
        compositeMonthOnMonth: relativeChange(rates.composite, compositesBefore.get(unit.id)!),
        compositeYearOnYear: relativeChange(rates.composite, compositesLastYear.get(unit.id)!),
      })),
    };
  }

  /**
   * One unit's last `months` months up to `month` (oldest first), each as on that month's board:
   * its rank among the town's units of its level, composite, hearts and counts. For 我的网格成绩's
   * trend; ended months come from the kept counts, so this reads one count per month.
   */
  async unitHistory(townId: number, unitId: number, month: string, months: number): Promise<UnitHistoryDto> {
    const town = await this.boardTown(townId);
    const now = this.clock.now();
    const periods = Array.from({ length: months }, (_, i) => monthPeriod(month, months - 1 - i));
    const [units, ...counts] = await Promise.all([this.reports.unitsUnder(town.path), ...periods.map((p) => this.store.periodCounts(town.path, p, now))]);
    const unit = units.find((u) => u.id === unitId);
    if (!unit || !(RANKING_LEVELS as readonly string[]).includes(unit.kind)) throw new AppError(ErrorCode.NotFound, 'unitId');
    const board = new Board(units, unit.kind as RankingLevel, this.config.reportWeights, this.config.rankingMinReceived);
    return {
      unitId,
      unitName: unit.name,
      level: unit.kind,
      minReceived: this.config.rankingMinReceived,
      months: periods.map((period, i) => {
        const ranked = board.ranked(counts[i]!);
        const mine = ranked.find((row) => row.unit.id === unitId)!;
        return {
          month: period.label,
          ...mine.place,
          rankedCount: ranked.filter((row) => row.place.rank !== null).length,
          composite: mine.rates.composite,
          satisfactionRate: mine.rates.satisfactionRate,
          hearts: mine.tally.hearts,
          received: mine.tally.received,
          resolved: mine.tally.resolved,
          patrolFound: mine.tally.patrolFound,
        };
      }),
    };
  }

  /** A town's (or the county's) board; anything else is NOT_FOUND on townId. */
  private async boardTown(townId: number): Promise<OrgUnit> {
    const town = await this.dataSource.getRepository(OrgUnit).findOneBy({ id: townId });
    if (!town || !BOARD_SCOPES.includes(town.kind)) throw new AppError(ErrorCode.NotFound, 'townId');
    return town;
  }

  /**
   * 一数一查: the requests behind one figure of one unit on the board, so anyone can check the
   * number. A confidential matter is counted, never listed (publicListing).
   */
  async figureRequests(townId: number, month: string, unitId: number, figure: RankingFigure, caller: Actor | null): Promise<FigureRequestsDto> {
    const unit = await this.unitOnBoard(townId, unitId);
    const rows = await this.reports.figureRows(figure, unit.path, monthPeriod(month), this.clock.now());
    const requests = rows.length === 0 ? [] : await this.dataSource.getRepository(RequestEntity).findBy({ id: In([...new Set(rows.map((r) => r.requestId))]) });
    const byId = new Map(requests.map((r) => [r.id, r]));
    const behind = rows.map(({ requestId, at }) => {
      const request = byId.get(requestId)!;
      return { requestId, at, request, confidential: request.confidential };
    });
    const { listed, confidentialCount } = publicListing(behind);
    // A signed-in caller is told which listed matters they may open (the same test as reading one); the public, none.
    const openable = caller
      ? await this.requestsRead.visibleAmong([...new Set(listed.map((l) => l.requestId))], caller.personId, caller.spanFor('request.view'))
      : new Set<number>();
    return {
      figure,
      unitName: unit.name,
      count: rows.length,
      confidentialCount,
      requests: listed.map(({ requestId, at, request }) => ({
        requestId,
        category: request.category,
        stateLabel: REQUEST_STATE_LABELS[request.state],
        receivedAt: request.createdAt,
        countedAt: at,
        openable: openable.has(requestId),
      })),
    };
  }

  /** The exclusion register of one row of the board for the month (ExclusionRegisterService). */
  async exclusionRegister(townId: number, month: string, unitId: number, caller: Actor | null): Promise<ExclusionRegisterDto> {
    const unit = await this.unitOnBoard(townId, unitId);
    return this.exclusions.register(unit, monthPeriod(month), this.clock.now(), caller);
  }

  /** A unit of the board's town (or county); anything else is NOT_FOUND on unitId. */
  private async unitOnBoard(townId: number, unitId: number): Promise<OrgUnit> {
    const town = await this.boardTown(townId);
    const unit = await this.dataSource.getRepository(OrgUnit).findOneBy({ id: unitId });
    if (!unit || !unit.path.startsWith(town.path)) throw new AppError(ErrorCode.NotFound, 'unitId');
    return unit;
  }

  /** The current grid leader (网格巷长) of each small grid at or under `path`. */
  private async leaderNames(path: string): Promise<Map<number, string>> {
    const rows: { unitId: number | string; name: string }[] = await this.dataSource
      .createQueryBuilder()
      .select('ra.unitId', 'unitId')
      .addSelect('p.name', 'name')
      .from('role_assignment', 'ra')
      .innerJoin('person', 'p', 'p.id = ra.personId')
      .innerJoin('org_unit', 'u', 'u.id = ra.unitId')
      .where("ra.role = 'grid_leader' AND ra.endedAt IS NULL AND u.path LIKE :path", { path: `${path}%` })
      .orderBy('ra.id', 'ASC')
      .getRawMany();
    const names = new Map<number, string>();
    for (const row of rows) if (!names.has(Number(row.unitId))) names.set(Number(row.unitId), row.name);
    return names;
  }
}

/** The units of one level on a board, ranked by composite for any month's counts. */
class Board {
  private readonly shown: UnitUnder[];
  private readonly paths: Map<number, string>;

  constructor(
    units: readonly UnitUnder[],
    level: RankingLevel,
    private readonly weights: RateWeights,
    private readonly minReceived: number,
  ) {
    this.paths = new Map(units.map((u) => [u.id, u.path]));
    this.shown = units.filter((u) => u.kind === level).sort((a, b) => a.id - b.id);
  }

  /** Each unit's tally and rates for the counts, placed by the board's rule (rankOnBoard: equal shown scores tied; too few matters or no data, no rank). */
  ranked(counts: PeriodCounts): { unit: UnitUnder; tally: UnitTally; rates: UnitRates; place: BoardPlace }[] {
    const tallies = rollUp(counts, this.shown, this.paths);
    const rows = this.shown.map((unit) => ({ unit, tally: tallies.get(unit.id)!, rates: unitRates(tallies.get(unit.id)!, this.weights) }));
    return rankOnBoard(
      rows,
      // hasFigures: a unit holding only overdue matters dispatched to it earlier is shown with them, not as 无数据.
      (row) => ({ composite: row.rates.composite, received: row.tally.received, active: hasFigures(row.tally) }),
      this.minReceived,
    ).map(({ row, rank, tied, unrankedReason }) => ({ ...row, place: { rank, tied, unrankedReason } }));
  }

  /** Each unit's composite alone (for 环比 and 同比). */
  composites(counts: PeriodCounts): Map<number, number | null> {
    const tallies = rollUp(counts, this.shown, this.paths);
    return new Map(this.shown.map((unit) => [unit.id, unitRates(tallies.get(unit.id)!, this.weights).composite]));
  }
}

/**
 * Each shown unit's tally: the counts of every handling unit at or under it (whose path starts with
 * its path). Each handling unit's counts go to the shown units among its path's prefixes, found
 * once per handling unit, so the work grows with the units counted, not with shown × counted (a
 * county has 5,000+ small grids).
 */
export function rollUp(counts: PeriodCounts, shown: readonly UnitUnder[], paths: ReadonlyMap<number, string>): Map<number, UnitTally> {
  const byPath = new Map(shown.map((unit) => [unit.path, zeroCounts()]));
  const targets = new Map<number, Record<RankingFigure, number>[]>();
  const targetsOf = (unitId: number) => {
    let found = targets.get(unitId);
    if (!found) {
      found = pathPrefixes(paths.get(unitId) ?? '').flatMap((prefix) => byPath.get(prefix) ?? []);
      targets.set(unitId, found);
    }
    return found;
  };
  for (const figure of RANKING_FIGURES) {
    for (const [unitId, n] of counts[figure]) for (const tally of targetsOf(unitId)) tally[figure] += n;
  }
  return new Map(shown.map((unit) => [unit.id, withHearts(byPath.get(unit.path)!)]));
}

/** "/1/4/17/" → "/1/", "/1/4/", "/1/4/17/": the paths a unit's path starts with (every path ends in "/"). */
function pathPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) prefixes.push(path.slice(0, i + 1));
  return prefixes;
}

function withHearts(counts: Record<RankingFigure, number>): UnitTally {
  return { ...counts, hearts: counts.satisfied * RATING_HEARTS.satisfied + counts.basicallySatisfied * RATING_HEARTS.basically_satisfied };
}
