import { MigrationInterface, QueryRunner } from 'typeorm';

/** 扫码登录: desk sign-in tickets and the desk sign-ins they made (docs/identity-and-access.md). */
export class DeskSignIn1796710000000 implements MigrationInterface {
  name = 'DeskSignIn1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "desk_ticket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scene" varchar(32) NOT NULL, "pollTokenHash" varchar(64) NOT NULL, "state" varchar(16) NOT NULL, "browser" varchar(40) NOT NULL, "userAgent" varchar(400), "ip" varchar(64), "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "decidedBy" integer, "decidedAt" datetime, "claimedAt" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_desk_ticket_scene" ON "desk_ticket" ("scene") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_desk_ticket_poll" ON "desk_ticket" ("pollTokenHash") `);
    await queryRunner.query(
      `CREATE TABLE "desk_sign_in" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "personId" integer NOT NULL, "familyId" varchar(36) NOT NULL, "ticketId" integer NOT NULL, "browser" varchar(40) NOT NULL, "ip" varchar(64), "signedInAt" datetime NOT NULL, "revokedAt" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_desk_sign_in_person" ON "desk_sign_in" ("personId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_desk_sign_in_family" ON "desk_sign_in" ("familyId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_desk_sign_in_family"`);
    await queryRunner.query(`DROP INDEX "IDX_desk_sign_in_person"`);
    await queryRunner.query(`DROP TABLE "desk_sign_in"`);
    await queryRunner.query(`DROP INDEX "UQ_desk_ticket_poll"`);
    await queryRunner.query(`DROP INDEX "UQ_desk_ticket_scene"`);
    await queryRunner.query(`DROP TABLE "desk_ticket"`);
  }
}
