import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client request id names a retry only for the one who sent it (issue 14, finding 1): the
 * submitter of each matter, backfilled, and the unique key moved from (requester, clientRequestId)
 * to (submitter, source, clientRequestId); the name a matter was entered under (finding 2).
 * Touches every row of request: the backfill is one UPDATE over the table (the column itself is added in place).
 */
export class RequestSubmitter1796632584054 implements MigrationInterface {
  name = 'RequestSubmitter1796632584054';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_request_client_id\` ON \`request\``);
    // Who sent each matter so far: whoever entered it for the requester, else the requester.
    // Added with a default and the default dropped after: both instant, where NULL then NOT NULL would copy the table.
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`submitterPersonId\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(`UPDATE \`request\` SET \`submitterPersonId\` = COALESCE(\`enteredByPersonId\`, \`requesterPersonId\`)`);
    await queryRunner.query(`ALTER TABLE \`request\` ALTER \`submitterPersonId\` DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`enteredName\` varchar(32) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_request_submitter_created\` ON \`request\` (\`submitterPersonId\`, \`createdAt\`)`);
    await queryRunner.query(clientIdsMadeDistinct(['submitterPersonId', 'source', 'clientRequestId']));
    await queryRunner.query(`CREATE UNIQUE INDEX \`UQ_request_submitter_client_id\` ON \`request\` (\`submitterPersonId\`, \`source\`, \`clientRequestId\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_request_submitter_client_id\` ON \`request\``);
    await queryRunner.query(`DROP INDEX \`IDX_request_submitter_created\` ON \`request\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`enteredName\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`submitterPersonId\``);
    // Two submitters may since have sent one requester's matters with the same id.
    await queryRunner.query(clientIdsMadeDistinct(['requesterPersonId', 'clientRequestId']));
    await queryRunner.query(`CREATE UNIQUE INDEX \`UQ_request_client_id\` ON \`request\` (\`requesterPersonId\`, \`clientRequestId\`)`);
  }
}

/**
 * Rows that would break a unique key on `columns`: the first keeps its id, each later one gets
 * "<id>~<row id>" (a "~" no client sends, so it can never be a retry's). Only a scripted client
 * ever reused an id, so this normally changes nothing.
 */
function clientIdsMadeDistinct(columns: readonly string[]): string {
  const key = columns.map((c) => `\`${c}\``).join(', ');
  const on = columns.map((c) => `d.\`${c}\` = r.\`${c}\``).join(' AND ');
  return `UPDATE \`request\` r JOIN (SELECT ${key}, MIN(\`id\`) AS firstId FROM \`request\` GROUP BY ${key} HAVING COUNT(*) > 1) d ON ${on} AND r.\`id\` > d.firstId
        SET r.\`clientRequestId\` = CONCAT(LEFT(r.\`clientRequestId\`, 50), '~', r.\`id\`)`;
}
