import { Inject, Injectable } from '@nestjs/common';
import { nextProgressDue, parkLapsed, parkStepChanges, planDayOf } from '@gridloop/domain';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteBatch } from '../database/write-batch';
import { notifyNow } from '../notifications/notification-writer';
import { handlersOf } from '../notifications/recipients';
import { parkRulesFor } from '../requests/request-parking';
import { matterName } from '../requests/request-announcements';
import { applyStep } from '../requests/request-steps';
import { RequestEntity } from '../requests/request.entity';
import type { ScheduledJob } from './scheduled-job';

const BATCH = 100;

/** What one run did: matters unparked because their plan date passed, progress reminders sent. */
export interface ParkCounts {
  unparked: number;
  reminded: number;
}

/**
 * 挂账 on a schedule (docs/requests.md): a parked matter whose plan date has passed is unparked
 * (解除挂账, a timeline row by the system in the step's transaction), so its completion clock runs
 * again and the escalation job takes it back onto the ladder in the same run; and a parked matter
 * whose progress note is owed (PARK_RULES progressDays since the approval or the last note) reminds
 * its handlers, once an interval. Several instances: the unpark is a step on the version read (a
 * second instance gets a conflict and skips it); a reminder is claimed by moving parkProgressDueAt
 * from the value read, and only the instance whose update changed the row sends it.
 */
@Injectable()
export class ParkedMattersJob implements ScheduledJob<ParkCounts> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(now: Date): Promise<ParkCounts> {
    const counts: ParkCounts = { unparked: 0, reminded: 0 };
    const requests = this.dataSource.getRepository(RequestEntity);
    // Unpark first: a lapsed matter owes no more progress notes. Round while there is progress (an
    // unparked matter leaves the set); none worked: none left, or others hold them.
    for (;;) {
      const lapsed = await requests.find({ select: { id: true }, where: { parkedUntil: LessThanOrEqual(now) }, order: { parkedUntil: 'ASC' }, take: BATCH });
      let worked = 0;
      for (const { id } of lapsed) if (await this.unpark(id, now)) worked++;
      counts.unparked += worked;
      if (worked === 0) break;
    }
    const owing = await requests.find({
      select: { id: true, parkProgressDueAt: true },
      where: { parkProgressDueAt: LessThanOrEqual(now) },
      order: { parkProgressDueAt: 'ASC' },
      take: BATCH,
    });
    for (const { id, parkProgressDueAt } of owing) if (await this.remind(id, parkProgressDueAt!, now)) counts.reminded++;
    return counts;
  }

  /** 解除挂账 by the system, in its own transaction; false when it is no longer lapsed or another instance did it. */
  private unpark(requestId: number, now: Date): Promise<boolean> {
    return this.dataSource
      .transaction(async (manager) => {
        const request = await manager.findOne(RequestEntity, { where: { id: requestId }, relations: { unit: true } });
        if (!request || !parkLapsed(request, now)) return false;
        const rules = await parkRulesFor(manager, this.config, request);
        const note = `计划办结日期${planDayOf(request.parkedUntil!)}已过，恢复办理，超时照常督办`;
        await applyStep(manager, null, request, { action: 'unpark', changes: parkStepChanges('unpark', now, rules), note }, now);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === ErrorCode.RequestConflict) return false;
        throw error;
      });
  }

  /** One progress reminder to the handlers, claimed by moving the due time on from the value read. */
  private remind(requestId: number, dueAt: Date, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(RequestEntity, { where: { id: requestId }, relations: { unit: true } });
      if (!request || request.parkedUntil === null || request.parkProgressDueAt?.getTime() !== dueAt.getTime()) return false;
      const rules = await parkRulesFor(manager, this.config, request);
      // Plain SQL, not `version`: nobody acted on the matter. Counted from now: after downtime, one reminder, not one per missed interval.
      const batch = new WriteBatch(manager);
      let claimed = 0;
      batch.execute('UPDATE request SET parkProgressDueAt = ? WHERE id = ? AND parkProgressDueAt = ?', [nextProgressDue(now, rules), requestId, dueAt], (n) => {
        claimed = n;
      });
      await batch.run();
      if (claimed === 0) return false;
      const body = `${matterName(request)}已挂账，计划${planDayOf(request.parkedUntil)}前办结：请报送挂账进展`;
      await notifyNow(manager, await handlersOf(manager, request.handlerUnitId), { kind: 'park_progress_due', requestId, body }, now);
      return true;
    });
  }
}
