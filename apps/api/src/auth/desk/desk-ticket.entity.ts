import type { DeskTicketState } from '@gridloop/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time ticket for signing in at a desk by scanning (扫码登录). The row is never deleted: with
 * its creation (browser, address), decision (who confirmed or cancelled, when) and claim it is the
 * audit of each step. `scene` is shown in the mini-program code; the poll token only to the browser
 * that asked (its hash is kept), so someone who sees the code cannot take the sign-in.
 */
@Entity('desk_ticket')
export class DeskTicket {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_desk_ticket_scene', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  scene: string;

  @Index('UQ_desk_ticket_poll', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  pollTokenHash: string;

  @Column({ type: 'varchar', length: 16 })
  state: DeskTicketState;

  /** The browser in Chinese (describeBrowser), as the confirm page shows it. */
  @Column({ type: 'varchar', length: 40 })
  browser: string;

  @Column({ type: 'varchar', length: 400, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;
}
