import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 挂账 (docs/requests.md): the plan date of an ask waiting for a decision, the plan date a parked
 * matter waits for, and when its next progress note is owed; each as the instant it falls due,
 * indexed for the park job (ParkedMattersJob), which looks them up by time.
 */
export class RequestParking1796755000000 implements MigrationInterface {
  name = 'RequestParking1796755000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD \`parkAskedUntil\` datetime(3) NULL, ADD \`parkedUntil\` datetime(3) NULL, ADD \`parkProgressDueAt\` datetime(3) NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_request_parked_until\` ON \`request\` (\`parkedUntil\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_request_park_progress\` ON \`request\` (\`parkProgressDueAt\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_request_park_progress\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_parked_until\` ON \`request\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`parkProgressDueAt\`, DROP COLUMN \`parkedUntil\`, DROP COLUMN \`parkAskedUntil\``);
  }
}
