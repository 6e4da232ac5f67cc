import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoutingAndHotline1795619517323 implements MigrationInterface {
  name = 'RoutingAndHotline1795619517323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`request_follower\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`personId\` int NOT NULL, \`fromRequestId\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_request_follower_person\` (\`personId\`), UNIQUE INDEX \`UQ_request_follower\` (\`requestId\`, \`personId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`category_route\` (\`id\` int NOT NULL AUTO_INCREMENT, \`townUnitId\` int NOT NULL, \`category\` varchar(32) NOT NULL, \`departmentUnitId\` int NOT NULL, \`updatedByPersonId\` int NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_category_route\` (\`townUnitId\`, \`category\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`enteredByPersonId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`hotlineOrderNo\` varchar(40) NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`cityDueAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`transferRequested\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`mergedIntoId\` int NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`UQ_request_hotline_order\` ON \`request\` (\`source\`, \`hotlineOrderNo\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_request_hotline_order\` ON \`request\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`mergedIntoId\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`transferRequested\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`cityDueAt\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`hotlineOrderNo\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`enteredByPersonId\``);
    await queryRunner.query(`DROP INDEX \`UQ_category_route\` ON \`category_route\``);
    await queryRunner.query(`DROP TABLE \`category_route\``);
    await queryRunner.query(`DROP INDEX \`UQ_request_follower\` ON \`request_follower\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_follower_person\` ON \`request_follower\``);
    await queryRunner.query(`DROP TABLE \`request_follower\``);
  }
}
