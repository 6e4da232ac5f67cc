import { MigrationInterface, QueryRunner } from 'typeorm';

/** 诉求检索 by place, state and received date: each unit of the place reads only its matters of that state in the range (docs/benchmarks.md). */
export class SearchIndex1796690000001 implements MigrationInterface {
  name = 'SearchIndex1796690000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_request_unit_state_created" ON "request" ("unitId", "state", "createdAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_unit_state_created"`);
  }
}
