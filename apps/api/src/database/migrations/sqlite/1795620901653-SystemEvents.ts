import { MigrationInterface, QueryRunner } from 'typeorm';

export class SystemEvents1795620901653 implements MigrationInterface {
  name = 'SystemEvents1795620901653';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_event_request"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromState" varchar(16), "toState" varchar(16) NOT NULL, "actorPersonId" integer NOT NULL, "note" text, "public" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2adb3541bd8ca7943116f5f4c9f" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_event"("id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt") SELECT "id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt" FROM "request_event"`,
    );
    await queryRunner.query(`DROP TABLE "request_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_event" RENAME TO "request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_request" ON "request_event" ("requestId", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_request_event_request"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromState" varchar(16), "toState" varchar(16) NOT NULL, "actorPersonId" integer, "note" text, "public" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2adb3541bd8ca7943116f5f4c9f" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_event"("id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt") SELECT "id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt" FROM "request_event"`,
    );
    await queryRunner.query(`DROP TABLE "request_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_event" RENAME TO "request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_request" ON "request_event" ("requestId", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_event_request"`);
    await queryRunner.query(`ALTER TABLE "request_event" RENAME TO "temporary_request_event"`);
    await queryRunner.query(
      `CREATE TABLE "request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromState" varchar(16), "toState" varchar(16) NOT NULL, "actorPersonId" integer NOT NULL, "note" text, "public" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2adb3541bd8ca7943116f5f4c9f" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_event"("id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt") SELECT "id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt" FROM "temporary_request_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_request" ON "request_event" ("requestId", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_request_event_request"`);
    await queryRunner.query(`ALTER TABLE "request_event" RENAME TO "temporary_request_event"`);
    await queryRunner.query(
      `CREATE TABLE "request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromState" varchar(16), "toState" varchar(16) NOT NULL, "actorPersonId" integer NOT NULL, "note" text, "public" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_2adb3541bd8ca7943116f5f4c9f" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_event"("id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt") SELECT "id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt" FROM "temporary_request_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_request" ON "request_event" ("requestId", "id") `);
  }
}
