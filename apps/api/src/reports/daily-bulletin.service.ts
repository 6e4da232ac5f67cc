import { Injectable } from '@nestjs/common';
import {
  chinaDayRange,
  clockLeftBy,
  judgedAt,
  pathIdAt,
  REQUEST_CATEGORY_LABELS,
  REQUEST_SOURCE_LABELS,
  REQUEST_STATE_LABELS,
  type RequestCategory,
  type RequestSource,
} from '@gridloop/domain';
import { DataSource, In } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { rawDate } from '../common/raw-date';
import { Actor } from '../auth/actor';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { CountByKeyDto, DailyBulletinDto, ReportRequestItemDto, ReportRequestsDto, type BulletinFigure } from './dtos/daily-bulletin.dto';
import { RequestEntity } from '../requests/request.entity';
import { ReportRepository } from './report.repository';

/** 受理情况一天一通报: a town's day, counted from the timeline by the same rules as the ranking. */
@Injectable()
export class DailyBulletinService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  async bulletin(actor: Actor, townId: number, day: string, now: Date): Promise<DailyBulletinDto> {
    const range = dayBounds(day);
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    return this.forTown(town, day, now, range);
  }

  /** 一数一查 for the bulletin: the requests behind one of its figures (for a by-source/village/category line, its key). */
  async figureRequests(actor: Actor, townId: number, day: string, figure: BulletinFigure, now: Date, key?: string): Promise<ReportRequestsDto> {
    const range = dayBounds(day);
    const town = await this.units.findInSpan(townId, actor.spanFor('reports.view'));
    if (!town || town.kind !== 'town') throw new AppError(ErrorCode.NotFound, 'townId');
    const facts = await this.dayFacts(town, range, now);
    const grouped: ((r: ReceivedRow) => string) | undefined = figure in GROUPED ? GROUPED[figure as keyof typeof GROUPED] : undefined;
    if (grouped && !key) throw new AppError(ErrorCode.ValidationFailed, 'key', '请选择要查看的来源、村或类别');
    const ids = ((): number[] => {
      switch (figure) {
        case 'received':
          return facts.received.map((r) => r.requestId);
        case 'bySource':
        case 'byVillage':
        case 'byCategory':
          return facts.received.filter((r) => grouped!(r) === key).map((r) => r.requestId);
        case 'contactsOnTime':
          return facts.contacts.filter((c) => c.onTime).map((c) => c.requestId);
        case 'contactsLate':
          return facts.contacts.filter((c) => !c.onTime).map((c) => c.requestId);
        case 'resolved':
          return facts.resolved;
        case 'open':
          return facts.open.map((o) => o.requestId);
        case 'overdue':
          return facts.overdue.map((o) => o.requestId);
      }
    })();
    return { count: ids.length, requests: await this.requestItems(ids) };
  }

  /** A town's bulletin of one day, read at `now` (the morning push sends its figures: PushDailyBulletinJob). */
  async forTown(town: OrgUnit, day: string, now: Date, range = dayBounds(day)): Promise<DailyBulletinDto> {
    const facts = await this.dayFacts(town, range, now);
    const villages = new Map((await this.dataSource.getRepository(OrgUnit).findBy({ parentId: town.id, kind: 'village' })).map((v) => [v.id, v.name]));
    return {
      day,
      townName: town.name,
      received: facts.received.length,
      bySource: tally(facts.received.map(GROUPED.bySource), (key) => REQUEST_SOURCE_LABELS[key as RequestSource] ?? key),
      byVillage: tally(facts.received.map(GROUPED.byVillage), (key) => villages.get(Number(key)) ?? '镇直'),
      byCategory: tally(facts.received.map(GROUPED.byCategory), (key) => REQUEST_CATEGORY_LABELS[key as RequestCategory] ?? key),
      contactsOnTime: facts.contacts.filter((c) => c.onTime).length,
      contactsLate: facts.contacts.filter((c) => !c.onTime).length,
      resolved: facts.resolved.length,
      open: facts.open.length,
      overdue: facts.overdue,
    };
  }

  /**
   * The day's rows, from the timeline: each figure of the bulletin counts some of these, and lists
   * them. Open and overdue are judged at the day's end, or now while the day runs (judgedAt).
   */
  private async dayFacts(town: OrgUnit, { start, end }: { start: Date; end: Date }, now: Date) {
    const at = judgedAt({ end }, now);
    const [received, contacts, resolved, openRows] = await Promise.all([
      this.reports.receivedIn(town.path, start, end),
      this.reports.firstContactsIn(town.path, start, end),
      this.reports.resolvedIn(town.path, start, end),
      this.reports.openAt(town.path, at),
    ]);
    const open = openRows.map((row) => ({
      requestId: Number(row.requestId),
      unitName: row.unitName,
      running: clockLeftBy({ toState: row.toState, dueAt: row.dueAt === null ? null : rawDate(row.dueAt) }),
    }));
    const overdue = open.flatMap(({ requestId, unitName, running }) =>
      running && running.dueAt < at ? [{ requestId, unitName, clock: running.clock, dueAt: running.dueAt }] : [],
    );
    return { received: received.map((r) => ({ ...r, requestId: Number(r.requestId) })), contacts, resolved, open, overdue };
  }

  /** What a drill-down shows of each request: no names or phones, the category withheld when confidential. */
  private async requestItems(ids: readonly number[]): Promise<ReportRequestItemDto[]> {
    if (ids.length === 0) return [];
    const requests = await this.dataSource.getRepository(RequestEntity).find({ where: { id: In([...new Set(ids)]) }, relations: { handlerUnit: true } });
    const byId = new Map(requests.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = byId.get(id)!;
      return {
        requestId: id,
        categoryLabel: r.confidential ? '保密事项' : (REQUEST_CATEGORY_LABELS[r.category] ?? r.category),
        stateLabel: REQUEST_STATE_LABELS[r.state],
        unitName: r.handlerUnit?.name ?? '',
        receivedAt: r.createdAt,
      };
    });
  }
}

/** The key each by-line of the bulletin groups received matters by. */
type ReceivedRow = { source: string; unitPath: string; category: string };
const GROUPED = {
  bySource: (r: ReceivedRow) => r.source,
  byVillage: (r: ReceivedRow) => String(pathIdAt(r.unitPath, 2) ?? 0),
  byCategory: (r: ReceivedRow) => r.category,
};

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
