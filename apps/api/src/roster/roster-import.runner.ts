import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { isMainlandMobile, normalisePhone } from '@gridloop/domain';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { OrgUnit } from '../grid/org-unit.entity';
import { RosterApplier } from './roster-apply';
import type { RosterRow } from './roster-format';
import type { RosterImportState } from './roster-import.entity';
import { RosterImportRepository } from './roster-import.repository';
import { RosterValidator } from './roster-validation';
import { TownRosterRepository } from './town-roster.repository';
import { TownTree } from './town-tree';

export interface LiveProgress {
  state: RosterImportState;
  processed: number;
  total: number;
}

/** Rows checked between turns of the event loop, so progress can be read while a big file is checked. */
const ROWS_PER_TURN = 250;

export const FAILED_MESSAGE = '导入时出错，花名册没有任何改动，请稍后重试';

/**
 * Runs imports after their upload was answered, in this process: check every row, then apply all
 * of them in one transaction. Live progress stays in memory here; the job row gets one write per
 * state change. Shutdown waits for running imports, so none is cut off halfway.
 */
@Injectable()
export class RosterImportRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('RosterImport');
  private readonly live = new Map<number, LiveProgress>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: RosterImportRepository,
    private readonly roster: TownRosterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `span`: the importer's roster.manage span; people outside it are not the import's to change. */
  start(jobId: number, town: OrgUnit, span: readonly string[], rows: readonly RosterRow[]): void {
    const progress: LiveProgress = { state: 'validating', processed: 0, total: rows.length };
    this.live.set(jobId, progress);
    const work = nextTurn()
      .then(() => this.run(jobId, town, span, rows, progress))
      .finally(() => {
        this.live.delete(jobId);
        this.running.delete(work);
      });
    this.running.add(work);
  }

  /** Progress of an import running on this instance; undefined once it has finished (or elsewhere). */
  progressOf(jobId: number): Readonly<LiveProgress> | undefined {
    return this.live.get(jobId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(jobId: number, town: OrgUnit, span: readonly string[], rows: readonly RosterRow[], progress: LiveProgress): Promise<void> {
    try {
      const tree = new TownTree(town, await this.roster.snapshot(town));
      const phones = phonesOf(rows);
      const outside = await this.roster.phonesOutside(this.dataSource.manager, phones, span);
      const validator = new RosterValidator(town.name, tree.largeGridVillages(), outside);
      for (const [i, row] of rows.entries()) {
        validator.add(row);
        progress.processed = i + 1;
        if (progress.processed % ROWS_PER_TURN === 0) await nextTurn();
      }
      const { errors, rows: clean } = validator.result();
      if (errors.length > 0) {
        await this.jobs.markRejected(jobId, rows.length, errors, `发现${errors.length}处问题，花名册没有任何改动；请改正后重新导入`, this.clock.now());
        return;
      }

      await this.jobs.markApplying(jobId, this.clock.now());
      Object.assign(progress, { state: 'applying', processed: 0 });
      const now = this.clock.now();
      await this.dataSource.transaction(async (manager) => {
        await this.roster.lockTown(manager, town.id);
        // Checked again inside the transaction: someone may have been given a role elsewhere meanwhile.
        if ((await this.roster.phonesOutside(manager, phones, span)).size > 0)
          throw new Error('a phone of the roster now belongs to someone outside the importer’s span');
        // Read again inside the transaction: the tree may have changed while the rows were checked.
        const current = new TownTree(town, await this.roster.snapshot(town, manager));
        const summary = await new RosterApplier(manager, this.roster, current, now).apply(clean, (n) => (progress.processed = n));
        await this.jobs.markDone(manager, jobId, rows.length, summary, this.clock.now());
      });
    } catch (error) {
      this.logger.error({ err: error, importId: jobId, townId: town.id }, 'roster import failed');
      await this.jobs.markFailed(jobId, progress.processed, FAILED_MESSAGE, this.clock.now()).catch((writeError: unknown) => {
        this.logger.error({ err: writeError, importId: jobId }, 'could not record the failed roster import');
      });
    }
  }
}

/** Every well-formed phone the rows name (leaders and deputies), normalised, once each. */
function phonesOf(rows: readonly RosterRow[]): string[] {
  const phones = rows
    .flatMap((row) => [row.leaderPhone, row.deputyPhone])
    .map(normalisePhone)
    .filter(isMainlandMobile);
  return [...new Set(phones)];
}
