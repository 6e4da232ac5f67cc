import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../grid/person.entity';

/** A WeChat user of our mini-program (openid), and the person it signs in as. */
@Entity('wechat_account')
export class WechatAccount {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_wechat_account_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Index('IDX_wechat_account_person')
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person;

  @CreateDateColumn()
  createdAt: Date;
}
