import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RankingCount } from '@gridloop/domain';

/** One handling unit's counts for a stored month (ranking_month): a column per figure (RANKING_COUNTS). */
@Entity('ranking_month_count')
export class RankingMonthCount implements Record<RankingCount, number> {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int' })
  unitId: number;

  @Column({ type: 'int', default: 0 })
  received: number;

  @Column({ type: 'int', default: 0 })
  contactedOnTime: number;

  @Column({ type: 'int', default: 0 })
  resolved: number;

  @Column({ type: 'int', default: 0 })
  withdrawn: number;

  @Column({ type: 'int', default: 0 })
  patrolFound: number;

  @Column({ type: 'int', default: 0 })
  closedOnTime: number;

  @Column({ type: 'int', default: 0 })
  closedLate: number;

  @Column({ type: 'int', default: 0 })
  satisfied: number;

  @Column({ type: 'int', default: 0 })
  basicallySatisfied: number;

  @Column({ type: 'int', default: 0 })
  dissatisfied: number;

  @Column({ type: 'int', default: 0 })
  rehandled: number;

  @Column({ type: 'int', default: 0 })
  openOverdue: number;

  @Column({ type: 'int', default: 0 })
  excluded: number;

  /** Always 0 in a kept month (it is kept once every first-contact deadline has passed); a column because every count is one. */
  @Column({ type: 'int', default: 0 })
  contactPending: number;
}
