import { CreateDateColumn, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who saw whose full phone number, and when. Written on every view, never edited. */
@Entity('phone_view_log')
@Index('IDX_phone_view_log_subject', ['subjectPersonId', 'viewedAt'])
export class PhoneViewLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  viewerPersonId: number;

  @Column({ type: 'int' })
  subjectPersonId: number;

  @CreateDateColumn()
  viewedAt: Date;
}
