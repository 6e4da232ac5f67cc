import { Injectable } from '@nestjs/common';
import {
  LIST_DUE_SQL,
  listDueAt,
  OVERDUE_AT_SQL,
  WORKING_STATES,
  type ClockFacts,
  type RequestCategory,
  type RequestSource,
  type RequestState,
  type UnitKind,
} from '@gridloop/domain';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { spanCondition } from '../../access/span-where';
import { rawDate } from '../../common/raw-date';
import { OrgUnit } from '../../grid/org-unit.entity';
import { RequestEntity } from '../request.entity';
import { visibleTo } from '../request.repository';
import type { SearchOrder, SearchPosition, SearchSort } from './search-cursor';
import { matchIndexedText } from './text-index';

/** A search's filter with its days turned into instants and its place into a path. */
export interface SearchFilter {
  states?: readonly RequestState[];
  sources?: readonly RequestSource[];
  categories?: readonly RequestCategory[];
  /** The matter's unit lies under this path (a town, village or grid and everything under it). */
  unitPath?: string;
  /**
   * The ids of the units under unitPath (the place and all below it), read with it. Set with unitPath.
   * Below a town the place is filtered by these, so that IDX_request_unit_state_created is read as one range per unit.
   */
  unitIds?: readonly number[];
  received?: { from?: Date; before?: Date };
  due?: { from?: Date; before?: Date };
  /** Overdue (or not) at this moment, as isOverdueAt says. */
  overdue?: { at: Date; is: boolean };
  supervised?: boolean;
  confidential?: boolean;
  /** Being worked on by these units (the caller's handler units: 待办); none: nothing passes. */
  handledBy?: readonly number[];
  /** Filters on a matter's running clock, decided in code by the domain's rules (ClockTest). */
  clock?: ClockTest;
  words: readonly string[];
  sort: SearchSort;
  order: SearchOrder;
}

/**
 * What a matter's running clock must say to pass. The domain's functions decide (urgencyAt's
 * reminder runs on office time and each town's rules, which SQL cannot say): the SQL only narrows
 * to the open matters that could pass, and the search service tests each row (clockPasses).
 */
export interface ClockTest {
  /** urgencyAt says due_soon at this moment. */
  dueSoonAt?: Date;
  /** runningClock's deadline lies in [start, end). */
  runningDue?: { start: Date; end: Date };
}

/** The places a search may be narrowed to: the grid tree, not the departments. */
const PLACE_KINDS: readonly UnitKind[] = ['town', 'village', 'large_grid', 'small_grid'];

const SORT_KEYS: Record<SearchSort, string> = {
  receivedAt: 'r.createdAt',
  // As the inbox and the overdue board order them (the domain's listDueAt).
  dueAt: LIST_DUE_SQL,
};

/** The sort key of a row as a cursor keeps it (SORT_KEYS in code). */
export function sortKeyOf(request: RequestEntity, sort: SearchSort): Date {
  return sort === 'receivedAt' ? request.createdAt : listDueAt(request);
}

