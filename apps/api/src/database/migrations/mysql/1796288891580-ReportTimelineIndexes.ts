import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportTimelineIndexes1796288891580 implements MigrationInterface {
  name = 'ReportTimelineIndexes1796288891580';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_request_updated\` ON \`request\``);
    await queryRunner.query(`CREATE INDEX \`IDX_request_updated_created\` ON \`request\` (\`updatedAt\`, \`createdAt\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_request_event_timeline\` ON \`request_event\` (\`requestId\`, \`createdAt\`, \`action\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_request_event_timeline\` ON \`request_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_updated_created\` ON \`request\``);
    await queryRunner.query(`CREATE INDEX \`IDX_request_updated\` ON \`request\` (\`updatedAt\`)`);
  }
}
