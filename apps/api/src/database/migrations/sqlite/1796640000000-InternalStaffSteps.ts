import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps between staff (申请转办, 不同意转办, 催办, 督办) became internal in the workflow table: the
 * rows already written as public are hidden from requesters and followers too. One UPDATE on
 * request_event by action (touches only those steps' rows). Down makes them public again, as they
 * were written.
 */
const STAFF_STEPS = "'requestTransfer', 'declineTransfer', 'urge', 'supervise'";

export class InternalStaffSteps1796640000000 implements MigrationInterface {
  name = 'InternalStaffSteps1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "request_event" SET "public" = 0 WHERE "action" IN (${STAFF_STEPS})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "request_event" SET "public" = 1 WHERE "action" IN (${STAFF_STEPS})`);
  }
}
