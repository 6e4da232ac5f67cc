import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A month whose ranking counts are stored (RankingStore): counted once from the raw timeline when
 * the month is over, and served from ranking_month_count while no timeline row the count read has
 * appeared since (docs/reports.md, "Stored months").
 */
@Entity('ranking_month')
export class RankingMonth {
  /** YYYY-MM, China time. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  /** A digest of the counting rules the counts were made by: rules changed, the counts are made again. */
  @Column({ type: 'varchar', length: 64 })
  rulesKey: string;

  /** Every timeline row up to this id is known to be in the counts or not to matter to them. */
  @Column({ type: 'int' })
  checkedThroughEventId: number;

  /** Rows dated before this could change the counts (the month's end, or its last first-contact deadline if later). */
  @Column({ type: 'datetime', precision: 3 })
  settlesAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  countedAt: Date;
}
