import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * How due rows are claimed when several API instances share one database: the rows a query
 * reads are locked for the caller's transaction, and rows another instance holds already are
 * skipped, not waited for (MySQL ≥ 8, MariaDB ≥ 10.6). Each instance so takes different rows and
 * each piece of work is done once. SQLite runs a single instance, and its writing transaction
 * holds the only write lock anyway: the query is left as it is.
 */
export function skipLockedByOthers<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  if (query.connection.options.type === 'better-sqlite3') return query;
  return query.setLock('pessimistic_write').setOnLocked('skip_locked');
}
