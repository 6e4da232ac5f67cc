import { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterImport1795609865850 implements MigrationInterface {
  name = 'RosterImport1795609865850';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "roster_import" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "townId" integer NOT NULL, "requestedByPersonId" integer NOT NULL, "fileName" varchar(255) NOT NULL, "state" varchar(16) NOT NULL, "total" integer NOT NULL, "processed" integer NOT NULL DEFAULT (0), "errorCount" integer NOT NULL DEFAULT (0), "errors" text, "summary" text, "message" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "stateChangedAt" datetime NOT NULL, "finishedAt" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_roster_import_town" ON "roster_import" ("townId", "createdAt") `);
    await queryRunner.query(`DROP INDEX "IDX_roster_import_town"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_roster_import" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "townId" integer NOT NULL, "requestedByPersonId" integer NOT NULL, "fileName" varchar(255) NOT NULL, "state" varchar(16) NOT NULL, "total" integer NOT NULL, "processed" integer NOT NULL DEFAULT (0), "errorCount" integer NOT NULL DEFAULT (0), "errors" text, "summary" text, "message" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "stateChangedAt" datetime NOT NULL, "finishedAt" datetime, CONSTRAINT "FK_83cac16987d016a24cabbfbb08a" FOREIGN KEY ("townId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_roster_import"("id", "townId", "requestedByPersonId", "fileName", "state", "total", "processed", "errorCount", "errors", "summary", "message", "createdAt", "stateChangedAt", "finishedAt") SELECT "id", "townId", "requestedByPersonId", "fileName", "state", "total", "processed", "errorCount", "errors", "summary", "message", "createdAt", "stateChangedAt", "finishedAt" FROM "roster_import"`,
    );
    await queryRunner.query(`DROP TABLE "roster_import"`);
    await queryRunner.query(`ALTER TABLE "temporary_roster_import" RENAME TO "roster_import"`);
    await queryRunner.query(`CREATE INDEX "IDX_roster_import_town" ON "roster_import" ("townId", "createdAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_roster_import_town"`);
    await queryRunner.query(`ALTER TABLE "roster_import" RENAME TO "temporary_roster_import"`);
    await queryRunner.query(
      `CREATE TABLE "roster_import" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "townId" integer NOT NULL, "requestedByPersonId" integer NOT NULL, "fileName" varchar(255) NOT NULL, "state" varchar(16) NOT NULL, "total" integer NOT NULL, "processed" integer NOT NULL DEFAULT (0), "errorCount" integer NOT NULL DEFAULT (0), "errors" text, "summary" text, "message" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "stateChangedAt" datetime NOT NULL, "finishedAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "roster_import"("id", "townId", "requestedByPersonId", "fileName", "state", "total", "processed", "errorCount", "errors", "summary", "message", "createdAt", "stateChangedAt", "finishedAt") SELECT "id", "townId", "requestedByPersonId", "fileName", "state", "total", "processed", "errorCount", "errors", "summary", "message", "createdAt", "stateChangedAt", "finishedAt" FROM "temporary_roster_import"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_roster_import"`);
    await queryRunner.query(`CREATE INDEX "IDX_roster_import_town" ON "roster_import" ("townId", "createdAt") `);
    await queryRunner.query(`DROP INDEX "IDX_roster_import_town"`);
    await queryRunner.query(`DROP TABLE "roster_import"`);
  }
}
