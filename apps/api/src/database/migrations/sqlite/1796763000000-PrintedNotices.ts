import { MigrationInterface, QueryRunner } from 'typeorm';

/** Printed notices (催办通知书, 督办通知单) and their numbering per town, kind and year: docs/requests.md. */
export class PrintedNotices1796763000000 implements MigrationInterface {
  name = 'PrintedNotices1796763000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice_counter" ("townUnitId" integer NOT NULL, "kind" varchar(16) NOT NULL, "year" integer NOT NULL, "lastSerial" integer NOT NULL, PRIMARY KEY ("townUnitId", "kind", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "printed_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "eventId" integer NOT NULL, "kind" varchar(16) NOT NULL, "townUnitId" integer NOT NULL, "year" integer NOT NULL, "serial" integer NOT NULL, "unitId" integer NOT NULL, "requirement" varchar(500) NOT NULL, "replyDays" integer NOT NULL, "replyBy" datetime(3) NOT NULL, "issuedByPersonId" integer NOT NULL, "issuedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_printed_notice_request" ON "printed_notice" ("requestId", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_printed_notice_number" ON "printed_notice" ("townUnitId", "kind", "year", "serial") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_printed_notice_number"`);
    await queryRunner.query(`DROP INDEX "IDX_printed_notice_request"`);
    await queryRunner.query(`DROP TABLE "printed_notice"`);
    await queryRunner.query(`DROP TABLE "notice_counter"`);
  }
}
