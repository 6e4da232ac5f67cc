import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestRatings1795612628236 implements MigrationInterface {
  name = 'RequestRatings1795612628236';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`rating\` varchar(24) NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`ratedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`rehandleCount\` int NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`rehandleCount\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`ratedAt\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`rating\``);
  }
}
