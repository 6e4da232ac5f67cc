import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RequestClock } from '@gridloop/domain';

/**
 * The one running clock of an open request (first contact while submitted, completion while
 * accepted or in progress) and what it does next. Request steps reset it (stage `new`) in their
 * transaction; the escalation job (EscalateOverdueJob) schedules and fires it: a reminder, then
 * the rungs of the escalation ladder. A row is worked under a row lock that other API instances
 * skip, and advanced in the same transaction, so each event fires exactly once.
 */
@Entity('request_timer')
@Index('IDX_request_timer_next', ['nextFireAt'])
export class RequestTimer {
  @PrimaryColumn({ type: 'int' })
  requestId: number;

  /** contact | completion */
  @Column({ type: 'varchar', length: 12 })
  clock: RequestClock;

  @Column({ type: 'datetime', precision: 3 })
  dueAt: Date;

  /**
   * new (to be scheduled) → remind → overdue (climbing the ladder; `rung` is the next one) → top
   * (every rung told; kept, never due, so a later step on the same clock, such as 督办, does not
   * take it for a new clock and start the ladder over).
   */
  @Column({ type: 'varchar', length: 12 })
  stage: string;

  @Column({ type: 'int', default: 0 })
  rung: number;

  /** When the job acts next; TIMER_NEVER once at the top of the ladder. */
  @Column({ type: 'datetime', precision: 3 })
  nextFireAt: Date;
}

/** nextFireAt of a timer that will not fire again (the column is required; both databases hold it). */
export const TIMER_NEVER = new Date('9999-12-31T00:00:00.000Z');
