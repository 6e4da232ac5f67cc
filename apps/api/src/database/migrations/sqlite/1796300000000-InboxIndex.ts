import { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox's due date (COALESCE(completionDueAt, contactDueAt)) from the index alone: contactDueAt joins IDX_request_handler_due. */
export class InboxIndex1796300000000 implements MigrationInterface {
  name = 'InboxIndex1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_handler_due"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_handler_due" ON "request" ("handlerUnitId", "state", "completionDueAt", "contactDueAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_handler_due"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_handler_due" ON "request" ("handlerUnitId", "state", "completionDueAt") `);
  }
}
