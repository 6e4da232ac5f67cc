import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sign-in at a desk (the console), made by scanning: its own refresh-token family, listed in 我的
 * on the phone and revocable there. Rows are kept after revocation (who, when, which browser, from
 * where): the record of desk sign-ins.
 */
@Entity('desk_sign_in')
export class DeskSignIn {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_desk_sign_in_person')
  @Column({ type: 'int' })
  personId: number;

  @Index('UQ_desk_sign_in_family', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  familyId: string;

  @Column({ type: 'int' })
  ticketId: number;

  @Column({ type: 'varchar', length: 40 })
  browser: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'datetime' })
  signedInAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
