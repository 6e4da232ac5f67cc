import { REQUEST_CATEGORIES, type RequestCategory } from '@gridloop/domain/dist/requests/categories';
import { REQUEST_STATES, type RequestState } from '@gridloop/domain/dist/requests/request-workflow';
import { REQUEST_SOURCES, type RequestSource } from '@gridloop/domain/dist/requests/sources';
import type { operations } from '../../api/schema';

/** searchRequests' query without its paging: what the page's address holds (exportRequestSearch takes the same). */
export type SearchQuery = NonNullable<operations['exportRequestSearch']['parameters']['query']>;
export type SearchSort = NonNullable<SearchQuery['sort']>;
export type SearchOrder = NonNullable<SearchQuery['order']>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FLAGS = ['overdue', 'supervised', 'confidential'] as const;
/** Filters that are only ever on (工作台's cards open them: workSearch). */
const ON_ONLY = ['handling', 'dueSoon'] as const;
const DAYS = ['receivedFrom', 'receivedTo', 'dueFrom', 'dueTo', 'runningDueOn'] as const;

function listOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] | undefined {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .filter((v): v is T => (allowed as readonly string[]).includes(v));
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/**
 * The filter an address holds (?state=submitted,accepted&unitId=…&q=路灯): what a link reproduces.
 * Values the API would refuse are left out here, so a hand-edited address still opens a table.
 */
export function queryFromParams(params: URLSearchParams): SearchQuery {
  const query: SearchQuery = {};
  query.state = listOf<RequestState>(params, 'state', REQUEST_STATES);
  query.source = listOf<RequestSource>(params, 'source', REQUEST_SOURCES);
  query.category = listOf<RequestCategory>(params, 'category', REQUEST_CATEGORIES);
  const unitId = Number(params.get('unitId'));
  if (Number.isInteger(unitId) && unitId > 0) query.unitId = unitId;
  for (const name of DAYS) {
    const day = params.get(name);
    if (day && DAY.test(day)) query[name] = day;
  }
  for (const name of FLAGS) {
    const flag = params.get(name);
    if (flag === 'true' || flag === 'false') query[name] = flag === 'true';
  }
  for (const name of ON_ONLY) if (params.get(name) === 'true') query[name] = true;
  const q = params.get('q')?.trim();
  if (q) query.q = q.slice(0, 100);
  const sort = params.get('sort');
  if (sort === 'receivedAt' || sort === 'dueAt') query.sort = sort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as SearchQuery;
}

/** The address of a filter: lists comma-joined, nothing for what is not set, in a fixed order (one view, one link). */
export function paramsFromQuery(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  params.sort();
  return params;
}
