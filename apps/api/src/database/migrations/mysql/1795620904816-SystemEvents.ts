import { MigrationInterface, QueryRunner } from 'typeorm';

export class SystemEvents1795620904816 implements MigrationInterface {
  name = 'SystemEvents1795620904816';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_event\` CHANGE \`actorPersonId\` \`actorPersonId\` int NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`request_event\` CHANGE \`actorPersonId\` \`actorPersonId\` int NOT NULL`);
  }
}
