import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 诉求检索 by place, state and received date (docs/benchmarks.md, "Search"): each unit of the place
 * reads only its matters of that state in the date range. It leads with `unitId`, so the server
 * drops the foreign key's own index on `unitId` (FK_036b…); `down` makes that one again first.
 */
export class SearchIndex1796690000001 implements MigrationInterface {
  name = 'SearchIndex1796690000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_request_unit_state_created\` ON \`request\` (\`unitId\`, \`state\`, \`createdAt\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [kept] = (await queryRunner.query(`SHOW INDEX FROM \`request\` WHERE \`Key_name\` = 'FK_036b9390dea5fd490bb2eb1c4b8'`)) as unknown[];
    if (!kept) await queryRunner.query(`CREATE INDEX \`FK_036b9390dea5fd490bb2eb1c4b8\` ON \`request\` (\`unitId\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_request_unit_state_created\` ON \`request\``);
  }
}
