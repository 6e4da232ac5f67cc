import { MigrationInterface, QueryRunner } from 'typeorm';

/** Printed notices (催办通知书, 督办通知单) and their numbering per town, kind and year: docs/requests.md. */
export class PrintedNotices1796763000000 implements MigrationInterface {
  name = 'PrintedNotices1796763000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notice_counter\` (\`townUnitId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`year\` int NOT NULL, \`lastSerial\` int NOT NULL, PRIMARY KEY (\`townUnitId\`, \`kind\`, \`year\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`printed_notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`eventId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`townUnitId\` int NOT NULL, \`year\` int NOT NULL, \`serial\` int NOT NULL, \`unitId\` int NOT NULL, \`requirement\` varchar(500) NOT NULL, \`replyDays\` int NOT NULL, \`replyBy\` datetime(3) NOT NULL, \`issuedByPersonId\` int NOT NULL, \`issuedAt\` datetime(3) NOT NULL, INDEX \`IDX_printed_notice_request\` (\`requestId\`, \`id\`), UNIQUE INDEX \`UQ_printed_notice_number\` (\`townUnitId\`, \`kind\`, \`year\`, \`serial\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_printed_notice_number\` ON \`printed_notice\``);
    await queryRunner.query(`DROP INDEX \`IDX_printed_notice_request\` ON \`printed_notice\``);
    await queryRunner.query(`DROP TABLE \`printed_notice\``);
    await queryRunner.query(`DROP TABLE \`notice_counter\``);
  }
}
