import { Brackets, WhereExpressionBuilder } from 'typeorm';

export interface SqlCondition {
  sql: string;
  params: Record<string, string>;
}

/**
 * `(column LIKE '/1/2/%' OR …)` for a span of path prefixes; an empty span matches nothing.
 * Every scoped read goes through here, so a forgotten filter cannot widen what a caller sees.
 * `paramPrefix` keeps parameter names apart when one query tests several columns.
 */
export function spanCondition(column: string, span: readonly string[], paramPrefix = 'span'): SqlCondition {
  if (span.length === 0) return { sql: '1 = 0', params: {} };
  const params: Record<string, string> = {};
  const terms = span.map((prefix, i) => {
    // Paths are digits and slashes only, so nothing in a prefix needs LIKE-escaping.
    if (!/^\/(\d+\/)+$/.test(prefix)) throw new Error(`not a unit path: "${prefix}"`);
    params[`${paramPrefix}${i}`] = `${prefix}%`;
    return `${column} LIKE :${paramPrefix}${i}`;
  });
  return { sql: `(${terms.join(' OR ')})`, params };
}

/** spanCondition as a where-clause for a query builder. */
export function pathInSpan(column: string, span: readonly string[], paramPrefix = 'span'): Brackets {
  const { sql, params } = spanCondition(column, span, paramPrefix);
  return new Brackets((where: WhereExpressionBuilder) => {
    where.where(sql, params);
  });
}
