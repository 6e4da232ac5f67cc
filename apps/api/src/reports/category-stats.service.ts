import { Injectable } from '@nestjs/common';
import { relativeChange, REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS } from '@gridloop/domain';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { CategoryStatsDto } from './dtos/category-stats.dto';
import { monthPeriod } from './report-period';
import { ReportRepository } from './report.repository';

/** Months by category, against the same months a year before (同比). */
@Injectable()
export class CategoryStatsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  async stats(actor: Actor, townId: number, from: string, to: string): Promise<CategoryStatsDto> {
    const first = monthPeriod(from, 0, 'from');
    const last = monthPeriod(to, 0, 'to');
    if (last.start < first.start) throw new AppError(ErrorCode.ValidationFailed, 'to', '结束月份应不早于开始月份');
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    const before = { start: monthPeriod(from, 12).start, end: monthPeriod(to, 12).end };
    const [received, receivedBefore, resolved, resolvedBefore] = await Promise.all([
      this.reports.byCategory(town.path, 'submit', first.start, last.end),
      this.reports.byCategory(town.path, 'submit', before.start, before.end),
      this.reports.byCategory(town.path, 'resolve', first.start, last.end),
      this.reports.byCategory(town.path, 'resolve', before.start, before.end),
    ]);
    return {
      from: first.label,
      to: last.label,
      categories: REQUEST_CATEGORIES.map((category) => {
        const now = { received: received.get(category) ?? 0, resolved: resolved.get(category) ?? 0 };
        const then = { received: receivedBefore.get(category) ?? 0, resolved: resolvedBefore.get(category) ?? 0 };
        return {
          category,
          label: REQUEST_CATEGORY_LABELS[category],
          received: now.received,
          receivedLastYear: then.received,
          receivedYearOnYear: relativeChange(now.received, then.received),
          resolved: now.resolved,
          resolvedLastYear: then.resolved,
          resolvedYearOnYear: relativeChange(now.resolved, then.resolved),
        };
      }),
    };
  }
}