/** 诉求检索's reads: one page of the matters a caller may see (as findVisible decides), filtered on the server. */
@Injectable()
export class RequestSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` matters visible to `personId` within `span` that pass `filter`, after `after` in the filter's order.
   * The page's ids first, then only those rows (as 回看's page, lookBackQueue): for the usual filter (a
   * place within the caller's span, states, a received range) the ids come from
   * IDX_request_unit_state_created alone, instead of every candidate's full row read to be sorted and
   * all but a page thrown away (docs/benchmarks.md, "Search").
   */
  async page(personId: number, span: readonly string[], filter: SearchFilter, limit: number, after?: SearchPosition): Promise<RequestEntity[]> {
    const query = this.matching(personId, span, filter);
    const key = SORT_KEYS[filter.sort];
    const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
    if (after) {
      const beyond = filter.order === 'asc' ? '>' : '<';
      query.andWhere(`(${key} ${beyond} :afterKey OR (${key} = :afterKey AND r.id ${beyond} :afterId))`, { afterKey: after.key, afterId: after.id });
    }
    const page: { id: number | string }[] = await query
      .addSelect(key, 'sort_key')
      .orderBy('sort_key', direction)
      .addOrderBy('r.id', direction)
      .limit(limit)
      .getRawMany();
    if (page.length === 0) return [];
    const ids = page.map((row) => Number(row.id));
    const rows = await this.dataSource
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.unit', 'u')
      .innerJoinAndSelect('r.handlerUnit', 'h')
      .where('r.id IN (:...ids)', { ids })
      .getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** How many matters `page` would list in all, where SQL decides alone (a filter without a clock test). */
  async count(personId: number, span: readonly string[], filter: SearchFilter): Promise<number> {
    const row = await this.matching(personId, span, filter).select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** The clocks and places of every matter `page` would list under a filter with a clock test (the rows the test is put to). */
  async clockFacts(personId: number, span: readonly string[], filter: SearchFilter): Promise<(ClockFacts & { path: string })[]> {
    const rows: { state: string; contactDueAt: Date | string; completionDueAt: Date | string | null; cityDueAt: Date | string | null; path: string }[] =
      await this.matching(personId, span, filter)
        .select(['r.state AS state', 'r.contactDueAt AS contactDueAt', 'r.completionDueAt AS completionDueAt', 'r.cityDueAt AS cityDueAt', 'u.path AS path'])
        .getRawMany();
    return rows.map((row) => ({
      state: row.state,
      contactDueAt: rawDate(row.contactDueAt),
      completionDueAt: row.completionDueAt === null ? null : rawDate(row.completionDueAt),
      cityDueAt: row.cityDueAt === null ? null : rawDate(row.cityDueAt),
      path: row.path,
    }));
  }

  /** The ids of the matters visible to `personId` within `span` (as findVisible decides) that pass `filter`'s SQL. */
  private matching(personId: number, span: readonly string[], filter: SearchFilter): SelectQueryBuilder<RequestEntity> {
    const query = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r').select('r.id', 'id').innerJoin('r.unit', 'u');
    // A place within the span is all visible: its units' paths lie in the span, one of visibleTo's terms.
    if (!within(filter.unitPath, span)) {
      const visible = visibleTo(personId, span);
      query.innerJoin('r.handlerUnit', 'h').andWhere(visible.sql, visible.params);
    }
    narrow(query, filter);
    return query;
  }

  /** The codes of these units (towns, for their clock rules), by id. */
  async codes(ids: readonly number[]): Promise<Map<number, string | null>> {
    if (ids.length === 0) return new Map();
    const units = await this.dataSource.getRepository(OrgUnit).find({ where: { id: In([...ids]) }, select: { id: true, code: true } });
    return new Map(units.map((u) => [u.id, u.code]));
  }

  /** The unit with this id, if it is a place a search may be narrowed to, with the ids of the units under it (itself included). */
  async place(unitId: number): Promise<(Pick<OrgUnit, 'path' | 'kind'> & { unitIds: number[] }) | null> {
    const units = this.dataSource.getRepository(OrgUnit);
    const unit = await units.findOne({ where: { id: unitId }, select: { id: true, path: true, kind: true } });
    if (!unit || !PLACE_KINDS.includes(unit.kind)) return null;
    const under = units
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.path LIKE :under', { under: `${unit.path}%` });
    const unitIds = (await under.getRawMany<{ id: number | string }>()).map((row) => Number(row.id));
    return { path: unit.path, kind: unit.kind, unitIds };
  }

  /** The towns, villages and grids within `span`, in tree order (a parent before its children). */
  async places(span: readonly string[]): Promise<Pick<OrgUnit, 'id' | 'parentId' | 'kind' | 'name'>[]> {
    const inSpan = spanCondition('u.path', span, 'span');
    const units = await this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .select(['u.id', 'u.parentId', 'u.kind', 'u.name', 'u.path', 'u.code'])
      .where(inSpan.sql, inSpan.params)
      .andWhere('u.kind IN (:...kinds)', { kinds: PLACE_KINDS })
      .orderBy('u.code', 'ASC')
      .getMany();
    return units.sort((a, b) => depth(a.path) - depth(b.path) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

/** Whether every unit under `place` lies within `span` (spanCondition's prefixes). */
function within(place: string | undefined, span: readonly string[]): boolean {
  return place !== undefined && span.some((prefix) => place.startsWith(prefix));
}

function depth(path: string): number {
  return path.split('/').length;
}

/** Every filter but the words, then the words through the text index (matchIndexedText). */
function narrow(query: SelectQueryBuilder<RequestEntity>, filter: SearchFilter): void {
  if (filter.states?.length) query.andWhere('r.state IN (:...states)', { states: filter.states });
  if (filter.sources?.length) query.andWhere('r.source IN (:...sources)', { sources: filter.sources });
  if (filter.categories?.length) query.andWhere('r.category IN (:...categories)', { categories: filter.categories });
  // Below a town (a village or grid: ids of the county and the town, then more), the place's rows are few.
  const narrowed = filter.unitPath !== undefined && depth(filter.unitPath) > depth('/county/town/');
  if (narrowed) {
    // By its units' ids, each unit's range of the index: MariaDB would rather walk every matter of the
    // state in received order (IDX_request_state_created), reading full rows, which over a town is
    // right, and is what the path's LIKE leaves it to do there (docs/benchmarks.md, "Search").
    if (!filter.unitIds?.length) throw new Error('a place without its units');
    query.andWhere('r.unitId IN (:...placeUnits)', { placeUnits: filter.unitIds }).useIndex('IDX_request_unit_state_created');
  } else if (filter.unitPath !== undefined) {
    const place = spanCondition('u.path', [filter.unitPath], 'place');
    query.andWhere(place.sql, place.params);
  }
  const due = SORT_KEYS.dueAt;
  if (filter.received?.from) query.andWhere('r.createdAt >= :receivedFrom', { receivedFrom: filter.received.from });
  if (filter.received?.before) query.andWhere('r.createdAt < :receivedBefore', { receivedBefore: filter.received.before });
  if (filter.due?.from) query.andWhere(`${due} >= :dueFrom`, { dueFrom: filter.due.from });
  if (filter.due?.before) query.andWhere(`${due} < :dueBefore`, { dueBefore: filter.due.before });
  // OVERDUE_AT_SQL is NULL, not false, where a city deadline is missing: NOT of it must see 0.
  if (filter.overdue) query.andWhere(filter.overdue.is ? OVERDUE_AT_SQL : `NOT COALESCE(${OVERDUE_AT_SQL}, 0)`, { overdueAt: filter.overdue.at });
  if (filter.supervised !== undefined) query.andWhere(filter.supervised ? 'r.supervisedAt IS NOT NULL' : 'r.supervisedAt IS NULL');
  if (filter.confidential !== undefined) query.andWhere('r.confidential = :confidential', { confidential: filter.confidential });
  if (filter.handledBy) {
    if (filter.handledBy.length === 0) query.andWhere('1 = 0');
    else
      query.andWhere('r.handlerUnitId IN (:...handledBy) AND r.state IN (:...handledStates)', { handledBy: filter.handledBy, handledStates: WORKING_STATES });
  }
  // Only open matters have a running clock; a deadline in the window narrows further (runningClock picks one of the three).
  if (filter.clock) query.andWhere('r.state IN (:...clockStates)', { clockStates: WORKING_STATES });
  const window = filter.clock?.runningDue;
  if (window)
    query.andWhere(
      '((r.contactDueAt >= :runningFrom AND r.contactDueAt < :runningBefore) OR (r.completionDueAt >= :runningFrom AND r.completionDueAt < :runningBefore) OR (r.cityDueAt >= :runningFrom AND r.cityDueAt < :runningBefore))',
      { runningFrom: window.start, runningBefore: window.end },
    );
  matchIndexedText(query, 'r', filter.words, narrowed);
}
