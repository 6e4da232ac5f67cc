import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndGroups1795608848995 implements MigrationInterface {
  name = 'IdentityAndGroups1795608848995';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "wechat_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "personId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_wechat_account_openid" ON "wechat_account" ("openid") `);
    await queryRunner.query(`CREATE INDEX "IDX_wechat_account_person" ON "wechat_account" ("personId") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenHash" varchar(64) NOT NULL, "familyId" varchar(36) NOT NULL, "personId" integer NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_refresh_token_family" ON "refresh_token" ("familyId") `);
    await queryRunner.query(`CREATE TABLE "app_setting" ("name" varchar(64) PRIMARY KEY NOT NULL, "value" varchar(512) NOT NULL)`);
    await queryRunner.query(
      `CREATE TABLE "wechat_group" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openGid" varchar(64) NOT NULL, "unitId" integer, "boundByPersonId" integer, "boundAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_wechat_group_open_gid" ON "wechat_group" ("openGid") `);
    await queryRunner.query(
      `CREATE TABLE "phone_view_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "viewerPersonId" integer NOT NULL, "subjectPersonId" integer NOT NULL, "viewedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_phone_view_log_subject" ON "phone_view_log" ("subjectPersonId", "viewedAt") `);
    await queryRunner.query(
      `CREATE TABLE "wechat_access_token" ("appid" varchar(64) PRIMARY KEY NOT NULL, "accessToken" varchar(512) NOT NULL, "expiresAt" datetime NOT NULL, "fetchedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "UQ_person_phone"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "phone" varchar(20), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "homeUnitId" integer)`,
    );
    await queryRunner.query(`INSERT INTO "temporary_person"("id", "name", "phone", "createdAt") SELECT "id", "name", "phone", "createdAt" FROM "person"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_phone" ON "person" ("phone") `);
    await queryRunner.query(`DROP INDEX "UQ_person_phone"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "phone" varchar(20), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "homeUnitId" integer, CONSTRAINT "FK_7b6374371e59431e935c79fbdb6" FOREIGN KEY ("homeUnitId") REFERENCES "org_unit" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_person"("id", "name", "phone", "createdAt", "homeUnitId") SELECT "id", "name", "phone", "createdAt", "homeUnitId" FROM "person"`,
    );
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_phone" ON "person" ("phone") `);
    await queryRunner.query(`DROP INDEX "UQ_wechat_account_openid"`);
    await queryRunner.query(`DROP INDEX "IDX_wechat_account_person"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_wechat_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "personId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_1da70247759cdf9222fcdf8aa2f" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_wechat_account"("id", "openid", "unionid", "personId", "createdAt") SELECT "id", "openid", "unionid", "personId", "createdAt" FROM "wechat_account"`,
    );
    await queryRunner.query(`DROP TABLE "wechat_account"`);
    await queryRunner.query(`ALTER TABLE "temporary_wechat_account" RENAME TO "wechat_account"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_wechat_account_openid" ON "wechat_account" ("openid") `);
    await queryRunner.query(`CREATE INDEX "IDX_wechat_account_person" ON "wechat_account" ("personId") `);
    await queryRunner.query(`DROP INDEX "UQ_refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "IDX_refresh_token_family"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenHash" varchar(64) NOT NULL, "familyId" varchar(36) NOT NULL, "personId" integer NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_7e9711f4f85123922a7e197a0ab" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_refresh_token"("id", "tokenHash", "familyId", "personId", "expiresAt", "usedAt", "revokedAt", "createdAt") SELECT "id", "tokenHash", "familyId", "personId", "expiresAt", "usedAt", "revokedAt", "createdAt" FROM "refresh_token"`,
    );
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`ALTER TABLE "temporary_refresh_token" RENAME TO "refresh_token"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_refresh_token_family" ON "refresh_token" ("familyId") `);
    await queryRunner.query(`DROP INDEX "UQ_wechat_group_open_gid"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_wechat_group" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openGid" varchar(64) NOT NULL, "unitId" integer, "boundByPersonId" integer, "boundAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_599314f18c060728416e442720c" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_wechat_group"("id", "openGid", "unitId", "boundByPersonId", "boundAt", "createdAt") SELECT "id", "openGid", "unitId", "boundByPersonId", "boundAt", "createdAt" FROM "wechat_group"`,
    );
    await queryRunner.query(`DROP TABLE "wechat_group"`);
    await queryRunner.query(`ALTER TABLE "temporary_wechat_group" RENAME TO "wechat_group"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_wechat_group_open_gid" ON "wechat_group" ("openGid") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_wechat_group_open_gid"`);
    await queryRunner.query(`ALTER TABLE "wechat_group" RENAME TO "temporary_wechat_group"`);
    await queryRunner.query(
      `CREATE TABLE "wechat_group" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openGid" varchar(64) NOT NULL, "unitId" integer, "boundByPersonId" integer, "boundAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "wechat_group"("id", "openGid", "unitId", "boundByPersonId", "boundAt", "createdAt") SELECT "id", "openGid", "unitId", "boundByPersonId", "boundAt", "createdAt" FROM "temporary_wechat_group"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_wechat_group"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_wechat_group_open_gid" ON "wechat_group" ("openGid") `);
    await queryRunner.query(`DROP INDEX "IDX_refresh_token_family"`);
    await queryRunner.query(`DROP INDEX "UQ_refresh_token_hash"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" RENAME TO "temporary_refresh_token"`);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenHash" varchar(64) NOT NULL, "familyId" varchar(36) NOT NULL, "personId" integer NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "refresh_token"("id", "tokenHash", "familyId", "personId", "expiresAt", "usedAt", "revokedAt", "createdAt") SELECT "id", "tokenHash", "familyId", "personId", "expiresAt", "usedAt", "revokedAt", "createdAt" FROM "temporary_refresh_token"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_refresh_token"`);
    await queryRunner.query(`CREATE INDEX "IDX_refresh_token_family" ON "refresh_token" ("familyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "IDX_wechat_account_person"`);
    await queryRunner.query(`DROP INDEX "UQ_wechat_account_openid"`);
    await queryRunner.query(`ALTER TABLE "wechat_account" RENAME TO "temporary_wechat_account"`);
    await queryRunner.query(
      `CREATE TABLE "wechat_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "personId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "wechat_account"("id", "openid", "unionid", "personId", "createdAt") SELECT "id", "openid", "unionid", "personId", "createdAt" FROM "temporary_wechat_account"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_wechat_account"`);
    await queryRunner.query(`CREATE INDEX "IDX_wechat_account_person" ON "wechat_account" ("personId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_wechat_account_openid" ON "wechat_account" ("openid") `);
    await queryRunner.query(`DROP INDEX "UQ_person_phone"`);
    await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "phone" varchar(20), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "homeUnitId" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "person"("id", "name", "phone", "createdAt", "homeUnitId") SELECT "id", "name", "phone", "createdAt", "homeUnitId" FROM "temporary_person"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_phone" ON "person" ("phone") `);
    await queryRunner.query(`DROP INDEX "UQ_person_phone"`);
    await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "phone" varchar(20), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`INSERT INTO "person"("id", "name", "phone", "createdAt") SELECT "id", "name", "phone", "createdAt" FROM "temporary_person"`);
    await queryRunner.query(`DROP TABLE "temporary_person"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_phone" ON "person" ("phone") `);
    await queryRunner.query(`DROP TABLE "wechat_access_token"`);
    await queryRunner.query(`DROP INDEX "IDX_phone_view_log_subject"`);
    await queryRunner.query(`DROP TABLE "phone_view_log"`);
    await queryRunner.query(`DROP INDEX "UQ_wechat_group_open_gid"`);
    await queryRunner.query(`DROP TABLE "wechat_group"`);
    await queryRunner.query(`DROP TABLE "app_setting"`);
    await queryRunner.query(`DROP INDEX "IDX_refresh_token_family"`);
    await queryRunner.query(`DROP INDEX "UQ_refresh_token_hash"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "IDX_wechat_account_person"`);
    await queryRunner.query(`DROP INDEX "UQ_wechat_account_openid"`);
    await queryRunner.query(`DROP TABLE "wechat_account"`);
  }
}
