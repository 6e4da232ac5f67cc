import type { PrintedNoticeKind } from '@gridloop/domain';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A printed notice (催办通知书, 督办通知单): written with its urge or supervise step, in the step's
 * transaction, and never edited. Its number is unique per town, kind and year (the unique key
 * stands behind the counter: a number handed out twice could not be stored).
 */
@Entity('printed_notice')
@Index('UQ_printed_notice_number', ['townUnitId', 'kind', 'year', 'serial'], { unique: true })
@Index('IDX_printed_notice_request', ['requestId', 'id'])
export class PrintedNotice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  /** The timeline row of its step. */
  @Column({ type: 'int' })
  eventId: number;

  /** urge (催办通知书) or supervise (督办通知单). */
  @Column({ type: 'varchar', length: 16 })
  kind: PrintedNoticeKind;

  @Column({ type: 'int' })
  townUnitId: number;

  /** The year of its number (China time at issue). */
  @Column({ type: 'int' })
  year: number;

  /** Its place in the town's count of its kind that year, from 1. */
  @Column({ type: 'int' })
  serial: number;

  /** The unit it is addressed to: the matter's handler when it was issued. */
  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 500 })
  requirement: string;

  @Column({ type: 'int' })
  replyDays: number;

  /** The end of the working day by which the unit replies. */
  @Column({ type: 'datetime', precision: 3 })
  replyBy: Date;

  @Column({ type: 'int' })
  issuedByPersonId: number;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt: Date;
}

/** The last number handed out per town, kind and year; a step takes the next under the row's lock. */
@Entity('notice_counter')
export class NoticeCounter {
  @PrimaryColumn({ type: 'int' })
  townUnitId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: PrintedNoticeKind;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  lastSerial: number;
}
