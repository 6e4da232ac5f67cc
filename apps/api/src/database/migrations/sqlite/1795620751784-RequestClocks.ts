import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestClocks1795620751784 implements MigrationInterface {
  name = 'RequestClocks1795620751784';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_timer" ("requestId" integer PRIMARY KEY NOT NULL, "clock" varchar(12) NOT NULL, "dueAt" datetime(3) NOT NULL, "stage" varchar(12) NOT NULL, "rung" integer NOT NULL DEFAULT (0), "nextFireAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_request_timer_next" ON "request_timer" ("nextFireAt") `);
    // Columns added in place (the generator would rebuild the request table).
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "escalationRung" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "request" ADD COLUMN "supervisedAt" datetime(3)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "supervisedAt"`);
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "escalationRung"`);
    await queryRunner.query(`DROP INDEX "IDX_request_timer_next"`);
    await queryRunner.query(`DROP TABLE "request_timer"`);
  }
}
