import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795620549825 implements MigrationInterface {
  name = 'Notifications1795620549825';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "personId" integer NOT NULL, "kind" varchar(32) NOT NULL, "requestId" integer, "title" varchar(64) NOT NULL, "body" varchar(300) NOT NULL, "createdAt" datetime(3) NOT NULL, "readAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_notification_person" ON "notification" ("personId", "id") `);
    await queryRunner.query(
      `CREATE TABLE "notification_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notificationId" integer NOT NULL, "channel" varchar(24) NOT NULL, "state" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime(3) NOT NULL, "lastError" varchar(200), "sentAt" datetime(3), "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_delivery_due" ON "notification_delivery" ("state", "nextAttemptAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_delivery_notification" ON "notification_delivery" ("notificationId") `);
    await queryRunner.query(
      `CREATE TABLE "subscribe_grant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "personId" integer NOT NULL, "templateId" varchar(64) NOT NULL, "remaining" integer NOT NULL DEFAULT (0), "updatedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_subscribe_grant" ON "subscribe_grant" ("personId", "templateId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_subscribe_grant"`);
    await queryRunner.query(`DROP TABLE "subscribe_grant"`);
    await queryRunner.query(`DROP INDEX "UQ_delivery_notification"`);
    await queryRunner.query(`DROP INDEX "IDX_delivery_due"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
    await queryRunner.query(`DROP INDEX "IDX_notification_person"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
