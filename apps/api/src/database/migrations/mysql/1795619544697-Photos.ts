import { MigrationInterface, QueryRunner } from 'typeorm';

export class Photos1795619544697 implements MigrationInterface {
  name = 'Photos1795619544697';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`photo\` (\`id\` int NOT NULL AUTO_INCREMENT, \`uploaderPersonId\` int NOT NULL, \`storageKey\` varchar(128) NOT NULL, \`mimeType\` varchar(16) NOT NULL, \`bytes\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`requestId\` int NULL, \`requestEventId\` int NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_photo_storage_key\` (\`storageKey\`), INDEX \`IDX_photo_request_event\` (\`requestEventId\`), INDEX \`IDX_photo_uploader\` (\`uploaderPersonId\`, \`requestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`contentReview\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE \`photo\` ADD CONSTRAINT \`FK_1b8c19517dd8f3879f433ae0117\` FOREIGN KEY (\`uploaderPersonId\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`photo\` ADD CONSTRAINT \`FK_a159d50522c48cdde97f4103d2e\` FOREIGN KEY (\`requestId\`) REFERENCES \`request\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`photo\` ADD CONSTRAINT \`FK_8dec81cdcf74e399f6362946bea\` FOREIGN KEY (\`requestEventId\`) REFERENCES \`request_event\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`photo\` DROP FOREIGN KEY \`FK_8dec81cdcf74e399f6362946bea\``);
    await queryRunner.query(`ALTER TABLE \`photo\` DROP FOREIGN KEY \`FK_a159d50522c48cdde97f4103d2e\``);
    await queryRunner.query(`ALTER TABLE \`photo\` DROP FOREIGN KEY \`FK_1b8c19517dd8f3879f433ae0117\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`contentReview\``);
    await queryRunner.query(`DROP INDEX \`IDX_photo_uploader\` ON \`photo\``);
    await queryRunner.query(`DROP INDEX \`IDX_photo_request_event\` ON \`photo\``);
    await queryRunner.query(`DROP INDEX \`UQ_photo_storage_key\` ON \`photo\``);
    await queryRunner.query(`DROP TABLE \`photo\``);
  }
}
