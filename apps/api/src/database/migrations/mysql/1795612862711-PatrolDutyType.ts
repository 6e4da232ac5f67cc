import { MigrationInterface, QueryRunner } from 'typeorm';

export class PatrolDutyType1795612862711 implements MigrationInterface {
  name = 'PatrolDutyType1795612862711';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`dutyType\` varchar(24) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`dutyType\``);
  }
}
