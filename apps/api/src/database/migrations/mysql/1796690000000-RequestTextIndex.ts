import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Words in a matter's text (诉求检索, docs/requests.md "Searching the text"). MariaDB 10.11 has no
 * parser that cuts Chinese into words (MySQL 8's ngram is not there), so `request_text` holds each
 * matter's text as its trigrams separated by spaces (路灯坏了 → "路灯坏 灯坏了"), under InnoDB's own
 * FULLTEXT index, whose default parser takes each as one word. InnoDB applies FULLTEXT changes at
 * commit: a rolled-back step leaves nothing. Triggers on `request` write it in the writing
 * transaction, through `request_text_grams`, from the description alone (the address is a personal
 * field most callers see hidden, so it is not searched), so every writer (the API, the seeds, bulk loads) keeps
 * it. Backfills every existing matter (one INSERT … SELECT, then the FULLTEXT index built once; not yet timed on 1 M).
 * The same works on MySQL 8.
 */
export class RequestTextIndex1796690000000 implements MigrationInterface {
  name = 'RequestTextIndex1796690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`request_text\` (\`requestId\` int NOT NULL, \`grams\` mediumtext NOT NULL, PRIMARY KEY (\`requestId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(REQUEST_TEXT_GRAMS);
    for (const sql of REQUEST_TEXT_TRIGGERS) await queryRunner.query(sql);
    await queryRunner.query(`INSERT INTO \`request_text\` (\`requestId\`, \`grams\`) SELECT \`id\`, request_text_grams(\`description\`) FROM \`request\``);
    // Built after the backfill (one sort instead of a million inserts into it). No stopwords: a
    // trigram of Latin text such as "the" must stay findable; the setting is read when the index is made.
    await queryRunner.query(`SET SESSION innodb_ft_enable_stopword = OFF`);
    await queryRunner.query(`ALTER TABLE \`request_text\` ADD FULLTEXT INDEX \`FT_request_text_grams\` (\`grams\`)`);
    await queryRunner.query(`SET SESSION innodb_ft_enable_stopword = DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['request_text_insert', 'request_text_update', 'request_text_delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS \`${name}\``);
    await queryRunner.query(`DROP FUNCTION IF EXISTS request_text_grams`);
    await queryRunner.query(`DROP TABLE \`request_text\``);
  }
}

/**
 * A matter's description as its trigrams: lower case, every run of letters, digits and `_`
 * cut into overlapping three-character pieces, one space between. A run shorter than three gives
 * none (a one- or two-character word is searched with LIKE, requests/search/text-index.ts). The query side
 * cuts words the same way (`trigramsOf`).
 */
const REQUEST_TEXT_GRAMS = `CREATE FUNCTION request_text_grams(description TEXT) RETURNS MEDIUMTEXT CHARSET utf8mb4
  DETERMINISTIC NO SQL
BEGIN
  DECLARE s TEXT CHARSET utf8mb4 DEFAULT LOWER(REGEXP_REPLACE(description, '[^\\\\p{L}\\\\p{N}_]+', ' '));
  DECLARE n INT DEFAULT CHAR_LENGTH(s);
  DECLARE i INT DEFAULT 1;
  DECLARE g VARCHAR(3) CHARSET utf8mb4;
  DECLARE grams MEDIUMTEXT CHARSET utf8mb4 DEFAULT '';
  WHILE i <= n - 2 DO
    SET g = SUBSTRING(s, i, 3);
    IF LOCATE(' ', g) = 0 THEN
      SET grams = CONCAT(grams, g, ' ');
    END IF;
    SET i = i + 1;
  END WHILE;
  RETURN grams;
END`;

/** The three triggers that keep `request_text` in step with `request`, in the same transaction. */
const REQUEST_TEXT_TRIGGERS = [
  `CREATE TRIGGER \`request_text_insert\` AFTER INSERT ON \`request\` FOR EACH ROW
     INSERT INTO \`request_text\` (\`requestId\`, \`grams\`) VALUES (NEW.\`id\`, request_text_grams(NEW.\`description\`))`,
  `CREATE TRIGGER \`request_text_update\` AFTER UPDATE ON \`request\` FOR EACH ROW
     IF NOT (NEW.\`description\` <=> OLD.\`description\`) THEN
       UPDATE \`request_text\` SET \`grams\` = request_text_grams(NEW.\`description\`) WHERE \`requestId\` = NEW.\`id\`;
     END IF`,
  `CREATE TRIGGER \`request_text_delete\` AFTER DELETE ON \`request\` FOR EACH ROW
     DELETE FROM \`request_text\` WHERE \`requestId\` = OLD.\`id\``,
];
