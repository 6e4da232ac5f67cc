import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';
import type { RosterRowError } from './roster-validation';

export const ROSTER_IMPORT_STATES = ['validating', 'rejected', 'applying', 'done', 'failed'] as const;
export type RosterImportState = (typeof ROSTER_IMPORT_STATES)[number];
export const FINISHED_STATES: readonly RosterImportState[] = ['rejected', 'done', 'failed'];

/** What an applied import changed, row by row. */
export interface RosterImportSummary {
  villagesCreated: number;
  largeGridsCreated: number;
  gridsCreated: number;
  /** A grid that had no current leader got one (every new grid counts here). */
  leadersAssigned: number;
  /** A grid's leader moved to another person: the old assignment ended, a new one started. */
  leadersReplaced: number;
  deputiesAssigned: number;
  deputiesReplaced: number;
  /** A grid's deputy ended because the row names none. */
  deputiesEnded: number;
  /** Rows whose grid existed and whose leader and deputy stayed who they were. */
  unchanged: number;
  peopleCreated: number;
  /** People found by phone whose name the roster gave differently (the roster's name is kept). */
  namesUpdated: number;
  /** Small grids of the town the file did not mention: left as they were. */
  gridsNotInFile: number;
}

/**
 * One upload of a town's roster and its outcome. The instance doing the work keeps live progress
 * in memory; this row gets one small write per state change, so any instance can read the outcome.
 */
@Entity('roster_import')
@Index('IDX_roster_import_town', ['townId', 'createdAt'])
export class RosterImport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  townId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'townId' })
  town?: OrgUnit;

  @Column({ type: 'int' })
  requestedByPersonId: number;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 16 })
  state: RosterImportState;

  /** Data rows in the file. */
  @Column({ type: 'int' })
  total: number;

  /** Rows done when the row was last written (live progress is on the working instance). */
  @Column({ type: 'int', default: 0 })
  processed: number;

  /** How many row errors there were; `errors` lists at most MAX_LISTED_ERRORS of them. */
  @Column({ type: 'int', default: 0 })
  errorCount: number;

  @Column({ type: 'simple-json', nullable: true })
  errors: RosterRowError[] | null;

  @Column({ type: 'simple-json', nullable: true })
  summary: RosterImportSummary | null;

  /** Why an import failed, for the person who sent it (Chinese). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  message: string | null;

  @CreateDateColumn()
  createdAt: Date;

  /** Set by the application clock on each state change; a stale unfinished job is one whose instance died. */
  @Column({ type: 'datetime' })
  stateChangedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;
}
