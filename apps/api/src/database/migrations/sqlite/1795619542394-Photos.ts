import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and the content-review flag. Written by hand from the generated SQL: the request column
 * is added with ALTER TABLE rather than TypeORM's whole-table rebuild, so this migration names only
 * its own column and copies no one else's.
 */
export class Photos1795619542394 implements MigrationInterface {
  name = 'Photos1795619542394';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uploaderPersonId" integer NOT NULL, "storageKey" varchar(128) NOT NULL, "mimeType" varchar(16) NOT NULL, "bytes" integer NOT NULL, "sha256" varchar(64) NOT NULL, "requestId" integer, "requestEventId" integer, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_1b8c19517dd8f3879f433ae0117" FOREIGN KEY ("uploaderPersonId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a159d50522c48cdde97f4103d2e" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8dec81cdcf74e399f6362946bea" FOREIGN KEY ("requestEventId") REFERENCES "request_event" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_photo_storage_key" ON "photo" ("storageKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_photo_request_event" ON "photo" ("requestEventId") `);
    await queryRunner.query(`CREATE INDEX "IDX_photo_uploader" ON "photo" ("uploaderPersonId", "requestId") `);
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "contentReview" boolean NOT NULL DEFAULT (0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "contentReview"`);
    await queryRunner.query(`DROP INDEX "IDX_photo_uploader"`);
    await queryRunner.query(`DROP INDEX "IDX_photo_request_event"`);
    await queryRunner.query(`DROP INDEX "UQ_photo_storage_key"`);
    await queryRunner.query(`DROP TABLE "photo"`);
  }
}
