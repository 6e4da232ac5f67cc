import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts the reports need, kept where history cannot overwrite them: the unit that handled the
 * matter after each step, a rating step's verdict, and the first-contact deadline a matter arrived
 * with. Written by hand: columns added in place (the generator would rebuild both tables).
 */
export class ReportFacts1795624700000 implements MigrationInterface {
  name = 'ReportFacts1795624700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_event" ADD COLUMN "handlerUnitId" integer`);
    await queryRunner.query(`ALTER TABLE "request_event" ADD COLUMN "rating" varchar(24)`);
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "firstContactDueAt" datetime(3)`);
    await queryRunner.query(
      `UPDATE "request_event" SET "handlerUnitId" = (SELECT "handlerUnitId" FROM "request" WHERE "request"."id" = "request_event"."requestId")`,
    );
    await queryRunner.query(
      `UPDATE "request_event" SET "rating" = CASE WHEN "note" LIKE '基本满意%' THEN 'basically_satisfied' WHEN "note" LIKE '不满意%' THEN 'dissatisfied' WHEN "note" LIKE '满意%' THEN 'satisfied' END WHERE "action" = 'rate'`,
    );
    await queryRunner.query(`UPDATE "request" SET "firstContactDueAt" = "contactDueAt"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "firstContactDueAt"`);
    await queryRunner.query(`ALTER TABLE "request_event" DROP COLUMN "rating"`);
    await queryRunner.query(`ALTER TABLE "request_event" DROP COLUMN "handlerUnitId"`);
  }
}
