import { Injectable } from '@nestjs/common';
import { chinaDayRange, maskPhone } from '@gridloop/domain';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import type { RequestListItemDto } from '../dtos/request.dto';
import { RequestsService } from '../requests.service';
import { decodeCursor, encodeCursor, type SearchPosition } from './search-cursor';
import { SearchFilterQuery, SearchPageDto, SearchPlaceDto, SearchRequestsQuery } from './search.dto';
import { RequestSearchRepository, sortKeyOf, type SearchFilter } from './search.repository';

const DEFAULT_PAGE = 50;
const MAX_WORDS = 5;
/** The export reads the set a page of this size at a time: memory holds one page, not the set. */
const EXPORT_PAGE = 500;

/** 诉求检索: every matter in the caller's span, filtered on the server, a page at a time. */
@Injectable()
export class RequestSearchService {
  constructor(
    private readonly search: RequestSearchRepository,
    private readonly requests: RequestsService,
  ) {}

  async page(actor: Actor, query: SearchRequestsQuery, now: Date): Promise<SearchPageDto> {
    const filter = await this.filterOf(query, now);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, filter.sort, filter.order);
    const limit = query.limit ?? DEFAULT_PAGE;
    const { items, last, more } = await this.read(actor, filter, limit, now, after);
    return { items, nextCursor: more && last ? encodeCursor(last) : null };
  }

  /** The whole filtered set, a page at a time, in the filter's order (the export). */
  async *pages(actor: Actor, query: SearchFilterQuery, now: Date): AsyncGenerator<RequestListItemDto[]> {
    const filter = await this.filterOf(query, now);
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
  async filterOf(query: SearchFilterQuery, now: Date): Promise<SearchFilter> {
    let unitPath: string | undefined;
    let unitIds: number[] | undefined;
    if (query.unitId !== undefined) {
      const place = await this.search.place(query.unitId);
      if (!place) throw new AppError(ErrorCode.ValidationFailed, 'unitId', '没有这个镇、村或网格');
      unitPath = place.path;
      unitIds = place.unitIds;
    }
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
      words: [...new Set(words)],
      sort: query.sort ?? 'receivedAt',
      order: query.order ?? 'desc',
    };
  }

  /** One more row than asked for says whether another page follows. */
  private async read(actor: Actor, filter: SearchFilter, limit: number, now: Date, after?: SearchPosition) {
    const rows = await this.search.page(actor.personId, actor.spanFor('request.view'), filter, limit + 1, after);
    const shown = rows.slice(0, limit);
    const lastRow = shown[shown.length - 1];
    const items = (await this.requests.listItems(actor, shown, now)).map(maskedPhone);
    const last = lastRow && { sort: filter.sort, order: filter.order, key: sortKeyOf(lastRow, filter.sort), id: lastRow.id };
    return { items, last, more: rows.length > limit };
  }
}

/** A search shows no full number, not even the caller's own on a matter they raised: 拨打 is the way to one. */
function maskedPhone(item: RequestListItemDto): RequestListItemDto {
  const phone = item.contactPhone;
  return phone === null || phone.includes('*') ? item : { ...item, contactPhone: maskPhone(phone) };
}

/** China days [from, to] as instants [from, before); the codes for a day that does not exist or a range back to front. */
function days(from: string | undefined, to: string | undefined, fromField: string, toField: string): { from?: Date; before?: Date } | undefined {
  if (from === undefined && to === undefined) return undefined;
  const range = (day: string, field: string) => {
    try {
      return chinaDayRange(day);
    } catch {
      throw new AppError(ErrorCode.ValidationFailed, field, '日期不存在，请重新选择');
    }
  };
  const start = from === undefined ? undefined : range(from, fromField).start;
  const before = to === undefined ? undefined : range(to, toField).end;
  if (start && before && start >= before) throw new AppError(ErrorCode.ValidationFailed, toField, '结束日期不能早于开始日期');
  return { from: start, before };
}
