import { MigrationInterface, QueryRunner } from 'typeorm';

/** A kept month's count of matters refused as unreasonable and confirmed at look-back (excluded; docs/reports.md). */
export class RankingExcluded1796650000000 implements MigrationInterface {
  name = 'RankingExcluded1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ranking_month_count\` ADD \`excluded\` int NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ranking_month_count\` DROP COLUMN \`excluded\``);
  }
}
