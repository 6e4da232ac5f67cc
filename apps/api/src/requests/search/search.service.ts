import { Inject, Injectable } from '@nestjs/common';
import { chinaDayRange, HANDLER_ROLES, maskPhone, pathIdAt, rulesForTown, runningClock, urgencyAt, type ClockFacts } from '@gridloop/domain';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { RequestEntity } from '../request.entity';
import { ErrorCode } from '../../common/error-codes';
import type { RequestListItemDto } from '../dtos/request.dto';
import { RequestsService } from '../requests.service';
import { decodeCursor, encodeCursor, type SearchPosition } from './search-cursor';
import { SearchFilterQuery, SearchPageDto, SearchPlaceDto, SearchRequestsQuery } from './search.dto';
import { RequestSearchRepository, sortKeyOf, type ClockTest, type SearchFilter } from './search.repository';

const DEFAULT_PAGE = 50;
const MAX_WORDS = 5;
/** The export reads the set a page of this size at a time: memory holds one page, not the set. */
const EXPORT_PAGE = 500;
/** Rows read at a time where code tests each one's clock (a clock filter) after the SQL. */
const CLOCK_BATCH = 500;

/** 诉求检索: every matter in the caller's span, filtered on the server, a page at a time. */
@Injectable()
export class RequestSearchService {
  constructor(
    private readonly search: RequestSearchRepository,
    private readonly requests: RequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(actor: Actor, query: SearchRequestsQuery, now: Date): Promise<SearchPageDto> {
    const filter = await this.filterOf(actor, query, now);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, filter.sort, filter.order);
    const limit = query.limit ?? DEFAULT_PAGE;
    const { items, last, more } = await this.read(actor, filter, limit, now, after);
    return { items, nextCursor: more && last ? encodeCursor(last) : null };
  }

  /** The whole filtered set, a page at a time, in the filter's order (the export). */
  async *pages(actor: Actor, query: SearchFilterQuery, now: Date): AsyncGenerator<RequestListItemDto[]> {
    const filter = await this.filterOf(actor, query, now);
    let after: SearchPosition | undefined;
    for (;;) {
      const { items, last, more } = await this.read(actor, filter, EXPORT_PAGE, now, after);
      if (items.length > 0) yield items;
      if (!more || !last) return;
      after = last;
    }
  }

  /** The towns, villages and grids the caller may narrow a search to. */
  async places(actor: Actor): Promise<SearchPlaceDto[]> {
    const units = await this.search.places(actor.spanFor('request.view'));
    const listed = new Set(units.map((u) => u.id));
    return units.map((u) => ({ id: u.id, parentId: u.parentId !== null && listed.has(u.parentId) ? u.parentId : null, kind: u.kind, name: u.name }));
  }

  /** Throws the coded error for a filter that cannot be read, before anything is sent (the export streams). */
  async filterOf(actor: Actor, query: SearchFilterQuery, now: Date): Promise<SearchFilter> {
    let unitPath: string | undefined;
    let unitIds: number[] | undefined;
    if (query.unitId !== undefined) {
      const place = await this.search.place(query.unitId);
      if (!place) throw new AppError(ErrorCode.ValidationFailed, 'unitId', '没有这个镇、村或网格');
      unitPath = place.path;
      unitIds = place.unitIds;
    }
    const clock: ClockTest = {
      dueSoonAt: query.dueSoon ? now : undefined,
      runningDue: query.runningDueOn === undefined ? undefined : oneDay(query.runningDueOn, 'runningDueOn'),
    };
    const words = (query.q ?? '').split(/[\s\u3000]+/).filter((w) => w !== '');
    if (words.length > MAX_WORDS) throw new AppError(ErrorCode.ValidationFailed, 'q', `检索词最多${MAX_WORDS}个，请删减后再查`);
    return {
      states: query.state,
      sources: query.source,
      categories: query.category,
      unitPath,
      unitIds,
      received: days(query.receivedFrom, query.receivedTo, 'receivedFrom', 'receivedTo'),
      due: days(query.dueFrom, query.dueTo, 'dueFrom', 'dueTo'),
      overdue: query.overdue === undefined ? undefined : { at: now, is: query.overdue },
      supervised: query.supervised,
      confidential: query.confidential,
      handledBy: query.handling ? [...new Set(actor.held.filter((h) => HANDLER_ROLES.includes(h.role)).map((h) => h.unitId))] : undefined,
      clock: clock.dueSoonAt || clock.runningDue ? clock : undefined,
      words: [...new Set(words)],
      sort: query.sort ?? 'receivedAt',
      order: query.order ?? 'desc',
    };
  }

