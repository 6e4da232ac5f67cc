import type { Rating, ReturnVisitMethod } from '@gridloop/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One return visit (回访): how the office reached the requester of a resolved or closed matter and
 * what they said, beside the in-app verdict that stood then. Written with its timeline row (回访 or
 * 回看并关闭) in the step's transaction and never edited. The rating agreement reads these.
 */
@Entity('return_visit')
@Index('IDX_return_visit_request', ['requestId', 'createdAt'])
@Index('IDX_return_visit_created', ['createdAt'])
export class ReturnVisit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  /** The unit handling the matter when it was visited (whose work it judges). */
  @Column({ type: 'int' })
  handlerUnitId: number;

  @Column({ type: 'int' })
  visitorPersonId: number;

  /** phone, sms, in_person or none (not called). */
  @Column({ type: 'varchar', length: 16 })
  method: ReturnVisitMethod;

  @Column({ type: 'boolean' })
  reached: boolean;

  /** What the requester said (满意 / 基本满意 / 不满意); null when not reached. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  heard: Rating | null;

  /** The in-app verdict on the result standing at the visit (null: none given). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  appRating: Rating | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
