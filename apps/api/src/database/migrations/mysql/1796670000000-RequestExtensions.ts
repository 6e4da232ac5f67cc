import { MigrationInterface, QueryRunner } from 'typeorm';

/** 延期申请: the days an ask waiting for a decision wants, and the extensions granted (docs/requests.md). */
export class RequestExtensions1796670000000 implements MigrationInterface {
  name = 'RequestExtensions1796670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`extensionAskedDays\` int NULL, ADD \`extensionCount\` int NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`extensionCount\`, DROP COLUMN \`extensionAskedDays\``);
  }
}
