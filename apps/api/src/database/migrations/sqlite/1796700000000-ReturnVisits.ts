import { MigrationInterface, QueryRunner } from 'typeorm';

/** 回访: the return visits the office records (回访, 回看并关闭), docs/requests.md. */
export class ReturnVisits1796700000000 implements MigrationInterface {
  name = 'ReturnVisits1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "return_visit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "handlerUnitId" integer NOT NULL, "visitorPersonId" integer NOT NULL, "method" varchar(16) NOT NULL, "reached" boolean NOT NULL, "heard" varchar(24), "appRating" varchar(24), "note" varchar(2000), "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_return_visit_created" ON "return_visit" ("createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_return_visit_request" ON "return_visit" ("requestId", "createdAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_return_visit_request"`);
    await queryRunner.query(`DROP INDEX "IDX_return_visit_created"`);
    await queryRunner.query(`DROP TABLE "return_visit"`);
  }
}
