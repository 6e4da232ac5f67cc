import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';

/**
 * Words in a matter's text (its description), each required (AND), on the request row aliased
 * `alias` of `query`. For now a `LIKE '%word%'` per word, `%`, `_` and `!` escaped (`!` as the
 * escape character: both dialects take it, unlike a backslash); the database's Chinese full-text
 * index (SQLite FTS5 trigram, MariaDB) is to replace this body, not its signature.
 * The address is not searched: it is a personal field most callers see hidden (PERSONAL_FIELDS).
 */
export function matchText<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, words: readonly string[]): SelectQueryBuilder<T> {
  words.forEach((word, i) => {
    query.andWhere(`${alias}.description LIKE :textWord${i} ESCAPE '!'`, { [`textWord${i}`]: `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%` });
  });
  return query;
}
