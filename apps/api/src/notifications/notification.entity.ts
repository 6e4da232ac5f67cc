import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind } from './notification-kinds';

/**
 * One message to one person in the in-app message centre (消息中心): always written, in the same
 * transaction as the change it tells of, so nothing anyone should hear about can be lost. A
 * WeChat subscribe message, when the person granted one, is a delivery of it (NotificationDelivery).
 */
@Entity('notification')
@Index('IDX_notification_person', ['personId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  personId: number;

  /** What happened: see NOTIFICATION_KINDS in notification-kinds.ts. */
  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'int', nullable: true })
  requestId: number | null;

  /** Short, no personal data (it may go out as a WeChat message): e.g. "诉求即将超时". */
  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  body: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}
