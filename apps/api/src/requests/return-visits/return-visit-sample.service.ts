import { Inject, Injectable } from '@nestjs/common';
import {
  drawWeeklySample,
  pathIdAt,
  ratingAgreement,
  returnVisitRulesForTown,
  sampledWeekAt,
  weekStarting,
  DEFAULT_RETURN_VISIT_RULES,
  type Rating,
  type SampledVisit,
  type SampleWeek,
} from '@gridloop/domain';
import { DataSource, In } from 'typeorm';
import { spanCondition } from '../../access/span-where';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RequestEntity } from '../request.entity';
import { RequestsService } from '../requests.service';
import { ReturnVisit } from './return-visit.entity';
import { RatingAgreementDto, ReturnVisitSampleDto } from './return-visit.dto';

/** A matter closed in the week, with the unit that handled it and that unit's place. */
interface ClosedRow {
  requestId: number;
  unitId: number;
  path: string;
}

/**
 * 回访抽查: the weekly sample drawn from the matters closed (关闭, 回看并关闭) in the week before,
 * per town (return-visit-sample.ts), as a queue; and the rating agreement of the sampled visits
 * per unit (rating-agreement.ts), for town leaders.
 */
@Injectable()
export class ReturnVisitSampleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: RequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The sample of `week` (default: the week before this one) within the caller's span: what is still to be visited. */
  async sample(actor: Actor, week: string | undefined, now: Date): Promise<ReturnVisitSampleDto> {
    const range = weekOf(week, now);
    const drawn = await this.drawn(actor.spanFor('request.lookBack'), range);
    const visited = await this.visitedSince(
      drawn.map((d) => d.requestId),
      range.end,
    );
    const waiting = drawn.filter((d) => !visited.has(d.requestId)).map((d) => d.requestId);
    const requests =
      waiting.length === 0
        ? []
        : await this.dataSource
            .getRepository(RequestEntity)
            .find({ where: { id: In(waiting) }, relations: { unit: true, handlerUnit: true }, order: { id: 'ASC' } });
    return {
      week: range.week,
      start: range.start,
      end: range.end,
      drawn: drawn.length,
      visited: drawn.length - waiting.length,
      items: await this.service.listItems(actor, requests, now),
    };
  }

  /** Per unit, over the sampled weeks up to the one sampled at `now` (`weeks` of them): in-app verdicts against what the visits heard. */
  async agreement(actor: Actor, weeks: number, now: Date): Promise<RatingAgreementDto> {
    const span = actor.spanFor('reports.ratingAgreement');
    const last = sampledWeekAt(now);
    const visits: (SampledVisit & { townId: number })[] = [];
    for (let i = weeks - 1; i >= 0; i--) {
      const range = weekStarting(new Date(last.start.getTime() - i * 7 * 86_400_000 + 12 * 3600_000).toISOString().slice(0, 10));
      const drawn = await this.drawn(span, range);
      const first = await this.firstVisitsSince(
        drawn.map((d) => d.requestId),
        range.end,
      );
      for (const d of drawn) {
        const visit = first.get(d.requestId);
        if (visit) visits.push({ unitId: d.unitId, appRating: visit.appRating, heard: visit.heard, townId: pathIdAt(d.path, 1)! });
      }
    }
    const codes = await this.townCodes([...new Set(visits.map((v) => v.townId))]);
    const rows = [...new Set(visits.map((v) => v.townId))].flatMap((townId) =>
      ratingAgreement(
        visits.filter((v) => v.townId === townId),
        this.rulesFor(codes.get(townId) ?? null),
      ),
    );
    const names = await this.unitNames(rows.map((r) => r.unitId));
    return {
      from: new Date(last.start.getTime() - (weeks - 1) * 7 * 86_400_000),
      to: last.end,
      units: rows.map((row) => ({ ...row, unitName: names.get(row.unitId) ?? '' })),
    };
  }

  /** The matters drawn for `range`: each town's closes in the week within `span`, sampled per handling unit. */
  private async drawn(span: readonly string[], range: SampleWeek): Promise<ClosedRow[]> {
    const inSpan = spanCondition('hu.path', span, 'span');
    const rows: { requestId: number | string; unitId: number | string; path: string }[] = await this.dataSource
      .createQueryBuilder()
      .select(['e.requestId AS "requestId"', 'e.handlerUnitId AS "unitId"', 'hu.path AS "path"'])
      .from('request_event', 'e')
      .innerJoin('org_unit', 'hu', 'hu.id = e.handlerUnitId')
      .where("e.action IN ('close', 'lookBackClose') AND e.createdAt >= :start AND e.createdAt < :end", { start: range.start, end: range.end })
      .andWhere(inSpan.sql, inSpan.params)
      .getRawMany();
    // A matter closed twice in the week counts once, with the unit of its last close.
    const byRequest = new Map<number, ClosedRow>();
    for (const row of rows) byRequest.set(Number(row.requestId), { requestId: Number(row.requestId), unitId: Number(row.unitId), path: row.path });
    const closed = [...byRequest.values()];
    const towns = [...new Set(closed.map((c) => pathIdAt(c.path, 1)!))];
    const codes = await this.townCodes(towns);
    const drawn = new Set<number>();
    for (const townId of towns) {
      const code = codes.get(townId) ?? null;
      const inTown = closed.filter((c) => pathIdAt(c.path, 1) === townId);
      // The seed is the town's code (its id for a town without one), so a week's draw never changes.
      for (const id of drawWeeklySample(inTown, code ?? String(townId), range.week, this.rulesFor(code).sampleShare)) drawn.add(id);
    }
    return closed.filter((c) => drawn.has(c.requestId)).sort((a, b) => a.requestId - b.requestId);
  }

  /** The town's RETURN_VISIT_RULES (the default for a town without a code or an entry of its own). */
  private rulesFor(townCode: string | null) {
    return returnVisitRulesForTown(this.config.clocks.returnVisits ?? { default: DEFAULT_RETURN_VISIT_RULES, towns: {} }, townCode);
  }

  private async visitedSince(requestIds: readonly number[], since: Date): Promise<Set<number>> {
    return new Set((await this.firstVisitsSince(requestIds, since)).keys());
  }

  /** Each matter's first return visit at or after `since` (the sample's visit). */
  private async firstVisitsSince(requestIds: readonly number[], since: Date): Promise<Map<number, { appRating: Rating | null; heard: Rating | null }>> {
    const first = new Map<number, { appRating: Rating | null; heard: Rating | null }>();
    if (requestIds.length === 0) return first;
    const rows = await this.dataSource
      .getRepository(ReturnVisit)
      .createQueryBuilder('v')
      .where('v.requestId IN (:...requestIds) AND v.createdAt >= :since', { requestIds, since })
      .orderBy('v.createdAt', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .getMany();
    for (const row of rows) if (!first.has(row.requestId)) first.set(row.requestId, { appRating: row.appRating, heard: row.heard });
    return first;
  }

  private async townCodes(townIds: readonly number[]): Promise<Map<number, string | null>> {
    if (townIds.length === 0) return new Map();
    const rows: { id: number | string; code: string | null }[] = await this.dataSource
      .createQueryBuilder()
      .select(['t.id AS "id"', 't.code AS "code"'])
      .from('org_unit', 't')
      .where('t.id IN (:...townIds)', { townIds })
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.id), row.code]));
  }

  private async unitNames(unitIds: readonly number[]): Promise<Map<number, string>> {
    if (unitIds.length === 0) return new Map();
    const rows: { id: number | string; name: string }[] = await this.dataSource
      .createQueryBuilder()
      .select(['u.id AS "id"', 'u.name AS "name"'])
      .from('org_unit', 'u')
      .where('u.id IN (:...unitIds)', { unitIds })
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.id), row.name]));
  }
}

function weekOf(week: string | undefined, now: Date): SampleWeek {
  if (week === undefined) return sampledWeekAt(now);
  try {
    return weekStarting(week);
  } catch {
    throw new AppError(ErrorCode.ValidationFailed, 'week', '请选择一周（从星期一开始的日期）');
  }
}
