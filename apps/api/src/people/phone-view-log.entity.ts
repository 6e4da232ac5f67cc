import { CreateDateColumn, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who saw whose full phone number, and when (and for which request, when seen from one). Written
 * on every view, never edited; town leaders and county admins read it (phone-view-audit).
 */
@Entity('phone_view_log')
@Index('IDX_phone_view_log_subject', ['subjectPersonId', 'viewedAt'])
@Index('IDX_phone_view_log_viewer', ['viewerPersonId', 'viewedAt'])
export class PhoneViewLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  viewerPersonId: number;

  @Column({ type: 'int' })
  subjectPersonId: number;

  /** The request the number was seen for (拨打 on a matter); null for a view from the roster. */
  @Column({ type: 'int', nullable: true })
  requestId: number | null;

  @CreateDateColumn()
  viewedAt: Date;
}
