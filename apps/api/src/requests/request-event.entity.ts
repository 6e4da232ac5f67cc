import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Rating, RequestState, TimelineStep } from '@gridloop/domain';
import { RequestEntity } from './request.entity';

/**
 * One step in a request's timeline: who did what, when, from which state to which, with a note.
 * Written in the same transaction as the change it records, and never edited.
 */
@Entity('request_event')
@Index('IDX_request_event_request', ['requestId', 'id'])
// The reports count kinds of step over a period: a range of this index, which holds all they read of each step.
@Index('IDX_request_event_report', ['action', 'createdAt', 'handlerUnitId', 'requestId', 'rating', 'dueAt'])
// What became of a matter by a date (its last step before it, whether it was merged, resolved…): read from this index alone.
@Index('IDX_request_event_timeline', ['requestId', 'createdAt', 'action'])
export class RequestEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requestId' })
  request?: RequestEntity;

  /** submit, or an action of the workflow table (accept, followUp, resolve, …). */
  @Column({ type: 'varchar', length: 16 })
  action: TimelineStep;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromState: RequestState | null;

  @Column({ type: 'varchar', length: 16 })
  toState: RequestState;

  /** Null for what the system did by itself (an escalation when a clock ran out). */
  @Column({ type: 'int', nullable: true })
  actorPersonId: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Who handled the matter after this step: the reports credit each step to the unit that took it. */
  @Column({ type: 'int', nullable: true })
  handlerUnitId: number | null;

  /** A rating step's verdict (satisfied / basically_satisfied / dissatisfied). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  rating: Rating | null;

  /**
   * The deadline this step stands against (stepDeadline in packages/domain): for a result, the
   * completion deadline; else the one the step left running. The reports judge "on time" and
   * "overdue" by it, so later steps that move the matter's deadlines never change a past month.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  dueAt: Date | null;

  /** Public rows are shown to the requester; internal ones only to those handling the case. */
  @Column({ type: 'boolean', default: true })
  public: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
