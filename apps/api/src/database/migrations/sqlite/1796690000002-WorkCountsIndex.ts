import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 工作台's 今日新收 (GET /api/me/work): matters received today, found by their received time (docs/benchmarks.md). */
export class WorkCountsIndex1796690000002 implements MigrationInterface {
  name = 'WorkCountsIndex1796690000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_request_created" ON "request" ("createdAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_created"`);
  }
}
