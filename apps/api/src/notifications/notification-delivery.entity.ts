import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outbox row for sending one notification out of the app (a WeChat subscribe message),
 * written with the notification and worked on after commit. `state`: pending → sent, or
 * in_app_only (no grant left, 43101, no template configured: the message centre has it), or
 * failed (gave up after the last retry; the reason is kept).
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'in_app_only' | 'failed';

@Entity('notification_delivery')
@Index('UQ_delivery_notification', ['notificationId'], { unique: true })
@Index('IDX_delivery_due', ['state', 'nextAttemptAt'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  notificationId: number;

  @Column({ type: 'varchar', length: 24 })
  channel: string;

  @Column({ type: 'varchar', length: 16 })
  state: DeliveryState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** Why it is not sent (yet): an errcode and message, or "no grant". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
