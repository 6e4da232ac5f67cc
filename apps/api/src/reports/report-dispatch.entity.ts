import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A report sent out for a town and period (the morning's daily bulletin). The unique key makes
 * it go out once however many API instances try at the same moment: only one insert succeeds.
 */
@Entity('report_dispatch')
@Index('UQ_report_dispatch', ['townUnitId', 'kind', 'period'], { unique: true })
export class ReportDispatch {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  townUnitId: number;

  /** daily */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** The day (YYYY-MM-DD, China time) the report is about. */
  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'datetime', precision: 3 })
  sentAt: Date;
}
