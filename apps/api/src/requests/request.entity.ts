import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Complexity, DutyType, Rating, RejectReason, RequestCategory, RequestSource, RequestState } from '@gridloop/domain';
import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';

/**
 * A matter (诉求) raised by a villager, found on patrol, or received from the 12345 hotline,
 * followed through the closed loop. `state` changes only through RequestWorkflowService, in one
 * transaction with its timeline row; `version` makes two people acting at once conflict.
 */
@Entity('request')
// The inbox picks its page from this index alone: the due date is COALESCE(completionDueAt, contactDueAt).
@Index('IDX_request_handler_due', ['handlerUnitId', 'state', 'completionDueAt', 'contactDueAt'])
@Index('IDX_request_requester', ['requesterPersonId', 'createdAt'])
// The reports find what was open at a past moment among matters open now or stepped on since
// (and received before it): each range read from its index alone.
@Index('IDX_request_state_created', ['state', 'createdAt'])
@Index('IDX_request_updated_created', ['updatedAt', 'createdAt'])
// 诉求检索 by place, state and received date: each unit's matters of a state in a date range.
@Index('IDX_request_unit_state_created', ['unitId', 'state', 'createdAt'])
// The 工作台's 今日新收: what was received today, by its received time.
@Index('IDX_request_created', ['createdAt'])
// The 工作台's 今日到期: open matters with any deadline today, a union of three ranges.
@Index('IDX_request_contact_due', ['contactDueAt'])
@Index('IDX_request_completion_due', ['completionDueAt'])
@Index('IDX_request_city_due', ['cityDueAt'])
// 待派单's "a transfer asked for", beside the hotline offices' matters (IDX_request_handler_due).
@Index('IDX_request_transfer_state', ['transferRequested', 'state'])
// 挂账: the park job finds lapsed plan dates and owed progress notes by time (ParkedMattersJob).
@Index('IDX_request_parked_until', ['parkedUntil'])
@Index('IDX_request_park_progress', ['parkProgressDueAt'])
// 回看's page sorted from this index alone (its filter, its COALESCE(resolvedAt, contactedAt), the joins), then 200 rows read.
@Index('IDX_request_look_back', ['state', 'resolvedAt', 'ratedAt', 'contactedAt', 'unitId', 'handlerUnitId'])
// A client request id names a retry only for the one who sent it, through the same door (source).
@Index('UQ_request_submitter_client_id', ['submitterPersonId', 'source', 'clientRequestId'], { unique: true })
// The hourly limit counts what one person sent in the last hour from this index alone.
@Index('IDX_request_submitter_created', ['submitterPersonId', 'createdAt'])
// With the source, not alone: TypeORM's MySQL driver doubles a single-column unique index.
@Index('UQ_request_hotline_order', ['source', 'hotlineOrderNo'], { unique: true })
export class RequestEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The small grid (or village) the matter belongs to. */
  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unit?: OrgUnit;

  /** Who handles it now: the small grid's leaders, or a town department. */
  @Column({ type: 'int' })
  handlerUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handlerUnitId' })
  handlerUnit?: OrgUnit;

  @Column({ type: 'int' })
  requesterPersonId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requesterPersonId' })
  requester?: Person;

  /** REQUEST_SOURCES (packages/domain): villager | patrol | hotline_12345 | staff | proxy */
  @Column({ type: 'varchar', length: 16 })
  source: RequestSource;

  /** Who typed it in, when not the requester: a grid leader for an elderly villager, hotline staff for a caller. */
  @Column({ type: 'int', nullable: true })
  enteredByPersonId: number | null;

  /**
   * Who sent it: the requester herself, or whoever entered it for her (enteredByPersonId). Its
   * client request id is a retry only for this person; the hourly limit counts by it.
   */
  @Column({ type: 'int' })
  submitterPersonId: number;

  /**
   * The requester's name as the one entering it gave it (代办, a call, a 12345 order): shown in the
   * place of the account's own name, which the one entering may have no right to learn.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  enteredName: string | null;

  /** The city 12345 platform's work-order number (工单编号); importing it twice changes nothing. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  hotlineOrderNo: string | null;

  /** When the city platform took the 12345 call (the town's clocks start when the order arrives here). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  cityReceivedAt: Date | null;

  /** The city's deadline for a 12345 order; the earlier of it and the town's governs. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  cityDueAt: Date | null;

  /** The handler asked the dispatchers to move it elsewhere and has no answer yet. */
  @Column({ type: 'boolean', default: false })
  transferRequested: boolean;

  /** How far up the escalation ladder the running clock's overdue has climbed (0: not overdue). */
  @Column({ type: 'int', default: 0 })
  escalationRung: number;

  /** 督办: hotline staff formally supervise it (set on the first supervise step). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  supervisedAt: Date | null;

  /** Set when merged (state merged): the request that carries on for both. */
  @Column({ type: 'int', nullable: true })
  mergedIntoId: number | null;

  /** Retries of one submission over a weak network carry the same id and get the same request. */
  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Column({ type: 'varchar', length: 32 })
  category: RequestCategory;

  /** For a patrol report (未诉先办): which of the grid leader's six hats found it. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  dutyType: DutyType | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressNote: string | null;

  /** The number to call back on; shown masked to anyone not handling the case. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  /** 保密: never shown publicly or shared to a group. */
  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  /** WeChat's content check said "review" for some of its text: staff should look before sharing it. */
  @Column({ type: 'boolean', default: false })
  contentReview: boolean;

  @Column({ type: 'varchar', length: 16 })
  state: RequestState;

  /** simple (1 working day) or complex (3), set when the handler accepts it. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  complexity: Complexity | null;

  @Column({ type: 'datetime', precision: 3 })
  contactDueAt: Date;

  /** The first-contact deadline the matter arrived with; a transfer gives the new handler a new `contactDueAt`, never this. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstContactDueAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  contactedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completionDueAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** Once late, always marked late (even if the matter is later handled). */
  @Column({ type: 'boolean', default: false })
  contactLate: boolean;

  @Column({ type: 'boolean', default: false })
  completionLate: boolean;

  /** The requester's latest verdict on a result (satisfied / basically_satisfied / dissatisfied). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  rating: Rating | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  ratedAt: Date | null;

  /** Times the matter went back to work after a result (重办): dissatisfied, reopened or sent back. */
  @Column({ type: 'int', default: 0 })
  rehandleCount: number;

  /** 延期申请 waiting for a decision: the working days the handler asked for (null: none waits). */
  @Column({ type: 'int', nullable: true })
  extensionAskedDays: number | null;

  /** Extensions granted (批准延期): the next one's approver and the per-matter limit follow it. */
  @Column({ type: 'int', default: 0 })
  extensionCount: number;

  /** 挂账 asked and waiting for a decision: the end of the plan day asked (planDayEnd); null when none waits. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  parkAskedUntil: Date | null;

  /** 挂账: parked until the end of this plan day, off the escalation ladder; null when not parked. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  parkedUntil: Date | null;

  /** While parked: when the next progress note (挂账进展) is owed; the park job reminds the handlers then. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  parkProgressDueAt: Date | null;

  /** 不予受理: the reason kind of its latest refusal (REJECT_REASONS; null: never refused, or refused before reasons were kept). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  rejectReason: RejectReason | null;

  /** 不予受理 as "not ours": where the requester was told to go instead (法院, 劳动仲裁, a city department…). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  referTo: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
