import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportStepIndex1795628960260 implements MigrationInterface {
    name = 'ReportStepIndex1795628960260'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_request_event_action_time" ON "request_event" ("action", "createdAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_request_event_action_time"`);
    }

}
