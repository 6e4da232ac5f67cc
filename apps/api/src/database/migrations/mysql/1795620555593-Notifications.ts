import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795620555593 implements MigrationInterface {
  name = 'Notifications1795620555593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`personId\` int NOT NULL, \`kind\` varchar(32) NOT NULL, \`requestId\` int NULL, \`title\` varchar(64) NOT NULL, \`body\` varchar(300) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`readAt\` datetime(3) NULL, INDEX \`IDX_notification_person\` (\`personId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notification_delivery\` (\`id\` int NOT NULL AUTO_INCREMENT, \`notificationId\` int NOT NULL, \`channel\` varchar(24) NOT NULL, \`state\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime(3) NOT NULL, \`lastError\` varchar(200) NULL, \`sentAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_delivery_due\` (\`state\`, \`nextAttemptAt\`), UNIQUE INDEX \`UQ_delivery_notification\` (\`notificationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`subscribe_grant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`personId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`remaining\` int NOT NULL DEFAULT '0', \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_subscribe_grant\` (\`personId\`, \`templateId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_subscribe_grant\` ON \`subscribe_grant\``);
    await queryRunner.query(`DROP TABLE \`subscribe_grant\``);
    await queryRunner.query(`DROP INDEX \`UQ_delivery_notification\` ON \`notification_delivery\``);
    await queryRunner.query(`DROP INDEX \`IDX_delivery_due\` ON \`notification_delivery\``);
    await queryRunner.query(`DROP TABLE \`notification_delivery\``);
    await queryRunner.query(`DROP INDEX \`IDX_notification_person\` ON \`notification\``);
    await queryRunner.query(`DROP TABLE \`notification\``);
  }
}
