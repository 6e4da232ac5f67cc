import { MigrationInterface, QueryRunner } from 'typeorm';

export class VoiceNotes1796287645710 implements MigrationInterface {
  name = 'VoiceNotes1796287645710';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "voice_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uploaderPersonId" integer NOT NULL, "storageKey" varchar(128) NOT NULL, "mimeType" varchar(16) NOT NULL, "bytes" integer NOT NULL, "durationMs" integer NOT NULL, "sha256" varchar(64) NOT NULL, "requestId" integer, "requestEventId" integer, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_voice_note_storage_key" ON "voice_note" ("storageKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_voice_note_request" ON "voice_note" ("requestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_voice_note_uploader" ON "voice_note" ("uploaderPersonId", "requestId") `);
    await queryRunner.query(`DROP INDEX "UQ_voice_note_storage_key"`);
    await queryRunner.query(`DROP INDEX "IDX_voice_note_request"`);
    await queryRunner.query(`DROP INDEX "IDX_voice_note_uploader"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_voice_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uploaderPersonId" integer NOT NULL, "storageKey" varchar(128) NOT NULL, "mimeType" varchar(16) NOT NULL, "bytes" integer NOT NULL, "durationMs" integer NOT NULL, "sha256" varchar(64) NOT NULL, "requestId" integer, "requestEventId" integer, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_bbf9b49930d8ffad5c235855e06" FOREIGN KEY ("uploaderPersonId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_01382ca83fe373a884912d558e0" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_26c985ded19290fcccba7921194" FOREIGN KEY ("requestEventId") REFERENCES "request_event" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_voice_note"("id", "uploaderPersonId", "storageKey", "mimeType", "bytes", "durationMs", "sha256", "requestId", "requestEventId", "createdAt") SELECT "id", "uploaderPersonId", "storageKey", "mimeType", "bytes", "durationMs", "sha256", "requestId", "requestEventId", "createdAt" FROM "voice_note"`,
    );
    await queryRunner.query(`DROP TABLE "voice_note"`);
    await queryRunner.query(`ALTER TABLE "temporary_voice_note" RENAME TO "voice_note"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_voice_note_storage_key" ON "voice_note" ("storageKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_voice_note_request" ON "voice_note" ("requestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_voice_note_uploader" ON "voice_note" ("uploaderPersonId", "requestId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_voice_note_uploader"`);
    await queryRunner.query(`DROP INDEX "IDX_voice_note_request"`);
    await queryRunner.query(`DROP INDEX "UQ_voice_note_storage_key"`);
    await queryRunner.query(`ALTER TABLE "voice_note" RENAME TO "temporary_voice_note"`);
    await queryRunner.query(
      `CREATE TABLE "voice_note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uploaderPersonId" integer NOT NULL, "storageKey" varchar(128) NOT NULL, "mimeType" varchar(16) NOT NULL, "bytes" integer NOT NULL, "durationMs" integer NOT NULL, "sha256" varchar(64) NOT NULL, "requestId" integer, "requestEventId" integer, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "voice_note"("id", "uploaderPersonId", "storageKey", "mimeType", "bytes", "durationMs", "sha256", "requestId", "requestEventId", "createdAt") SELECT "id", "uploaderPersonId", "storageKey", "mimeType", "bytes", "durationMs", "sha256", "requestId", "requestEventId", "createdAt" FROM "temporary_voice_note"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_voice_note"`);
    await queryRunner.query(`CREATE INDEX "IDX_voice_note_uploader" ON "voice_note" ("uploaderPersonId", "requestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_voice_note_request" ON "voice_note" ("requestId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_voice_note_storage_key" ON "voice_note" ("storageKey") `);
    await queryRunner.query(`DROP INDEX "IDX_voice_note_uploader"`);
    await queryRunner.query(`DROP INDEX "IDX_voice_note_request"`);
    await queryRunner.query(`DROP INDEX "UQ_voice_note_storage_key"`);
    await queryRunner.query(`DROP TABLE "voice_note"`);
  }
}
