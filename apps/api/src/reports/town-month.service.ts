import { Inject, Injectable } from '@nestjs/common';
import { chinaDayOf, unitRates } from '@gridloop/domain';
import type { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { TownMonthDto } from './dtos/town-month.dto';
import { RankingStore } from './ranking-store';
import { monthPeriod } from './report-period';
import { ReportRepository } from './report.repository';
import { rollUp } from './reports.service';

/**
 * A town's month so far in four figures (受理, 办结, 超期, 满意率), for its leaders' home: the
 * board's own counts (RankingStore) rolled up to the town as the board rolls up any unit (rollUp),
 * and its rate from the domain's unitRates: no second formula.
 */
@Injectable()
export class TownMonthService {
  constructor(
    private readonly units: OrgUnitRepository,
    private readonly reports: ReportRepository,
    private readonly store: RankingStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async townMonth(actor: Actor, townId: number, now: Date): Promise<TownMonthDto> {
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    const period = monthPeriod(chinaDayOf(now).slice(0, 7));
    const [units, counts] = await Promise.all([this.reports.unitsUnder(town.path), this.store.periodCounts(town.path, period, now)]);
    const shown = { id: town.id, path: town.path, kind: town.kind, name: town.name };
    const tally = rollUp(counts, [shown], new Map(units.map((u) => [u.id, u.path]))).get(town.id)!;
    return {
      townName: town.name,
      month: period.label,
      received: tally.received,
      resolved: tally.resolved,
      openOverdue: tally.openOverdue,
      satisfactionRate: unitRates(tally, this.config.reportWeights).satisfactionRate,
    };
  }
}
