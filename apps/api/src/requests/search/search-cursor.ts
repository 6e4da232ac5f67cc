import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';

export const SEARCH_SORTS = ['receivedAt', 'dueAt'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const SEARCH_ORDERS = ['asc', 'desc'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** Where a page ends: the last row's sort key and id, under the sort it was read with. */
export interface SearchPosition {
  sort: SearchSort;
  order: SearchOrder;
  key: Date;
  id: number;
}

/** The position as an opaque string for the next page's `cursor` (base64url of a short JSON). */
export function encodeCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.order, position.key.getTime(), position.id])).toString('base64url');
}

/** The position a cursor stands for, under the sort the page is asked with; anything else is refused. */
export function decodeCursor(cursor: string, sort: SearchSort, order: SearchOrder): SearchPosition {
  const refuse = () => new AppError(ErrorCode.ValidationFailed, 'cursor', '翻页位置无效，请从第一页重新查询');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw refuse();
  const [s, o, key, id] = parsed as unknown[];
  if (s !== sort || o !== order) throw new AppError(ErrorCode.ValidationFailed, 'cursor', '排序方式变了，请从第一页重新查询');
  if (typeof key !== 'number' || !Number.isSafeInteger(key) || Math.abs(key) > 8.64e15) throw refuse();
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw refuse();
  return { sort, order, key: new Date(key), id };
}
