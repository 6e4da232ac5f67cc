import { MigrationInterface, QueryRunner } from 'typeorm';

export class Requests1795612138838 implements MigrationInterface {
  name = 'Requests1795612138838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`handlerUnitId\` int NOT NULL, \`requesterPersonId\` int NOT NULL, \`source\` varchar(16) NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`category\` varchar(32) NOT NULL, \`description\` text NOT NULL, \`addressNote\` varchar(200) NULL, \`contactPhone\` varchar(20) NULL, \`confidential\` tinyint NOT NULL DEFAULT 0, \`state\` varchar(16) NOT NULL, \`complexity\` varchar(8) NULL, \`contactDueAt\` datetime(3) NOT NULL, \`contactedAt\` datetime(3) NULL, \`completionDueAt\` datetime(3) NULL, \`resolvedAt\` datetime(3) NULL, \`closedAt\` datetime(3) NULL, \`contactLate\` tinyint NOT NULL DEFAULT 0, \`completionLate\` tinyint NOT NULL DEFAULT 0, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_request_client_id\` (\`requesterPersonId\`, \`clientRequestId\`), INDEX \`IDX_request_requester\` (\`requesterPersonId\`, \`createdAt\`), INDEX \`IDX_request_handler_due\` (\`handlerUnitId\`, \`state\`, \`completionDueAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`request_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`fromState\` varchar(16) NULL, \`toState\` varchar(16) NOT NULL, \`actorPersonId\` int NOT NULL, \`note\` text NULL, \`public\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_request_event_request\` (\`requestId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_036b9390dea5fd490bb2eb1c4b8\` FOREIGN KEY (\`unitId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_dcdcc00cfcb77d1eda4b114ddf2\` FOREIGN KEY (\`handlerUnitId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD CONSTRAINT \`FK_e44f6fdfa992852c679e6834d8b\` FOREIGN KEY (\`requesterPersonId\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_event\` ADD CONSTRAINT \`FK_2adb3541bd8ca7943116f5f4c9f\` FOREIGN KEY (\`requestId\`) REFERENCES \`request\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_event\` DROP FOREIGN KEY \`FK_2adb3541bd8ca7943116f5f4c9f\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_e44f6fdfa992852c679e6834d8b\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_dcdcc00cfcb77d1eda4b114ddf2\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP FOREIGN KEY \`FK_036b9390dea5fd490bb2eb1c4b8\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_event_request\` ON \`request_event\``);
    await queryRunner.query(`DROP TABLE \`request_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_handler_due\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_requester\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`UQ_request_client_id\` ON \`request\``);
    await queryRunner.query(`DROP TABLE \`request\``);
  }
}
