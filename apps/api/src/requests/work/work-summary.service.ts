import { Inject, Injectable } from '@nestjs/common';
import { HANDLER_ROLES, pathIdAt, rulesForTown, urgencyAt, WORKING_STATES, type ClockFacts } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../../auth/actor';
import { rawDate } from '../../common/raw-date';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RequestQueuesService } from '../request-queues.service';
import { intakeByDay, type IntakeByDay } from './intake-30d';
import { todayCounts } from './today-counts';
import { WorkSummaryDto } from './work-summary.dto';

interface HandledRow {
  state: string;
  contactDueAt: Date | string;
  completionDueAt: Date | string | null;
  cityDueAt: Date | string | null;
  townCode: string | null;
}

/** The home page's counts: the caller's own work first, then the office queues their roles reach. */
@Injectable()
export class WorkSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: RequestQueuesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async summary(actor: Actor, now: Date): Promise<WorkSummaryDto> {
    const handlerUnits = [...new Set(actor.held.filter((h) => HANDLER_ROLES.includes(h.role)).map((h) => h.unitId))];
    // The queues are the very lists the tiles open (a count reads the same query, unsorted), so a count and its list cannot disagree.
    const viewSpan = actor.spanFor('request.view');
    const [handled, dispatch, lookBack, supervision, today] = await Promise.all([
      handlerUnits.length > 0 ? this.handledBy(handlerUnits) : null,
      actor.spanFor('routing.manage').length > 0 ? this.queues.dispatchCount(actor) : null,
      actor.spanFor('request.lookBack').length > 0 ? this.queues.lookBackCount(actor, now) : null,
      actor.spanFor('request.lookBack').length > 0 ? this.queues.overdueCount(actor, now) : null,
      viewSpan.length > 0 ? todayCounts(this.dataSource, viewSpan, now) : null,
    ]);
    const urgencies = handled?.map((row) => urgencyAt(clockFacts(row), now, rulesForTown(this.config.clocks.rules, row.townCode)));
    return {
      handling: handled?.length ?? null,
      dueSoon: urgencies ? urgencies.filter((u) => u === 'due_soon').length : null,
      overdue: urgencies ? urgencies.filter((u) => u === 'overdue').length : null,
      dispatch,
      lookBack,
      supervision,
      dueToday: today?.dueToday ?? null,
      receivedToday: today?.receivedToday ?? null,
    };
  }

  /** 工作台's chart: the last 30 China days' intake by source, over what the caller may see. */
  intake(actor: Actor, now: Date): Promise<IntakeByDay> {
    return intakeByDay(this.dataSource, actor.spanFor('request.view'), now);
  }

  /** The clocks of the matters being worked on by `units` (the inbox's matters), with each one's town for its clock rules. */
  private async handledBy(units: readonly number[]): Promise<HandledRow[]> {
    const rows: (HandledRow & { path: string })[] = await this.dataSource
      .createQueryBuilder()
      .select(['r.state AS state', 'r.contactDueAt AS contactDueAt', 'r.completionDueAt AS completionDueAt', 'r.cityDueAt AS cityDueAt', 'u.path AS path'])
      .from('request', 'r')
      .innerJoin('org_unit', 'u', 'u.id = r.unitId')
      .where('r.handlerUnitId IN (:...units) AND r.state IN (:...states)', { units, states: WORKING_STATES })
      .getRawMany();
    const towns = await this.townCodes(rows.map((row) => pathIdAt(row.path, 1)));
    return rows.map((row) => ({ ...row, townCode: towns.get(pathIdAt(row.path, 1) ?? -1) ?? null }));
  }

  private async townCodes(ids: readonly (number | null)[]): Promise<Map<number, string | null>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows: { id: number | string; code: string | null }[] = await this.dataSource
      .createQueryBuilder()
      .select(['o.id AS id', 'o.code AS code'])
      .from('org_unit', 'o')
      .where('o.id IN (:...wanted)', { wanted })
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.id), row.code]));
  }
}

function clockFacts(row: HandledRow): ClockFacts {
  return {
    state: row.state,
    contactDueAt: rawDate(row.contactDueAt),
    completionDueAt: row.completionDueAt === null ? null : rawDate(row.completionDueAt),
    cityDueAt: row.cityDueAt === null ? null : rawDate(row.cityDueAt),
  };
}
