import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1796287165641 implements MigrationInterface {
  name = 'ReportIndexes1796287165641';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_request_updated\` ON \`request\` (\`updatedAt\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_request_state_created\` ON \`request\` (\`state\`, \`createdAt\`)`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_event_report\` ON \`request_event\` (\`action\`, \`createdAt\`, \`handlerUnitId\`, \`requestId\`, \`rating\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_request_event_report\` ON \`request_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_state_created\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_updated\` ON \`request\``);
  }
}
