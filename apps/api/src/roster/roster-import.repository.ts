import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThan, Repository } from 'typeorm';
import { pathInSpan } from '../access/span-where';
import { MAX_LISTED_ERRORS } from './roster-format';
import { FINISHED_STATES, RosterImport, RosterImportState, RosterImportSummary } from './roster-import.entity';
import type { RosterRowError } from './roster-validation';

/** A MySQL TEXT column holds 65,535 bytes; the error list is cut to fit well inside it. */
const MAX_ERRORS_JSON_BYTES = 60_000;

export interface NewRosterImport {
  townId: number;
  requestedByPersonId: number;
  fileName: string;
  total: number;
}

/** The import jobs. Each state change is one UPDATE of one row. */
@Injectable()
export class RosterImportRepository {
  private readonly jobs: Repository<RosterImport>;

  constructor(dataSource: DataSource) {
    this.jobs = dataSource.getRepository(RosterImport);
  }

  async create(job: NewRosterImport, now: Date): Promise<RosterImport> {
    const inserted = await this.jobs.insert({
      ...job,
      state: 'validating',
      processed: 0,
      errorCount: 0,
      errors: null,
      summary: null,
      message: null,
      stateChangedAt: now,
      finishedAt: null,
    });
    return this.jobs.findOneByOrFail({ id: Number(inserted.identifiers[0]?.id) });
  }

  /** The job, if its town lies within `span`; otherwise null, as if it did not exist. */
  findInSpan(id: number, span: readonly string[]): Promise<RosterImport | null> {
    return this.jobs.createQueryBuilder('j').innerJoin('j.town', 'town').where('j.id = :id', { id }).andWhere(pathInSpan('town.path', span)).getOne();
  }

  async markApplying(id: number, now: Date): Promise<void> {
    await this.jobs.update({ id, state: 'validating' }, { state: 'applying', stateChangedAt: now });
  }

  async markRejected(id: number, total: number, errors: readonly RosterRowError[], message: string, now: Date): Promise<void> {
    await this.jobs.update(
      { id, state: 'validating' },
      { state: 'rejected', processed: total, errorCount: errors.length, errors: listable(errors), message, stateChangedAt: now, finishedAt: now },
    );
  }

  /** Written inside the import's own transaction, so "done" and the applied roster commit together. */
  async markDone(manager: EntityManager, id: number, total: number, summary: RosterImportSummary, now: Date): Promise<void> {
    await manager.update(RosterImport, { id }, { state: 'done', processed: total, summary, stateChangedAt: now, finishedAt: now });
  }

  async markFailed(id: number, processed: number, message: string, now: Date): Promise<void> {
    await this.jobs.update({ id, state: In(['validating', 'applying']) }, { state: 'failed', processed, message, stateChangedAt: now, finishedAt: now });
  }

  /**
   * An unfinished job not touched since `before` lost the instance that ran it (imports take
   * seconds): it is closed as failed, at most once, whoever notices first.
   */
  async failIfStale(id: number, before: Date, message: string, now: Date): Promise<boolean> {
    const result = await this.jobs.update(
      { id, state: In(['validating', 'applying'] satisfies RosterImportState[]), stateChangedAt: LessThan(before) },
      { state: 'failed', message, stateChangedAt: now, finishedAt: now },
    );
    return (result.affected ?? 0) > 0;
  }

  reload(id: number): Promise<RosterImport> {
    return this.jobs.findOneByOrFail({ id });
  }
}

export function isFinished(state: RosterImportState): boolean {
  return FINISHED_STATES.includes(state);
}

/** At most MAX_LISTED_ERRORS, and no more than the column holds. */
function listable(errors: readonly RosterRowError[]): RosterRowError[] {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  while (listed.length > 0 && Buffer.byteLength(JSON.stringify(listed)) > MAX_ERRORS_JSON_BYTES) listed.pop();
  return listed;
}
