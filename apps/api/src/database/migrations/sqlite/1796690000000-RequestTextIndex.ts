import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Words in a matter's text (诉求检索, docs/requests.md "Searching the text"): an FTS5 index with
 * the trigram tokenizer over `request.description` (external content: the text stays in `request`,
 * the index holds only the trigrams; the address is not searched, a personal field most callers see
 * hidden). Triggers keep it in the writing
 * transaction. A later migration that rebuilds `request` (TypeORM's temporary_request copy) drops
 * these triggers with the old table and must create them again (`REQUEST_TEXT_TRIGGERS`) and
 * rebuild the index (docs/migrations.md).
 */
export class RequestTextIndex1796690000000 implements MigrationInterface {
  name = 'RequestTextIndex1796690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIRTUAL TABLE "request_text" USING fts5("description", content='request', content_rowid='id', tokenize='trigram')`);
    for (const sql of REQUEST_TEXT_TRIGGERS) await queryRunner.query(sql);
    // Backfill: every existing matter's text, read from `request`.
    await queryRunner.query(`INSERT INTO "request_text"("request_text") VALUES ('rebuild')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['request_text_insert', 'request_text_update', 'request_text_delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await queryRunner.query(`DROP TABLE "request_text"`);
  }
}

/** The three triggers that keep `request_text` in step with `request`, in the same transaction. */
export const REQUEST_TEXT_TRIGGERS = [
  `CREATE TRIGGER "request_text_insert" AFTER INSERT ON "request" BEGIN
     INSERT INTO "request_text"("rowid", "description") VALUES (new."id", new."description");
   END`,
  `CREATE TRIGGER "request_text_update" AFTER UPDATE OF "description" ON "request" BEGIN
     INSERT INTO "request_text"("request_text", "rowid", "description") VALUES ('delete', old."id", old."description");
     INSERT INTO "request_text"("rowid", "description") VALUES (new."id", new."description");
   END`,
  `CREATE TRIGGER "request_text_delete" AFTER DELETE ON "request" BEGIN
     INSERT INTO "request_text"("request_text", "rowid", "description") VALUES ('delete', old."id", old."description");
   END`,
];
