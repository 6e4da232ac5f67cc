import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestClocks1795620753739 implements MigrationInterface {
  name = 'RequestClocks1795620753739';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`request_timer\` (\`requestId\` int NOT NULL, \`clock\` varchar(12) NOT NULL, \`dueAt\` datetime(3) NOT NULL, \`stage\` varchar(12) NOT NULL, \`rung\` int NOT NULL DEFAULT '0', \`nextFireAt\` datetime(3) NOT NULL, INDEX \`IDX_request_timer_next\` (\`nextFireAt\`), PRIMARY KEY (\`requestId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`escalationRung\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`supervisedAt\` datetime(3) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`supervisedAt\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`escalationRung\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_timer_next\` ON \`request_timer\``);
    await queryRunner.query(`DROP TABLE \`request_timer\``);
  }
}
