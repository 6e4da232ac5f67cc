import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';

/**
 * A village WeChat group, known only by its openGId (WeChat never tells a server a group's name),
 * bound once by a grid leader or admin to the village or small grid it serves.
 */
@Entity('wechat_group')
export class WechatGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_wechat_group_open_gid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openGid: string;

  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unit?: OrgUnit;

  @Column({ type: 'int', nullable: true })
  boundByPersonId: number | null;

  @Column({ type: 'datetime', nullable: true })
  boundAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
