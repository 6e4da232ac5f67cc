import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportDispatch1795625182788 implements MigrationInterface {
  name = 'ReportDispatch1795625182788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_dispatch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "townUnitId" integer NOT NULL, "kind" varchar(16) NOT NULL, "period" varchar(10) NOT NULL, "sentAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_report_dispatch" ON "report_dispatch" ("townUnitId", "kind", "period") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_report_dispatch"`);
    await queryRunner.query(`DROP TABLE "report_dispatch"`);
  }
}
