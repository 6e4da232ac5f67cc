import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { RosterImportDto } from './dtos/roster.dto';
import { RosterImport } from './roster-import.entity';
import { isFinished, RosterImportRepository } from './roster-import.repository';
import { LiveProgress, RosterImportRunner } from './roster-import.runner';
import { readRosterWorkbook, writeRosterWorkbook } from './roster-workbook';
import { TownRosterRepository } from './town-roster.repository';
import { TownTree } from './town-tree';

/** The upload as multer hands it over (memory storage). */
export interface UploadedRoster {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface RosterFile {
  fileName: string;
  /** ASCII stand-in for clients that ignore `filename*`. */
  asciiFileName: string;
  content: Buffer;
}

/** An unfinished import not heard from for this long lost its instance (imports take seconds). */
const STALE_AFTER_MS = 15 * 60 * 1000;
const STALE_MESSAGE = '导入中断（服务重启），花名册没有任何改动，请重新导入';

@Injectable()
export class RosterService {
  constructor(
    private readonly units: OrgUnitRepository,
    private readonly jobs: RosterImportRepository,
    private readonly roster: TownRosterRepository,
    private readonly runner: RosterImportRunner,
  ) {}

  /**
   * Accepts a roster for a town in the caller's span: the file is read and its header checked
   * now; every row is checked and applied after the answer (poll getRosterImport).
   */
  async startImport(actor: Actor, townId: number, file: UploadedRoster | undefined, now: Date): Promise<RosterImportDto> {
    const town = await this.townOf(actor, townId);
    if (!file || file.size === 0) throw new AppError(ErrorCode.ValidationFailed, 'file', '请选择要导入的花名册文件（.xlsx）');
    const rows = await readRosterWorkbook(file.buffer);
    const job = await this.jobs.create(
      { townId: town.id, requestedByPersonId: actor.personId, fileName: uploadedName(file.originalname), total: rows.length },
      now,
    );
    this.runner.start(job.id, town, actor.spanFor('roster.manage'), rows);
    return toDto(job, this.runner.progressOf(job.id));
  }

  /** An import into a town in the caller's span, with live progress when it runs on this instance. */
  async getImport(actor: Actor, importId: number, now: Date): Promise<RosterImportDto> {
    let job = await this.jobs.findInSpan(importId, actor.spanFor('roster.manage'));
    if (!job) throw new AppError(ErrorCode.NotFound, 'importId');
    const live = this.runner.progressOf(job.id);
    if (!live && !isFinished(job.state)) {
      const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
      if (job.stateChangedAt < staleBefore && (await this.jobs.failIfStale(job.id, staleBefore, STALE_MESSAGE, now))) job = await this.jobs.reload(job.id);
    }
    return toDto(job, live);
  }

  /**
   * The town's current roster in the import format, with full phones (roster.manage only). Every
   * number it shows is logged as viewed, as a single full-number view is.
   */
  async exportRoster(actor: Actor, townId: number, now: Date): Promise<RosterFile> {
    const town = await this.townOf(actor, townId);
    const tree = new TownTree(town, await this.roster.snapshot(town));
    const day = shanghaiDate(now);
    const content = await writeRosterWorkbook(tree.sheetRows());
    await this.roster.logPhoneViews(actor.personId, tree.shownPeople());
    return {
      fileName: `${town.name}网格花名册-${day}.xlsx`,
      asciiFileName: `roster-${town.code.replace(/[^A-Za-z0-9-]/g, '')}-${day}.xlsx`,
      content,
    };
  }

  private async townOf(actor: Actor, townId: number): Promise<OrgUnit> {
    const town = await this.units.findInSpan(townId, actor.spanFor('roster.manage'));
    if (!town) throw new AppError(ErrorCode.NotFound, 'townId');
    if (town.kind !== 'town') throw new AppError(ErrorCode.RosterNotATown, 'townId');
    return town;
  }
}

function toDto(job: RosterImport, live: Readonly<LiveProgress> | undefined): RosterImportDto {
  const running = live && !isFinished(job.state);
  return {
    id: job.id,
    townId: job.townId,
    fileName: job.fileName,
    state: running ? live.state : job.state,
    total: job.total,
    processed: running ? live.processed : job.processed,
    errorCount: job.errorCount,
    errors: job.errors ?? [],
    summary: job.summary,
    message: job.message,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/**
 * Multer reads the file name of a multipart part as latin1; browsers send UTF-8. A name that
 * decodes cleanly as UTF-8 is taken as such (台头镇.xlsx), anything else is kept as sent.
 */
function uploadedName(name: string): string {
  let decoded = name;
  // eslint-disable-next-line no-control-regex -- latin1 is every code point up to U+00FF
  if (/^[\u0000-\u00ff]*$/.test(name)) {
    const utf8 = Buffer.from(name, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) decoded = utf8;
  }
  // eslint-disable-next-line no-control-regex -- control characters are dropped from a file name
  const chars = [...decoded.replace(/[\u0000-\u001f]/g, '')];
  return (chars.length > 120 ? chars.slice(-120) : chars).join('') || 'roster.xlsx';
}

/** 2025-03-14 as a clock in Taitou shows it. */
function shanghaiDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
