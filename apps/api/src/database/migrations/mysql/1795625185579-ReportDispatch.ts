import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportDispatch1795625185579 implements MigrationInterface {
  name = 'ReportDispatch1795625185579';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`report_dispatch\` (\`id\` int NOT NULL AUTO_INCREMENT, \`townUnitId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`period\` varchar(10) NOT NULL, \`sentAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_report_dispatch\` (\`townUnitId\`, \`kind\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_report_dispatch\` ON \`report_dispatch\``);
    await queryRunner.query(`DROP TABLE \`report_dispatch\``);
  }
}
