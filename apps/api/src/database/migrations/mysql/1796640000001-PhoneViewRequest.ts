import { MigrationInterface, QueryRunner } from 'typeorm';

/** The request a full number was seen for (null for the roster), and an index for the audit's filter by viewer. */
export class PhoneViewRequest1796640000001 implements MigrationInterface {
  name = 'PhoneViewRequest1796640000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `phone_view_log` ADD `requestId` int NULL');
    await queryRunner.query('CREATE INDEX `IDX_phone_view_log_viewer` ON `phone_view_log` (`viewerPersonId`, `viewedAt`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_phone_view_log_viewer` ON `phone_view_log`');
    await queryRunner.query('ALTER TABLE `phone_view_log` DROP COLUMN `requestId`');
  }
}
