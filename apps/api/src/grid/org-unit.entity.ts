import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitKind } from '@gridloop/domain';

/**
 * One node of a county's tree: the county, a town, a village, a large grid (大网格), a small grid
 * (小网格), or a town department / hotline office. Levels are data (`kind`), not code.
 * `path` is the chain of ancestor ids ("/1/4/17/"), so a person's span is one prefix match.
 */
@Entity('org_unit')
@Index('IDX_org_unit_path', ['path'])
@Index('IDX_org_unit_parent', ['parentId'])
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent?: OrgUnit;

  @Column({ type: 'varchar', length: 32 })
  kind: UnitKind;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Stable code used by the roster import and the seed (e.g. "TT-V07-L1-S03"). */
  @Index('UQ_org_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  path: string;

  @CreateDateColumn()
  createdAt: Date;
}
