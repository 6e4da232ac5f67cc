import { Injectable } from '@nestjs/common';
import { chinaDayOf, chinaDayRange, chinaMinuteOfDay, pathIdAt, REQUEST_CATEGORY_LABELS, REQUEST_SOURCE_LABELS, runningClock, type RequestCategory, type RequestSource } from '@gridloop/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { rawDate } from '../common/raw-date';
import { Actor } from '../auth/actor';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { CountByKeyDto, DailyBulletinDto } from './dtos/daily-bulletin.dto';
import { notify } from '../notifications/notification-writer';
import { rungPeople } from '../notifications/recipients';
import { ReportDispatch } from './report-dispatch.entity';
import { ReportRepository } from './report.repository';

/** 07:30 China time: the bulletin of the day before goes out. */
const PUSH_AT_MINUTES = 7 * 60 + 30;

/** 受理情况一天一通报: a town's day, counted from the timeline by the same rules as the ranking. */
@Injectable()
export class DailyBulletinService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  async bulletin(actor: Actor, townId: number, day: string): Promise<DailyBulletinDto> {
    const range = dayBounds(day);
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    return this.forTown(town, day, range);
  }

  /**
   * Each morning from 07:30 China time, yesterday's bulletin goes to every town's leaders and
   * hotline office as a message, once: the `report_dispatch` row is written with the messages, and
   * its unique key lets only one of several API instances do it.
   */
  async pushDue(now: Date): Promise<number> {
    if (chinaMinuteOfDay(now) < PUSH_AT_MINUTES) return 0;
    const day = chinaDayOf(new Date(now.getTime() - 24 * 3600_000));
    const towns = await this.dataSource.getRepository(OrgUnit).findBy({ kind: 'town' });
    const done = new Set((await this.dataSource.getRepository(ReportDispatch).findBy({ kind: 'daily', period: day })).map((d) => d.townUnitId));
    let pushed = 0;
    for (const town of towns.filter((t) => !done.has(t.id))) {
      const report = await this.forTown(town, day, dayBounds(day));
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.insert(ReportDispatch, { townUnitId: town.id, kind: 'daily', period: day, sentAt: now });
          // The same people as the top rungs of the escalation ladder: the town's hotline office and leaders.
          const people = [...(await rungPeople(manager, 'hotline_staff', { handlerUnitId: town.id }, town.path)), ...(await rungPeople(manager, 'town_leader', { handlerUnitId: town.id }, town.path))];
          const body = `${town.name}${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日：受理${report.received}件，按时联系${report.contactsOnTime}件，办结${report.resolved}件，超期未办结${report.overdue.length}件`;
          await notify(manager, people, { kind: 'daily_bulletin', requestId: null, body }, now);
        });
        pushed++;
      } catch (error) {
        // Another instance sent this town's bulletin first (the unique key): nothing to do.
        if (!(error instanceof QueryFailedError)) throw error;
      }
    }
    return pushed;
  }

  private async forTown(town: OrgUnit, day: string, { start, end }: { start: Date; end: Date }): Promise<DailyBulletinDto> {
    const [received, contacts, resolved, open] = await Promise.all([
      this.reports.receivedIn(town.path, start, end),
      this.reports.firstContactsIn(town.path, start, end),
      this.reports.resolvedIn(town.path, start, end),
      this.reports.openAt(town.path, end),
    ]);
    const villages = new Map((await this.dataSource.getRepository(OrgUnit).findBy({ parentId: town.id, kind: 'village' })).map((v) => [v.id, v.name]));
    const overdue = open
      .flatMap((row) => {
        const running = runningClock({ state: row.toState, contactDueAt: rawDate(row.contactDueAt), completionDueAt: row.completionDueAt === null ? null : rawDate(row.completionDueAt) });
        return running && running.dueAt < end ? [{ requestId: Number(row.requestId), unitName: row.unitName, clock: running.clock, dueAt: running.dueAt }] : [];
      });
    return {
      day,
      received: received.length,
      bySource: tally(received.map((r) => r.source), (key) => REQUEST_SOURCE_LABELS[key as RequestSource] ?? key),
      byVillage: tally(received.map((r) => String(pathIdAt(r.unitPath, 2) ?? 0)), (key) => villages.get(Number(key)) ?? '镇直'),
      byCategory: tally(received.map((r) => r.category), (key) => REQUEST_CATEGORY_LABELS[key as RequestCategory] ?? key),
      contactsOnTime: contacts.onTime,
      contactsLate: contacts.late,
      resolved,
      open: open.length,
      overdue,
    };
  }
}

/** The day's instants [start, end) in China time; refuses what is not a date. */
function dayBounds(day: string): { start: Date; end: Date } {
  try {
    return chinaDayRange(day);
  } catch {
    throw new AppError(ErrorCode.ValidationFailed, 'day', '日期格式应为 2026-10-20');
  }
}

/** Counts by key, most first (then by key). */
function tally(keys: readonly string[], label: (key: string) => string): CountByKeyDto[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
