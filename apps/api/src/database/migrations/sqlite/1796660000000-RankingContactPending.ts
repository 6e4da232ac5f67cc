import { MigrationInterface, QueryRunner } from 'typeorm';

/** A kept month's count of matters whose first contact is not yet due (contactPending; always 0 once kept; docs/reports.md). */
export class RankingContactPending1796660000000 implements MigrationInterface {
  name = 'RankingContactPending1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ranking_month_count" ADD COLUMN "contactPending" integer NOT NULL DEFAULT (0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ranking_month_count" DROP COLUMN "contactPending"`);
  }
}
