import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795607638272 implements MigrationInterface {
  name = 'InitialSchema1795607638272';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`org_unit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parentId\` int NULL, \`kind\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`code\` varchar(64) NOT NULL, \`path\` varchar(255) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_org_unit_code\` (\`code\`), INDEX \`IDX_org_unit_parent\` (\`parentId\`), INDEX \`IDX_org_unit_path\` (\`path\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`person\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, \`phone\` varchar(20) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_person_phone\` (\`phone\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`role_assignment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`personId\` int NOT NULL, \`role\` varchar(32) NOT NULL, \`unitId\` int NOT NULL, \`startedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`endedAt\` datetime NULL, INDEX \`IDX_role_assignment_unit_role\` (\`unitId\`, \`role\`), INDEX \`IDX_role_assignment_person\` (\`personId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`org_unit\` ADD CONSTRAINT \`FK_296f19905a5d681ceb22d2b61df\` FOREIGN KEY (\`parentId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`role_assignment\` ADD CONSTRAINT \`FK_1576f4adadc1c3241c5614731b1\` FOREIGN KEY (\`personId\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`role_assignment\` ADD CONSTRAINT \`FK_f75d1515480d1b6ad633ad73546\` FOREIGN KEY (\`unitId\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`role_assignment\` DROP FOREIGN KEY \`FK_f75d1515480d1b6ad633ad73546\``);
    await queryRunner.query(`ALTER TABLE \`role_assignment\` DROP FOREIGN KEY \`FK_1576f4adadc1c3241c5614731b1\``);
    await queryRunner.query(`ALTER TABLE \`org_unit\` DROP FOREIGN KEY \`FK_296f19905a5d681ceb22d2b61df\``);
    await queryRunner.query(`DROP INDEX \`IDX_role_assignment_person\` ON \`role_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_role_assignment_unit_role\` ON \`role_assignment\``);
    await queryRunner.query(`DROP TABLE \`role_assignment\``);
    await queryRunner.query(`DROP INDEX \`UQ_person_phone\` ON \`person\``);
    await queryRunner.query(`DROP TABLE \`person\``);
    await queryRunner.query(`DROP INDEX \`IDX_org_unit_path\` ON \`org_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_org_unit_parent\` ON \`org_unit\``);
    await queryRunner.query(`DROP INDEX \`UQ_org_unit_code\` ON \`org_unit\``);
    await queryRunner.query(`DROP TABLE \`org_unit\``);
  }
}
