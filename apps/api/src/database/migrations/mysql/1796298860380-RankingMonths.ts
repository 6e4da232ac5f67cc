import { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingMonths1796298860380 implements MigrationInterface {
  name = 'RankingMonths1796298860380';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_request_event_report\` ON \`request_event\``);
    await queryRunner.query(
      `CREATE TABLE \`ranking_month\` (\`month\` varchar(7) NOT NULL, \`rulesKey\` varchar(64) NOT NULL, \`checkedThroughEventId\` int NOT NULL, \`settlesAt\` datetime(3) NOT NULL, \`countedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`month\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ranking_month_count\` (\`month\` varchar(7) NOT NULL, \`unitId\` int NOT NULL, \`received\` int NOT NULL DEFAULT '0', \`contactedOnTime\` int NOT NULL DEFAULT '0', \`resolved\` int NOT NULL DEFAULT '0', \`withdrawn\` int NOT NULL DEFAULT '0', \`patrolFound\` int NOT NULL DEFAULT '0', \`closedOnTime\` int NOT NULL DEFAULT '0', \`closedLate\` int NOT NULL DEFAULT '0', \`satisfied\` int NOT NULL DEFAULT '0', \`basicallySatisfied\` int NOT NULL DEFAULT '0', \`dissatisfied\` int NOT NULL DEFAULT '0', \`rehandled\` int NOT NULL DEFAULT '0', \`openOverdue\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`month\`, \`unitId\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`request_event\` ADD \`dueAt\` datetime(3) NULL`);
    // Rows written before this: the matter's present deadlines, which the reports judged them by until now (no figure moves).
    await queryRunner.query(
      `UPDATE request_event e INNER JOIN request r ON r.id = e.requestId SET e.dueAt = CASE WHEN e.action = 'resolve' THEN r.completionDueAt WHEN e.toState = 'submitted' THEN r.contactDueAt WHEN e.toState IN ('accepted', 'in_progress') THEN r.completionDueAt END`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_event_report\` ON \`request_event\` (\`action\`, \`createdAt\`, \`handlerUnitId\`, \`requestId\`, \`rating\`, \`dueAt\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_request_event_report\` ON \`request_event\``);
    await queryRunner.query(`ALTER TABLE \`request_event\` DROP COLUMN \`dueAt\``);
    await queryRunner.query(`DROP TABLE \`ranking_month_count\``);
    await queryRunner.query(`DROP TABLE \`ranking_month\``);
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_event_report\` ON \`request_event\` (\`action\`, \`createdAt\`, \`handlerUnitId\`, \`requestId\`, \`rating\`)`,
    );
  }
}
