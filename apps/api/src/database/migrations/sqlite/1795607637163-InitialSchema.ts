import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795607637163 implements MigrationInterface {
  name = 'InitialSchema1795607637163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "kind" varchar(32) NOT NULL, "name" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_org_unit_code" ON "org_unit" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_parent" ON "org_unit" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(32) NOT NULL, "phone" varchar(20), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_person_phone" ON "person" ("phone") `);
    await queryRunner.query(
      `CREATE TABLE "role_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "personId" integer NOT NULL, "role" varchar(32) NOT NULL, "unitId" integer NOT NULL, "startedAt" datetime NOT NULL DEFAULT (datetime('now')), "endedAt" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_role_assignment_unit_role" ON "role_assignment" ("unitId", "role") `);
    await queryRunner.query(`CREATE INDEX "IDX_role_assignment_person" ON "role_assignment" ("personId") `);
    await queryRunner.query(`DROP INDEX "UQ_org_unit_code"`);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_parent"`);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "kind" varchar(32) NOT NULL, "name" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_296f19905a5d681ceb22d2b61df" FOREIGN KEY ("parentId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_org_unit"("id", "parentId", "kind", "name", "code", "path", "createdAt") SELECT "id", "parentId", "kind", "name", "code", "path", "createdAt" FROM "org_unit"`,
    );
    await queryRunner.query(`DROP TABLE "org_unit"`);
    await queryRunner.query(`ALTER TABLE "temporary_org_unit" RENAME TO "org_unit"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_org_unit_code" ON "org_unit" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_parent" ON "org_unit" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(`DROP INDEX "IDX_role_assignment_unit_role"`);
    await queryRunner.query(`DROP INDEX "IDX_role_assignment_person"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_role_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "personId" integer NOT NULL, "role" varchar(32) NOT NULL, "unitId" integer NOT NULL, "startedAt" datetime NOT NULL DEFAULT (datetime('now')), "endedAt" datetime, CONSTRAINT "FK_1576f4adadc1c3241c5614731b1" FOREIGN KEY ("personId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f75d1515480d1b6ad633ad73546" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_role_assignment"("id", "personId", "role", "unitId", "startedAt", "endedAt") SELECT "id", "personId", "role", "unitId", "startedAt", "endedAt" FROM "role_assignment"`,
    );
    await queryRunner.query(`DROP TABLE "role_assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_role_assignment" RENAME TO "role_assignment"`);
    await queryRunner.query(`CREATE INDEX "IDX_role_assignment_unit_role" ON "role_assignment" ("unitId", "role") `);
    await queryRunner.query(`CREATE INDEX "IDX_role_assignment_person" ON "role_assignment" ("personId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_role_assignment_person"`);
    await queryRunner.query(`DROP INDEX "IDX_role_assignment_unit_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignment" RENAME TO "temporary_role_assignment"`);
    await queryRunner.query(
      `CREATE TABLE "role_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "personId" integer NOT NULL, "role" varchar(32) NOT NULL, "unitId" integer NOT NULL, "startedAt" datetime NOT NULL DEFAULT (datetime('now')), "endedAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "role_assignment"("id", "personId", "role", "unitId", "startedAt", "endedAt") SELECT "id", "personId", "role", "unitId", "startedAt", "endedAt" FROM "temporary_role_assignment"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_role_assignment"`);
    await queryRunner.query(`CREATE INDEX "IDX_role_assignment_person" ON "role_assignment" ("personId") `);
    await queryRunner.query(`CREATE INDEX "IDX_role_assignment_unit_role" ON "role_assignment" ("unitId", "role") `);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_parent"`);
    await queryRunner.query(`DROP INDEX "UQ_org_unit_code"`);
    await queryRunner.query(`ALTER TABLE "org_unit" RENAME TO "temporary_org_unit"`);
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "kind" varchar(32) NOT NULL, "name" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "path" varchar(255) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "org_unit"("id", "parentId", "kind", "name", "code", "path", "createdAt") SELECT "id", "parentId", "kind", "name", "code", "path", "createdAt" FROM "temporary_org_unit"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_org_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_path" ON "org_unit" ("path") `);
    await queryRunner.query(`CREATE INDEX "IDX_org_unit_parent" ON "org_unit" ("parentId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_org_unit_code" ON "org_unit" ("code") `);
    await queryRunner.query(`DROP INDEX "IDX_role_assignment_person"`);
    await queryRunner.query(`DROP INDEX "IDX_role_assignment_unit_role"`);
    await queryRunner.query(`DROP TABLE "role_assignment"`);
    await queryRunner.query(`DROP INDEX "UQ_person_phone"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_path"`);
    await queryRunner.query(`DROP INDEX "IDX_org_unit_parent"`);
    await queryRunner.query(`DROP INDEX "UQ_org_unit_code"`);
    await queryRunner.query(`DROP TABLE "org_unit"`);
  }
}
