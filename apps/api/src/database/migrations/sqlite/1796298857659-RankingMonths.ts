import { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingMonths1796298857659 implements MigrationInterface {
  name = 'RankingMonths1796298857659';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_event_report"`);
    await queryRunner.query(
      `CREATE TABLE "ranking_month" ("month" varchar(7) PRIMARY KEY NOT NULL, "rulesKey" varchar(64) NOT NULL, "checkedThroughEventId" integer NOT NULL, "settlesAt" datetime(3) NOT NULL, "countedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "ranking_month_count" ("month" varchar(7) NOT NULL, "unitId" integer NOT NULL, "received" integer NOT NULL DEFAULT (0), "contactedOnTime" integer NOT NULL DEFAULT (0), "resolved" integer NOT NULL DEFAULT (0), "withdrawn" integer NOT NULL DEFAULT (0), "patrolFound" integer NOT NULL DEFAULT (0), "closedOnTime" integer NOT NULL DEFAULT (0), "closedLate" integer NOT NULL DEFAULT (0), "satisfied" integer NOT NULL DEFAULT (0), "basicallySatisfied" integer NOT NULL DEFAULT (0), "dissatisfied" integer NOT NULL DEFAULT (0), "rehandled" integer NOT NULL DEFAULT (0), "openOverdue" integer NOT NULL DEFAULT (0), PRIMARY KEY ("month", "unitId"))`,
    );
    await queryRunner.query(`DROP INDEX "IDX_request_event_timeline"`);
    await queryRunner.query(`DROP INDEX "IDX_request_event_request"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromState" varchar(16), "toState" varchar(16) NOT NULL, "actorPersonId" integer, "note" text, "public" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "handlerUnitId" integer, "rating" varchar(24), "dueAt" datetime(3), CONSTRAINT "FK_2adb3541bd8ca7943116f5f4c9f" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request_event"("id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt", "handlerUnitId", "rating") SELECT "id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt", "handlerUnitId", "rating" FROM "request_event"`,
    );
    await queryRunner.query(`DROP TABLE "request_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_request_event" RENAME TO "request_event"`);
    // Rows written before this: the matter's present deadlines, which the reports judged them by until now (no figure moves).
    await queryRunner.query(
      `UPDATE request_event SET dueAt = (SELECT CASE WHEN request_event.action = 'resolve' THEN r.completionDueAt WHEN request_event.toState = 'submitted' THEN r.contactDueAt WHEN request_event.toState IN ('accepted', 'in_progress') THEN r.completionDueAt END FROM request r WHERE r.id = request_event.requestId)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_request_event_timeline" ON "request_event" ("requestId", "createdAt", "action") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_request" ON "request_event" ("requestId", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_request_event_report" ON "request_event" ("action", "createdAt", "handlerUnitId", "requestId", "rating", "dueAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_event_report"`);
    await queryRunner.query(`DROP INDEX "IDX_request_event_request"`);
    await queryRunner.query(`DROP INDEX "IDX_request_event_timeline"`);
    await queryRunner.query(`ALTER TABLE "request_event" RENAME TO "temporary_request_event"`);
    await queryRunner.query(
      `CREATE TABLE "request_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "action" varchar(16) NOT NULL, "fromState" varchar(16), "toState" varchar(16) NOT NULL, "actorPersonId" integer, "note" text, "public" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "handlerUnitId" integer, "rating" varchar(24), CONSTRAINT "FK_2adb3541bd8ca7943116f5f4c9f" FOREIGN KEY ("requestId") REFERENCES "request" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request_event"("id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt", "handlerUnitId", "rating") SELECT "id", "requestId", "action", "fromState", "toState", "actorPersonId", "note", "public", "createdAt", "handlerUnitId", "rating" FROM "temporary_request_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_request" ON "request_event" ("requestId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_timeline" ON "request_event" ("requestId", "createdAt", "action") `);
    await queryRunner.query(`DROP TABLE "ranking_month_count"`);
    await queryRunner.query(`DROP TABLE "ranking_month"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_event_report" ON "request_event" ("action", "createdAt", "handlerUnitId", "requestId", "rating") `);
  }
}
