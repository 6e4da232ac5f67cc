import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client request id names a retry only for the one who sent it (issue 14, finding 1): the
 * submitter of each matter, backfilled, and the unique key moved from (requester, clientRequestId)
 * to (submitter, source, clientRequestId); the name a matter was entered under (finding 2).
 * Rebuilds the request table (SQLite adds a NOT NULL column no other way).
 */
export class RequestSubmitter1796632579620 implements MigrationInterface {
  name = 'RequestSubmitter1796632579620';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_request_client_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_handler_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_updated_created"`);
    await queryRunner.query(`DROP INDEX "IDX_request_state_created"`);
    await queryRunner.query(`DROP INDEX "UQ_request_hotline_order"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unitId" integer NOT NULL, "handlerUnitId" integer NOT NULL, "requesterPersonId" integer NOT NULL, "source" varchar(16) NOT NULL, "clientRequestId" varchar(64) NOT NULL, "category" varchar(32) NOT NULL, "description" text NOT NULL, "addressNote" varchar(200), "contactPhone" varchar(20), "confidential" boolean NOT NULL DEFAULT (0), "state" varchar(16) NOT NULL, "complexity" varchar(8), "contactDueAt" datetime(3) NOT NULL, "contactedAt" datetime(3), "completionDueAt" datetime(3), "resolvedAt" datetime(3), "closedAt" datetime(3), "contactLate" boolean NOT NULL DEFAULT (0), "completionLate" boolean NOT NULL DEFAULT (0), "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "rating" varchar(24), "ratedAt" datetime(3), "rehandleCount" integer NOT NULL DEFAULT (0), "dutyType" varchar(24), "enteredByPersonId" integer, "hotlineOrderNo" varchar(40), "cityDueAt" datetime(3), "transferRequested" boolean NOT NULL DEFAULT (0), "mergedIntoId" integer, "contentReview" boolean NOT NULL DEFAULT (0), "cityReceivedAt" datetime(3), "escalationRung" integer NOT NULL DEFAULT (0), "supervisedAt" datetime(3), "firstContactDueAt" datetime(3), "submitterPersonId" integer NOT NULL, "enteredName" varchar(32), CONSTRAINT "FK_036b9390dea5fd490bb2eb1c4b8" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dcdcc00cfcb77d1eda4b114ddf2" FOREIGN KEY ("handlerUnitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e44f6fdfa992852c679e6834d8b" FOREIGN KEY ("requesterPersonId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    // Who sent each matter so far: whoever entered it for the requester, else the requester.
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "unitId", "handlerUnitId", "requesterPersonId", "source", "clientRequestId", "category", "description", "addressNote", "contactPhone", "confidential", "state", "complexity", "contactDueAt", "contactedAt", "completionDueAt", "resolvedAt", "closedAt", "contactLate", "completionLate", "version", "createdAt", "updatedAt", "rating", "ratedAt", "rehandleCount", "dutyType", "enteredByPersonId", "hotlineOrderNo", "cityDueAt", "transferRequested", "mergedIntoId", "contentReview", "cityReceivedAt", "escalationRung", "supervisedAt", "firstContactDueAt", "submitterPersonId") SELECT "id", "unitId", "handlerUnitId", "requesterPersonId", "source", "clientRequestId", "category", "description", "addressNote", "contactPhone", "confidential", "state", "complexity", "contactDueAt", "contactedAt", "completionDueAt", "resolvedAt", "closedAt", "contactLate", "completionLate", "version", "createdAt", "updatedAt", "rating", "ratedAt", "rehandleCount", "dutyType", "enteredByPersonId", "hotlineOrderNo", "cityDueAt", "transferRequested", "mergedIntoId", "contentReview", "cityReceivedAt", "escalationRung", "supervisedAt", "firstContactDueAt", COALESCE("enteredByPersonId", "requesterPersonId") FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_handler_due" ON "request" ("handlerUnitId", "state", "completionDueAt", "contactDueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_updated_created" ON "request" ("updatedAt", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_state_created" ON "request" ("state", "createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_hotline_order" ON "request" ("source", "hotlineOrderNo") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_requester" ON "request" ("requesterPersonId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_submitter_created" ON "request" ("submitterPersonId", "createdAt") `);
    await queryRunner.query(clientIdsMadeDistinct(['submitterPersonId', 'source', 'clientRequestId']));
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_submitter_client_id" ON "request" ("submitterPersonId", "source", "clientRequestId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_request_submitter_client_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_submitter_created"`);
    // Dropped in place, not by a rebuild: renaming request away (foreign keys on while undoing)
    // would point the timeline's, photos' and voice notes' foreign keys at the renamed table.
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "enteredName"`);
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "submitterPersonId"`);
    // Two submitters may since have sent one requester's matters with the same id.
    await queryRunner.query(clientIdsMadeDistinct(['requesterPersonId', 'clientRequestId']));
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_client_id" ON "request" ("requesterPersonId", "clientRequestId") `);
  }
}

/**
 * Rows that would break a unique key on `columns`: the first keeps its id, each later one gets
 * "<id>~<row id>" (a "~" no client sends, so it can never be a retry's). Only a scripted client
 * ever reused an id, so this normally changes nothing.
 */
function clientIdsMadeDistinct(columns: readonly string[]): string {
  const key = columns.map((c) => `"${c}"`).join(', ');
  const on = columns.map((c) => `d."${c}" = r."${c}"`).join(' AND ');
  return `UPDATE "request" SET "clientRequestId" = substr("clientRequestId", 1, 50) || '~' || "id"
        WHERE "id" IN (SELECT r."id" FROM "request" r JOIN (SELECT ${key}, MIN("id") AS firstId FROM "request" GROUP BY ${key} HAVING COUNT(*) > 1) d ON ${on} AND r."id" > d.firstId)`;
}
