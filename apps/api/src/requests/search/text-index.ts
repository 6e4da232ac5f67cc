import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Words in a matter's description through the database's own full-text index (docs/requests.md,
 * "Searching the text"; the index and its triggers: migration RequestTextIndex). Each word is
 * required (AND) and matches as a substring, as `LIKE '%word%'` would:
 *
 * - SQLite: FTS5 with the trigram tokenizer. A word of three characters or more is a phrase of its
 *   trigrams, which matches exactly that substring. A shorter one has no trigram and is a LIKE on
 *   the rows the rest of the query leaves.
 * - MySQL/MariaDB: `request_text` holds each description as its trigrams, one FULLTEXT word each
 *   (MariaDB has no Chinese parser). Every trigram of every word is required (`+路灯坏 +灯坏了`),
 *   which finds each matter holding them somewhere; a LIKE per word then keeps only those holding
 *   the word itself (and is all there is for a word of one or two characters). `narrowed` (the
 *   query names a village or grid): LIKE alone. MariaDB always starts from a FULLTEXT match and
 *   InnoDB reads every matter holding each trigram, ~0.4 s for common words in 1 M matters, while a
 *   village's few thousand matters of a state and date range read with LIKE take ~20 ms
 *   (docs/benchmarks.md, "Search"). SQLite's FTS5 is fast either way.
 *
 * `%`, `_` and `!` in a word are escaped for LIKE with `!`, which both dialects accept. The address
 * is not searched: it is a personal field most callers see hidden (PERSONAL_FIELDS).
 */
export function matchIndexedText<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  words: readonly string[],
  narrowed = false,
): SelectQueryBuilder<T> {
  if (words.length === 0) return query;
  const mysql = ['mysql', 'mariadb'].includes(query.connection.options.type);
  if (mysql) {
    const grams = [...new Set(words.flatMap(trigramsOf))];
    if (grams.length > 0 && !narrowed) {
      query.andWhere(`${alias}.id IN (SELECT rt.requestId FROM request_text rt WHERE MATCH(rt.grams) AGAINST (:textGrams IN BOOLEAN MODE))`, {
        textGrams: grams.map((g) => `+${g}`).join(' '),
      });
    }
    words.forEach((word, i) => likeWord(query, alias, word, i));
    return query;
  }
  const long = words.filter((w) => [...w].length >= 3);
  if (long.length > 0) {
    query.andWhere(`${alias}.id IN (SELECT rowid FROM request_text WHERE request_text MATCH :textPhrases)`, {
      textPhrases: long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '),
    });
  }
  words.forEach((word, i) => {
    if ([...word].length < 3) likeWord(query, alias, word, i);
  });
  return query;
}

function likeWord<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, word: string, i: number): void {
  query.andWhere(`${alias}.description LIKE :textWord${i} ESCAPE '!'`, { [`textWord${i}`]: `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%` });
}

/**
 * The trigrams MariaDB's `request_text_grams` makes of a text, the same way: lower case, runs of
 * letters, digits and `_`, each run of three or more cut into overlapping three-character pieces.
 */
export function trigramsOf(text: string): string[] {
  const grams: string[] = [];
  for (const run of text.toLowerCase().split(/[^\p{L}\p{N}_]+/u)) {
    const chars = [...run];
    for (let i = 0; i + 3 <= chars.length; i++) grams.push(chars.slice(i, i + 3).join(''));
  }
  return grams;
}
