import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: one column added in place (the generator would rebuild the whole table). */
export class HotlineReceivedAt1795619822311 implements MigrationInterface {
  name = 'HotlineReceivedAt1795619822311';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "cityReceivedAt" datetime(3)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "cityReceivedAt"`);
  }
}
