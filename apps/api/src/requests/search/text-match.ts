import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { matchIndexedText } from './text-index';

/**
 * Words in a matter's text (its description), each required (AND), on the request row aliased
 * `alias` of `query`: through the database's Chinese full-text index (text-index.ts: SQLite FTS5
 * trigram; MariaDB trigrams under InnoDB FULLTEXT), a LIKE for words too short to index.
 * `narrowed`: the query names a village or grid, whose matters are few enough to read with LIKE.
 * The address is not searched: it is a personal field most callers see hidden (PERSONAL_FIELDS).
 */
export function matchText<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  words: readonly string[],
  narrowed = false,
): SelectQueryBuilder<T> {
  return matchIndexedText(query, alias, words, narrowed);
}
