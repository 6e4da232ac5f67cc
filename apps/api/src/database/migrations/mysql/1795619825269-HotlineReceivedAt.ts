import { MigrationInterface, QueryRunner } from 'typeorm';

export class HotlineReceivedAt1795619825269 implements MigrationInterface {
  name = 'HotlineReceivedAt1795619825269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`cityReceivedAt\` datetime(3) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`cityReceivedAt\``);
  }
}
