import { Inject, Injectable } from '@nestjs/common';
import {
  chinaTimeText,
  escalationClock,
  isInternalStep,
  LADDER_RUNG_LABELS,
  pathIdAt,
  reminderAt,
  rulesForTown,
  rungAt,
  stepDeadline,
  type ClockRules,
  type RequestClock,
} from '@gridloop/domain';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { RequestTimer, TIMER_NEVER } from '../clocks/request-timer.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { skipLockedByOthers } from '../database/skip-locked';
import { notifyNow } from '../notifications/notification-writer';
import { handlersOf, rungPeople } from '../notifications/recipients';
import { matterName } from '../requests/request-announcements';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestEntity } from '../requests/request.entity';
import type { ScheduledJob } from './scheduled-job';

const BATCH = 100;
const CLOCK_WORDS: Record<RequestClock, string> = { contact: '联系', completion: '办理' };

/** What one run did: clocks scheduled, reminders sent, rungs of the ladder climbed. */
export interface EscalationCounts {
  scheduled: number;
  reminded: number;
  escalated: number;
}

/**
 * Makes the clocks act (docs/clocks.md): for each request timer that is due, schedule a new
 * clock, remind the handlers before it runs out, and once it has, mark the request late and
 * climb the town's escalation ladder one rung per interval, each rung a timeline row and a
 * message to the people on it. Several instances: each timer is worked in a transaction of its
 * own holding its row, and rows another instance holds are skipped (skipLockedByOthers), so each
 * event fires once.
 */
