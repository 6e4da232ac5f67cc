import { MigrationInterface, QueryRunner } from 'typeorm';

/** 不予受理 with a reason: its kind, and for "not ours" where the requester should go (docs/requests.md). */
export class RejectReasons1796745000000 implements MigrationInterface {
  name = 'RejectReasons1796745000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`rejectReason\` varchar(32) NULL, ADD \`referTo\` varchar(100) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`referTo\`, DROP COLUMN \`rejectReason\``);
  }
}