  /** How many matters the filter lists in all: 工作台's counts are these, of the very searches their cards open. */
  async count(actor: Actor, query: SearchFilterQuery, now: Date): Promise<number> {
    const filter = await this.filterOf(actor, query, now);
    const span = actor.spanFor('request.view');
    if (!filter.clock) return this.search.count(actor.personId, span, filter);
    // The same rows the pages read, only their clocks and places, in one read, tested as the pages test them.
    const facts = await this.search.clockFacts(actor.personId, span, filter);
    return (await this.passing(facts, (row) => row.path, filter.clock)).length;
  }

  /** One more row than asked for says whether another page follows. */
  private async read(actor: Actor, filter: SearchFilter, limit: number, now: Date, after?: SearchPosition) {
    const rows = await this.rows(actor, filter, limit + 1, after);
    const shown = rows.slice(0, limit);
    const lastRow = shown[shown.length - 1];
    const items = (await this.requests.listItems(actor, shown, now)).map(maskedPhone);
    const last = lastRow && positionOf(lastRow, filter);
    return { items, last, more: rows.length > limit };
  }

  /** Up to `limit` rows after `after`; with a clock test, read on in batches until that many pass or none are left. */
  private async rows(actor: Actor, filter: SearchFilter, limit: number, after?: SearchPosition): Promise<RequestEntity[]> {
    const span = actor.spanFor('request.view');
    if (!filter.clock) return this.search.page(actor.personId, span, filter, limit, after);
    const kept: RequestEntity[] = [];
    let from = after;
    for (;;) {
      const batch = await this.search.page(actor.personId, span, filter, Math.max(limit, CLOCK_BATCH), from);
      kept.push(...(await this.passing(batch, (row) => row.unit!.path, filter.clock)));
      const last = batch[batch.length - 1];
      if (kept.length >= limit || batch.length < Math.max(limit, CLOCK_BATCH) || !last) return kept.slice(0, limit);
      from = positionOf(last, filter);
    }
  }

  /** The rows whose running clock passes `test`, by the domain's runningClock and urgencyAt (each town's clock rules). */
  private async passing<T extends ClockFacts>(rows: readonly T[], pathOf: (row: T) => string, test: ClockTest): Promise<T[]> {
    const townOf = (row: T) => pathIdAt(pathOf(row), 1);
    const codes = test.dueSoonAt
      ? await this.search.codes([...new Set(rows.map(townOf).filter((id): id is number => id !== null))])
      : new Map<number, string | null>();
    return rows.filter((row) => {
      const running = runningClock(row);
      if (running === null) return false;
      if (test.runningDue && !(running.dueAt >= test.runningDue.start && running.dueAt < test.runningDue.end)) return false;
      if (test.dueSoonAt && urgencyAt(row, test.dueSoonAt, rulesForTown(this.config.clocks.rules, codes.get(townOf(row) ?? -1) ?? null)) !== 'due_soon')
        return false;
      return true;
    });
  }
}

/** Where a page, or a batch, ends: the next one starts after it. */
function positionOf(row: RequestEntity, filter: SearchFilter): SearchPosition {
  return { sort: filter.sort, order: filter.order, key: sortKeyOf(row, filter.sort), id: row.id };
}

/** A search shows no full number, not even the caller's own on a matter they raised: 拨打 is the way to one. */
function maskedPhone(item: RequestListItemDto): RequestListItemDto {
  const phone = item.contactPhone;
  return phone === null || phone.includes('*') ? item : { ...item, contactPhone: maskPhone(phone) };
}

/** One China day as the instants [start, end); the code for a day that does not exist. */
function oneDay(day: string, field: string): { start: Date; end: Date } {
  try {
    return chinaDayRange(day);
  } catch {
    throw new AppError(ErrorCode.ValidationFailed, field, '日期不存在，请重新选择');
  }
}

/** China days [from, to] as instants [from, before); the codes for a day that does not exist or a range back to front. */
function days(from: string | undefined, to: string | undefined, fromField: string, toField: string): { from?: Date; before?: Date } | undefined {
  if (from === undefined && to === undefined) return undefined;
  const start = from === undefined ? undefined : oneDay(from, fromField).start;
  const before = to === undefined ? undefined : oneDay(to, toField).end;
  if (start && before && start >= before) throw new AppError(ErrorCode.ValidationFailed, toField, '结束日期不能早于开始日期');
  return { from: start, before };
}
