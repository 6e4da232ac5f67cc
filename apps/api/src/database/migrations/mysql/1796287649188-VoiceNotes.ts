import { MigrationInterface, QueryRunner } from 'typeorm';

export class VoiceNotes1796287649188 implements MigrationInterface {
  name = 'VoiceNotes1796287649188';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`voice_note\` (\`id\` int NOT NULL AUTO_INCREMENT, \`uploaderPersonId\` int NOT NULL, \`storageKey\` varchar(128) NOT NULL, \`mimeType\` varchar(16) NOT NULL, \`bytes\` int NOT NULL, \`durationMs\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`requestId\` int NULL, \`requestEventId\` int NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_voice_note_storage_key\` (\`storageKey\`), INDEX \`IDX_voice_note_request\` (\`requestId\`), INDEX \`IDX_voice_note_uploader\` (\`uploaderPersonId\`, \`requestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`voice_note\` ADD CONSTRAINT \`FK_bbf9b49930d8ffad5c235855e06\` FOREIGN KEY (\`uploaderPersonId\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`voice_note\` ADD CONSTRAINT \`FK_01382ca83fe373a884912d558e0\` FOREIGN KEY (\`requestId\`) REFERENCES \`request\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`voice_note\` ADD CONSTRAINT \`FK_26c985ded19290fcccba7921194\` FOREIGN KEY (\`requestEventId\`) REFERENCES \`request_event\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`voice_note\` DROP FOREIGN KEY \`FK_26c985ded19290fcccba7921194\``);
    await queryRunner.query(`ALTER TABLE \`voice_note\` DROP FOREIGN KEY \`FK_01382ca83fe373a884912d558e0\``);
    await queryRunner.query(`ALTER TABLE \`voice_note\` DROP FOREIGN KEY \`FK_bbf9b49930d8ffad5c235855e06\``);
    await queryRunner.query(`DROP INDEX \`IDX_voice_note_uploader\` ON \`voice_note\``);
    await queryRunner.query(`DROP INDEX \`IDX_voice_note_request\` ON \`voice_note\``);
    await queryRunner.query(`DROP INDEX \`UQ_voice_note_storage_key\` ON \`voice_note\``);
    await queryRunner.query(`DROP TABLE \`voice_note\``);
  }
}
