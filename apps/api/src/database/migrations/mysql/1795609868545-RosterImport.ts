import { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterImport1795609868545 implements MigrationInterface {
  name = 'RosterImport1795609868545';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`roster_import\` (\`id\` int NOT NULL AUTO_INCREMENT, \`townId\` int NOT NULL, \`requestedByPersonId\` int NOT NULL, \`fileName\` varchar(255) NOT NULL, \`state\` varchar(16) NOT NULL, \`total\` int NOT NULL, \`processed\` int NOT NULL DEFAULT '0', \`errorCount\` int NOT NULL DEFAULT '0', \`errors\` text NULL, \`summary\` text NULL, \`message\` varchar(255) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`stateChangedAt\` datetime NOT NULL, \`finishedAt\` datetime NULL, INDEX \`IDX_roster_import_town\` (\`townId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`roster_import\` ADD CONSTRAINT \`FK_83cac16987d016a24cabbfbb08a\` FOREIGN KEY (\`townId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`roster_import\` DROP FOREIGN KEY \`FK_83cac16987d016a24cabbfbb08a\``);
    await queryRunner.query(`DROP INDEX \`IDX_roster_import_town\` ON \`roster_import\``);
    await queryRunner.query(`DROP TABLE \`roster_import\``);
  }
}
