import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndGroups1795608851640 implements MigrationInterface {
  name = 'IdentityAndGroups1795608851640';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`wechat_account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`personId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_wechat_account_openid\` (\`openid\`), INDEX \`IDX_wechat_account_person\` (\`personId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refresh_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tokenHash\` varchar(64) NOT NULL, \`familyId\` varchar(36) NOT NULL, \`personId\` int NOT NULL, \`expiresAt\` datetime NOT NULL, \`usedAt\` datetime NULL, \`revokedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_refresh_token_hash\` (\`tokenHash\`), INDEX \`IDX_refresh_token_family\` (\`familyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`app_setting\` (\`name\` varchar(64) NOT NULL, \`value\` varchar(512) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_group\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openGid\` varchar(64) NOT NULL, \`unitId\` int NULL, \`boundByPersonId\` int NULL, \`boundAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_wechat_group_open_gid\` (\`openGid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`phone_view_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`viewerPersonId\` int NOT NULL, \`subjectPersonId\` int NOT NULL, \`viewedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_phone_view_log_subject\` (\`subjectPersonId\`, \`viewedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_access_token\` (\`appid\` varchar(64) NOT NULL, \`accessToken\` varchar(512) NOT NULL, \`expiresAt\` datetime NOT NULL, \`fetchedAt\` datetime NOT NULL, PRIMARY KEY (\`appid\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`person\` ADD \`homeUnitId\` int NULL`);
    await queryRunner.query(
      `ALTER TABLE \`person\` ADD CONSTRAINT \`FK_7b6374371e59431e935c79fbdb6\` FOREIGN KEY (\`homeUnitId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`wechat_account\` ADD CONSTRAINT \`FK_1da70247759cdf9222fcdf8aa2f\` FOREIGN KEY (\`personId\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`refresh_token\` ADD CONSTRAINT \`FK_7e9711f4f85123922a7e197a0ab\` FOREIGN KEY (\`personId\`) REFERENCES \`person\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`wechat_group\` ADD CONSTRAINT \`FK_599314f18c060728416e442720c\` FOREIGN KEY (\`unitId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`wechat_group\` DROP FOREIGN KEY \`FK_599314f18c060728416e442720c\``);
    await queryRunner.query(`ALTER TABLE \`refresh_token\` DROP FOREIGN KEY \`FK_7e9711f4f85123922a7e197a0ab\``);
    await queryRunner.query(`ALTER TABLE \`wechat_account\` DROP FOREIGN KEY \`FK_1da70247759cdf9222fcdf8aa2f\``);
    await queryRunner.query(`ALTER TABLE \`person\` DROP FOREIGN KEY \`FK_7b6374371e59431e935c79fbdb6\``);
    await queryRunner.query(`ALTER TABLE \`person\` DROP COLUMN \`homeUnitId\``);
    await queryRunner.query(`DROP TABLE \`wechat_access_token\``);
    await queryRunner.query(`DROP INDEX \`IDX_phone_view_log_subject\` ON \`phone_view_log\``);
    await queryRunner.query(`DROP TABLE \`phone_view_log\``);
    await queryRunner.query(`DROP INDEX \`UQ_wechat_group_open_gid\` ON \`wechat_group\``);
    await queryRunner.query(`DROP TABLE \`wechat_group\``);
    await queryRunner.query(`DROP TABLE \`app_setting\``);
    await queryRunner.query(`DROP INDEX \`IDX_refresh_token_family\` ON \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`UQ_refresh_token_hash\` ON \`refresh_token\``);
    await queryRunner.query(`DROP TABLE \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`IDX_wechat_account_person\` ON \`wechat_account\``);
    await queryRunner.query(`DROP INDEX \`UQ_wechat_account_openid\` ON \`wechat_account\``);
    await queryRunner.query(`DROP TABLE \`wechat_account\``);
  }
}
