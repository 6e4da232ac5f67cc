import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 挂账 (docs/requests.md): the plan date of an ask waiting for a decision, the plan date a parked
 * matter waits for, and when its next progress note is owed; each as the instant it falls due,
 * indexed for the park job (ParkedMattersJob), which looks them up by time.
 */
export class RequestParking1796755000000 implements MigrationInterface {
  name = 'RequestParking1796755000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "parkAskedUntil" datetime(3)`);
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "parkedUntil" datetime(3)`);
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "parkProgressDueAt" datetime(3)`);
    await queryRunner.query(`CREATE INDEX "IDX_request_parked_until" ON "request" ("parkedUntil") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_park_progress" ON "request" ("parkProgressDueAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_park_progress"`);
    await queryRunner.query(`DROP INDEX "IDX_request_parked_until"`);
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "parkProgressDueAt"`);
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "parkedUntil"`);
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "parkAskedUntil"`);
  }
}
