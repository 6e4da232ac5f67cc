import { Injectable } from '@nestjs/common';
import { pathIdAt, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { Actor } from '../auth/actor';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { CountByKeyDto, DailyBulletinDto } from './dtos/daily-bulletin.dto';
import { ReportRepository } from './report.repository';

const CHINA_OFFSET_MS = 8 * 3600_000;
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
    const start = new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
    if (Number.isNaN(start.getTime()) || new Date(start.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10) !== day) throw new AppError(ErrorCode.ValidationFailed, 'day', '日期格式应为 2026-10-20');
    const end = new Date(start.getTime() + 24 * 3600_000);
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
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
