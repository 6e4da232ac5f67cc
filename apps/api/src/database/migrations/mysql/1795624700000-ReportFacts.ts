import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts the reports need, kept where history cannot overwrite them: the unit that handled the
 * matter after each step, a rating step's verdict, and the first-contact deadline a matter arrived
 * with. Existing rows are filled from what the tables hold now (the best that can be known).
 */
export class ReportFacts1795624700000 implements MigrationInterface {
  name = 'ReportFacts1795624700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_event\` ADD \`handlerUnitId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`request_event\` ADD \`rating\` varchar(24) NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`firstContactDueAt\` datetime(3) NULL`);
    await queryRunner.query(`UPDATE \`request_event\` e JOIN \`request\` r ON r.\`id\` = e.\`requestId\` SET e.\`handlerUnitId\` = r.\`handlerUnitId\``);
    await queryRunner.query(
      `UPDATE \`request_event\` SET \`rating\` = CASE WHEN \`note\` LIKE '基本满意%' THEN 'basically_satisfied' WHEN \`note\` LIKE '不满意%' THEN 'dissatisfied' WHEN \`note\` LIKE '满意%' THEN 'satisfied' END WHERE \`action\` = 'rate'`,
    );
    await queryRunner.query(`UPDATE \`request\` SET \`firstContactDueAt\` = \`contactDueAt\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`firstContactDueAt\``);
    await queryRunner.query(`ALTER TABLE \`request_event\` DROP COLUMN \`rating\``);
    await queryRunner.query(`ALTER TABLE \`request_event\` DROP COLUMN \`handlerUnitId\``);
  }
}
