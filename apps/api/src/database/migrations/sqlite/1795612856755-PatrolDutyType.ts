import { MigrationInterface, QueryRunner } from 'typeorm';

export class PatrolDutyType1795612856755 implements MigrationInterface {
  name = 'PatrolDutyType1795612856755';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_request_client_id"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester"`);
    await queryRunner.query(`DROP INDEX "IDX_request_handler_due"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unitId" integer NOT NULL, "handlerUnitId" integer NOT NULL, "requesterPersonId" integer NOT NULL, "source" varchar(16) NOT NULL, "clientRequestId" varchar(64) NOT NULL, "category" varchar(32) NOT NULL, "description" text NOT NULL, "addressNote" varchar(200), "contactPhone" varchar(20), "confidential" boolean NOT NULL DEFAULT (0), "state" varchar(16) NOT NULL, "complexity" varchar(8), "contactDueAt" datetime(3) NOT NULL, "contactedAt" datetime(3), "completionDueAt" datetime(3), "resolvedAt" datetime(3), "closedAt" datetime(3), "contactLate" boolean NOT NULL DEFAULT (0), "completionLate" boolean NOT NULL DEFAULT (0), "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "rating" varchar(24), "ratedAt" datetime(3), "rehandleCount" integer NOT NULL DEFAULT (0), "dutyType" varchar(24), CONSTRAINT "FK_036b9390dea5fd490bb2eb1c4b8" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dcdcc00cfcb77d1eda4b114ddf2" FOREIGN KEY ("handlerUnitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e44f6fdfa992852c679e6834d8b" FOREIGN KEY ("requesterPersonId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_request"("id", "unitId", "handlerUnitId", "requesterPersonId", "source", "clientRequestId", "category", "description", "addressNote", "contactPhone", "confidential", "state", "complexity", "contactDueAt", "contactedAt", "completionDueAt", "resolvedAt", "closedAt", "contactLate", "completionLate", "version", "createdAt", "updatedAt", "rating", "ratedAt", "rehandleCount") SELECT "id", "unitId", "handlerUnitId", "requesterPersonId", "source", "clientRequestId", "category", "description", "addressNote", "contactPhone", "confidential", "state", "complexity", "contactDueAt", "contactedAt", "completionDueAt", "resolvedAt", "closedAt", "contactLate", "completionLate", "version", "createdAt", "updatedAt", "rating", "ratedAt", "rehandleCount" FROM "request"`,
    );
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "temporary_request" RENAME TO "request"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_client_id" ON "request" ("requesterPersonId", "clientRequestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_requester" ON "request" ("requesterPersonId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_handler_due" ON "request" ("handlerUnitId", "state", "completionDueAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_request_handler_due"`);
    await queryRunner.query(`DROP INDEX "IDX_request_requester"`);
    await queryRunner.query(`DROP INDEX "UQ_request_client_id"`);
    await queryRunner.query(`ALTER TABLE "request" RENAME TO "temporary_request"`);
    await queryRunner.query(
      `CREATE TABLE "request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unitId" integer NOT NULL, "handlerUnitId" integer NOT NULL, "requesterPersonId" integer NOT NULL, "source" varchar(16) NOT NULL, "clientRequestId" varchar(64) NOT NULL, "category" varchar(32) NOT NULL, "description" text NOT NULL, "addressNote" varchar(200), "contactPhone" varchar(20), "confidential" boolean NOT NULL DEFAULT (0), "state" varchar(16) NOT NULL, "complexity" varchar(8), "contactDueAt" datetime(3) NOT NULL, "contactedAt" datetime(3), "completionDueAt" datetime(3), "resolvedAt" datetime(3), "closedAt" datetime(3), "contactLate" boolean NOT NULL DEFAULT (0), "completionLate" boolean NOT NULL DEFAULT (0), "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "rating" varchar(24), "ratedAt" datetime(3), "rehandleCount" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_036b9390dea5fd490bb2eb1c4b8" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dcdcc00cfcb77d1eda4b114ddf2" FOREIGN KEY ("handlerUnitId") REFERENCES "org_unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e44f6fdfa992852c679e6834d8b" FOREIGN KEY ("requesterPersonId") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "request"("id", "unitId", "handlerUnitId", "requesterPersonId", "source", "clientRequestId", "category", "description", "addressNote", "contactPhone", "confidential", "state", "complexity", "contactDueAt", "contactedAt", "completionDueAt", "resolvedAt", "closedAt", "contactLate", "completionLate", "version", "createdAt", "updatedAt", "rating", "ratedAt", "rehandleCount") SELECT "id", "unitId", "handlerUnitId", "requesterPersonId", "source", "clientRequestId", "category", "description", "addressNote", "contactPhone", "confidential", "state", "complexity", "contactDueAt", "contactedAt", "completionDueAt", "resolvedAt", "closedAt", "contactLate", "completionLate", "version", "createdAt", "updatedAt", "rating", "ratedAt", "rehandleCount" FROM "temporary_request"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_request"`);
    await queryRunner.query(`CREATE INDEX "IDX_request_handler_due" ON "request" ("handlerUnitId", "state", "completionDueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_request_requester" ON "request" ("requesterPersonId", "createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_request_client_id" ON "request" ("requesterPersonId", "clientRequestId") `);
  }
}
