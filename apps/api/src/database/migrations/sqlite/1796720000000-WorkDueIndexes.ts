import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 工作台's 今日到期 and 待派单 (GET /api/me/work), read as index ranges instead of every open matter
 * (docs/benchmarks.md "Search"): each of the three deadlines by itself, so that "any deadline today"
 * is a union of three ranges; the transfer flag, so that 待派单's "transfer asked for" is one; and 回看's filter and order, so that
 * its page is sorted from the index alone.
 * Five new indexes on `request`, no table rebuild (on SQLite the text index's triggers stay).
 */
export class WorkDueIndexes1796720000000 implements MigrationInterface {
  name = 'WorkDueIndexes1796720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_request_contact_due" ON "request" ("contactDueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_completion_due" ON "request" ("completionDueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_city_due" ON "request" ("cityDueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_transfer_state" ON "request" ("transferRequested", "state") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_look_back" ON "request" ("state", "resolvedAt", "ratedAt", "contactedAt", "unitId", "handlerUnitId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_look_back"`);
    await queryRunner.query(`DROP INDEX "IDX_request_transfer_state"`);
    await queryRunner.query(`DROP INDEX "IDX_request_city_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_completion_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_contact_due"`);
  }
}
