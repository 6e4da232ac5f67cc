import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: one column added in place (the generator would rebuild the table), and an index for the audit's filter by viewer. */
export class PhoneViewRequest1796640000001 implements MigrationInterface {
  name = 'PhoneViewRequest1796640000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "phone_view_log" ADD COLUMN "requestId" integer`);
    await queryRunner.query(`CREATE INDEX "IDX_phone_view_log_viewer" ON "phone_view_log" ("viewerPersonId", "viewedAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_phone_view_log_viewer"`);
    await queryRunner.query(`ALTER TABLE "phone_view_log" DROP COLUMN "requestId"`);
  }
}
