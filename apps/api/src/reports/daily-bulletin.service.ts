import { Injectable } from '@nestjs/common';
import { pathIdAt, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { Actor } from '../auth/actor';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { CountByKeyDto, DailyBulletinDto } from './dtos/daily-bulletin.dto';
import { notify } from '../notifications/notification-writer';
import { rungPeople } from '../notifications/recipients';
import { ReportDispatch } from './report-dispatch.entity';
import { ReportRepository } from './report.repository';

const CHINA_OFFSET_MS = 8 * 3600_000;
/** 07:30 China time: the bulletin of the day before goes out. */
const PUSH_AT_MINUTES = 7 * 60 + 30;
const SOURCE_LABELS: Record<string, string> = { villager: '群众反映', patrol: '未诉先办', hotline_12345: '12345热线', staff: '热线办代录', proxy: '网格代办' };

/** 受理情况一天一通报: a town's day, counted from the timeline by the same rules as the ranking. */
@Injectable()
export class DailyBulletinService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  async bulletin(actor: Actor, townId: number, day: string): Promise<DailyBulletinDto> {
    const { start } = dayBounds(day);
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    return this.forTown(town, day, start);
  }

  /**
   * Each morning from 07:30 China time, yesterday's bulletin goes to every town's leaders and
   * hotline office as a message, once: the `report_dispatch` row is written with the messages, and
   * its unique key lets only one of several API instances do it.
   */
  async pushDue(now: Date): Promise<number> {
    const china = new Date(now.getTime() + CHINA_OFFSET_MS);
    if (china.getUTCHours() * 60 + china.getUTCMinutes() < PUSH_AT_MINUTES) return 0;
    const day = new Date(china.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const towns = await this.dataSource.getRepository(OrgUnit).findBy({ kind: 'town' });
    const done = new Set((await this.dataSource.getRepository(ReportDispatch).findBy({ kind: 'daily', period: day })).map((d) => d.townUnitId));
    let pushed = 0;
    for (const town of towns.filter((t) => !done.has(t.id))) {
      const report = await this.forTown(town, day, dayBounds(day).start);
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

  private async forTown(town: OrgUnit, day: string, start: Date): Promise<DailyBulletinDto> {
    const end = new Date(start.getTime() + 24 * 3600_000);
    const [received, contacts, resolved, open] = await Promise.all([
      this.reports.receivedIn(town.path, start, end),
      this.reports.firstContactsIn(town.path, start, end),
      this.reports.resolvedIn(town.path, start, end),
      this.reports.openAt(town.path, end),
    ]);
    const villages = new Map((await this.dataSource.getRepository(OrgUnit).findBy({ parentId: town.id, kind: 'village' })).map((v) => [v.id, v.name]));
    const overdue = open
      .map((row) => {
        const clock = row.toState === 'submitted' ? 'contact' : 'completion';
        const due = clock === 'contact' ? row.contactDueAt : row.completionDueAt;
        return { requestId: Number(row.requestId), unitName: row.unitName, clock, dueAt: due === null ? null : asDate(due) };
      })
      .filter((row): row is { requestId: number; unitName: string; clock: string; dueAt: Date } => row.dueAt !== null && row.dueAt < end);
    return {
      day,
      received: received.length,
      bySource: tally(received.map((r) => r.source), (key) => SOURCE_LABELS[key] ?? key),
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
function dayBounds(day: string): { start: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
  if (Number.isNaN(start.getTime()) || new Date(start.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10) !== day) throw new AppError(ErrorCode.ValidationFailed, 'day', '日期格式应为 2026-10-20');
  return { start };
}

/** Counts by key, most first (then by key). */
function tally(keys: readonly string[], label: (key: string) => string): CountByKeyDto[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** SQLite hands raw datetimes back as UTC text, MySQL as Date. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
