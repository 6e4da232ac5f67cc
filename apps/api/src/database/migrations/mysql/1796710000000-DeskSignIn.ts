import { MigrationInterface, QueryRunner } from 'typeorm';

/** 扫码登录: desk sign-in tickets and the desk sign-ins they made (docs/identity-and-access.md). */
export class DeskSignIn1796710000000 implements MigrationInterface {
  name = 'DeskSignIn1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`desk_ticket\` (\`id\` int NOT NULL AUTO_INCREMENT, \`scene\` varchar(32) NOT NULL, \`pollTokenHash\` varchar(64) NOT NULL, \`state\` varchar(16) NOT NULL, \`browser\` varchar(40) NOT NULL, \`userAgent\` varchar(400) NULL, \`ip\` varchar(64) NULL, \`createdAt\` datetime NOT NULL, \`expiresAt\` datetime NOT NULL, \`decidedBy\` int NULL, \`decidedAt\` datetime NULL, \`claimedAt\` datetime NULL, UNIQUE INDEX \`UQ_desk_ticket_scene\` (\`scene\`), UNIQUE INDEX \`UQ_desk_ticket_poll\` (\`pollTokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`desk_sign_in\` (\`id\` int NOT NULL AUTO_INCREMENT, \`personId\` int NOT NULL, \`familyId\` varchar(36) NOT NULL, \`ticketId\` int NOT NULL, \`browser\` varchar(40) NOT NULL, \`ip\` varchar(64) NULL, \`signedInAt\` datetime NOT NULL, \`revokedAt\` datetime NULL, INDEX \`IDX_desk_sign_in_person\` (\`personId\`), UNIQUE INDEX \`UQ_desk_sign_in_family\` (\`familyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`desk_sign_in\``);
    await queryRunner.query(`DROP TABLE \`desk_ticket\``);
  }
}