@Injectable()
export class EscalateOverdueJob implements ScheduledJob<EscalationCounts> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Fires everything due at `now` (catching up when the API was down), and says what it did. */
  async run(now: Date): Promise<EscalationCounts> {
    const counts: EscalationCounts = { scheduled: 0, reminded: 0, escalated: 0 };
    for (;;) {
      const due = await this.dataSource
        .getRepository(RequestTimer)
        .find({ select: { requestId: true }, where: { nextFireAt: LessThanOrEqual(now) }, order: { nextFireAt: 'ASC' }, take: BATCH });
      let worked = 0;
      for (const { requestId } of due) if (await this.fire(requestId, now, counts)) worked++;
      // Go round while there is progress: a timer just scheduled may already be due (catching up after
      // downtime climbs every rung that is due). Nothing worked: none due, or another instance holds them.
      if (worked === 0) return counts;
    }
  }

  /** One timer's due event, in its own transaction; false when another instance holds it or it is no longer due. */
  private fire(requestId: number, now: Date, counts: EscalationCounts): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const timer = await this.lockDue(manager, requestId, now);
      if (!timer) return false;
      const request = await manager.findOne(RequestEntity, { where: { id: requestId }, relations: { unit: true } });
      // Parked (挂账) since the timer was set: none runs, and the timer goes.
      const running = request && escalationClock(request);
      if (!request || !running || running.clock !== timer.clock || running.dueAt.getTime() !== timer.dueAt.getTime()) {
        // Steps keep the timer in step with the request; this only mends a timer left behind.
        if (running) await manager.update(RequestTimer, { requestId }, { clock: running.clock, dueAt: running.dueAt, stage: 'new', rung: 0, nextFireAt: now });
        else await manager.delete(RequestTimer, { requestId });
        return true;
      }
      const rules = await this.rulesFor(manager, request);
      const clock = timer.clock;
      if (timer.stage === 'new') {
        counts.scheduled++;
        const remindAt = reminderAt(clock, timer.dueAt, rules);
        if (now.getTime() < timer.dueAt.getTime()) await manager.update(RequestTimer, { requestId }, { stage: 'remind', nextFireAt: remindAt });
        else await manager.update(RequestTimer, { requestId }, { stage: 'overdue', rung: 0, nextFireAt: timer.dueAt });
      } else if (timer.stage === 'remind') {
        if (now.getTime() < timer.dueAt.getTime()) {
          counts.reminded++;
          const body = `${matterName(request)}将于${chinaTimeText(timer.dueAt)}超过${CLOCK_WORDS[clock]}时限`;
          await notifyNow(
            manager,
            await handlersOf(manager, request.handlerUnitId),
            { kind: clock === 'contact' ? 'contact_reminder' : 'completion_reminder', requestId, body },
            now,
          );
        }
        await manager.update(RequestTimer, { requestId }, { stage: 'overdue', rung: 0, nextFireAt: timer.dueAt });
      } else {
        counts.escalated++;
        await this.escalate(manager, request, timer, rules, now);
      }
      return true;
    });
  }

  /** The timer row, locked, if it is still due; null when another instance holds it. */
  private lockDue(manager: EntityManager, requestId: number, now: Date): Promise<RequestTimer | null> {
    return skipLockedByOthers(
      manager.getRepository(RequestTimer).createQueryBuilder('t').where('t.requestId = :requestId AND t.nextFireAt <= :now', { requestId, now }),
    ).getOne();
  }

  /** The clock ran out: mark the request late and tell the next rung of the ladder, then schedule the one after. */
  private async escalate(manager: EntityManager, request: RequestEntity, timer: RequestTimer, rules: ClockRules, now: Date): Promise<void> {
    const clock = timer.clock;
    const rung = rules.ladder[timer.rung];
    if (rung === undefined) {
      await this.reachedTop(manager, request.id, timer.rung);
      return;
    }
    // Plain SQL: TypeORM's update would bump `version`, and a handler about to act would get a
    // conflict for something nobody did to their matter.
    const lateColumn = clock === 'contact' ? 'contactLate' : 'completionLate';
    await manager.query(`UPDATE request SET escalationRung = ?, ${lateColumn} = ? WHERE id = ?`, [timer.rung + 1, 1, request.id]);
    const late = `超过${CLOCK_WORDS[clock]}时限（${chinaTimeText(timer.dueAt)}）`;
    await manager.insert(RequestEvent, {
      requestId: request.id,
      action: 'escalate',
      fromState: request.state,
      toState: request.state,
      // The system acts: recorded as the handler unit's matter, by nobody in particular.
      actorPersonId: null,
      note: `${late}，已通知${LADDER_RUNG_LABELS[rung]}`,
      public: !isInternalStep('escalate'),
      handlerUnitId: request.handlerUnitId,
      rating: null,
      dueAt: stepDeadline('escalate', request),
      createdAt: now,
    });
    const people = await rungPeople(manager, rung, request, request.unit!.path);
    await notifyNow(manager, people, { kind: 'overdue', requestId: request.id, body: `${matterName(request)}${late}，请督促办理` }, now);
    const next = timer.rung + 1;
    if (next < rules.ladder.length)
      await manager.update(RequestTimer, { requestId: request.id }, { stage: 'overdue', rung: next, nextFireAt: rungAt(timer.dueAt, next, rules) });
    else await this.reachedTop(manager, request.id, next);
  }

  /**
   * Every rung has been told: the timer stays (never due) while the clock runs, so the request's
   * next step on the same clock (催办, 督办, a follow-up) finds it unchanged and the ladder is not
   * climbed again; a new clock or deadline replaces it (syncRequestTimer), a finished one removes it.
   */
  private async reachedTop(manager: EntityManager, requestId: number, rung: number): Promise<void> {
    await manager.update(RequestTimer, { requestId }, { stage: 'top', rung, nextFireAt: TIMER_NEVER });
  }

  private readonly townCodes = new Map<number, string | null>();

  private async rulesFor(manager: EntityManager, request: RequestEntity): Promise<ClockRules> {
    const townId = pathIdAt(request.unit!.path, 1);
    if (townId === null) return this.config.clocks.rules.default;
    if (!this.townCodes.has(townId)) {
      const rows: { code: string }[] = await manager.query('SELECT code FROM org_unit WHERE id = ?', [townId]);
      this.townCodes.set(townId, rows[0]?.code ?? null);
    }
    return rulesForTown(this.config.clocks.rules, this.townCodes.get(townId) ?? null);
  }
}
