import { MigrationInterface, QueryRunner } from 'typeorm';

/** 回访: the return visits the office records (回访, 回看并关闭), docs/requests.md. */
export class ReturnVisits1796700000000 implements MigrationInterface {
  name = 'ReturnVisits1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`return_visit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`handlerUnitId\` int NOT NULL, \`visitorPersonId\` int NOT NULL, \`method\` varchar(16) NOT NULL, \`reached\` tinyint NOT NULL, \`heard\` varchar(24) NULL, \`appRating\` varchar(24) NULL, \`note\` varchar(2000) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_return_visit_request\` (\`requestId\`, \`createdAt\`), INDEX \`IDX_return_visit_created\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_return_visit_created\` ON \`return_visit\``);
    await queryRunner.query(`DROP INDEX \`IDX_return_visit_request\` ON \`return_visit\``);
    await queryRunner.query(`DROP TABLE \`return_visit\``);
  }
}
