import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1796287162754 implements MigrationInterface {
  name = 'ReportIndexes1796287162754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_request_updated" ON "request" ("updatedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_state_created" ON "request" ("state", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_report" ON "request_event" ("action", "createdAt", "handlerUnitId", "requestId", "rating") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_event_report"`);
    await queryRunner.query(`DROP INDEX "IDX_request_state_created"`);
    await queryRunner.query(`DROP INDEX "IDX_request_updated"`);
  }
}
