import { Injectable } from '@nestjs/common';
import {
  chinaDayOf,
  hasRequester,
  listDueAt,
  maskName,
  mayCallRequester,
  noticeNumberText,
  noticeTerms,
  pathIdAt,
  PRINTED_NOTICES,
  REQUEST_CATEGORY_LABELS,
  showPersonal,
  textAsShown,
  workingDeadline,
  type PrintedNoticeKind,
  type Relation,
} from '@gridloop/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../auth/actor';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import { OrgUnit } from '../../grid/org-unit.entity';
import { Person } from '../../grid/person.entity';
import type { RequestActionDto } from '../dtos/request.dto';
import { RequestRepository } from '../request.repository';
import type { RequestEntity } from '../request.entity';
import { RequestsService } from '../requests.service';
import { PrintedNoticeDto } from './printed-notice.dto';
import { PrintedNotice } from './printed-notice.entity';

/**
 * Printed notices (催办通知书, 督办通知单): issued with the urge or supervise step, in its
 * transaction, numbered per town, kind and year; read by the staff handling or supervising the
 * matter (the unit it goes to, and the office that sends it).
 */
@Injectable()
export class RequestPrintedNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly service: RequestsService,
  ) {}

  /**
   * The notice of the step just applied to `request` (its timeline row is the newest of `kind` on
   * the matter: the request's row is locked by this transaction). The number is the town's next
   * for the kind and year: the counter row is bumped in one statement, which holds its lock until
   * the step commits, so concurrent steps (in any API process) each get their own number, and a
   * step rolled back gives its number back.
   */
  async issue(
    manager: EntityManager,
    actorPersonId: number,
    request: RequestEntity,
    kind: PrintedNoticeKind,
    input: RequestActionDto,
    now: Date,
  ): Promise<PrintedNotice> {
    const terms = noticeTerms(kind, { requirement: input.requirement, replyDays: input.replyDays });
    if ('refused' in terms)
      throw new AppError(
        ErrorCode.ValidationFailed,
        terms.refused,
        terms.refused === 'replyDays' ? '回复期限要在1到20个工作日之间' : '办理要求太长了，请精简到500字以内',
      );
    const townUnitId = request.unit?.path ? pathIdAt(request.unit.path, 1) : null;
    if (townUnitId === null) throw new Error(`request ${request.id}: its unit lies in no town`);
    const year = Number(chinaDayOf(now).slice(0, 4));
    const serial = await nextSerial(manager, townUnitId, kind, year);
    const events: { id: number | string }[] = await manager.query('SELECT id FROM request_event WHERE requestId = ? AND action = ? ORDER BY id DESC LIMIT 1', [
      request.id,
      kind,
    ]);
    if (!events[0]) throw new Error(`request ${request.id}: no ${kind} row to issue a notice with`);
    const notice: Omit<PrintedNotice, 'id'> = {
      requestId: request.id,
      eventId: Number(events[0].id),
      kind,
      townUnitId,
      year,
      serial,
      unitId: request.handlerUnitId,
      requirement: terms.requirement,
      replyDays: terms.replyDays,
      replyBy: workingDeadline(now, terms.replyDays),
      issuedByPersonId: actorPersonId,
      issuedAt: now,
    };
    const inserted = await manager.getRepository(PrintedNotice).insert(notice);
    return { ...notice, id: Number(inserted.identifiers[0]!.id) };
  }

  /** One notice, for the staff handling or supervising its matter. */
  async get(actor: Actor, noticeId: number): Promise<PrintedNoticeDto> {
    const notice = await this.dataSource.getRepository(PrintedNotice).findOneBy({ id: noticeId });
    if (!notice) throw new AppError(ErrorCode.NotFound, 'noticeId');
    const { request, relations } = await this.readable(actor, notice.requestId, 'noticeId');
    const [dto] = await this.present(request, relations, [notice]);
    return dto!;
  }

  /** The notices of a matter, oldest first. */
  async listFor(actor: Actor, requestId: number): Promise<PrintedNoticeDto[]> {
    const { request, relations } = await this.readable(actor, requestId, 'requestId');
    const notices = await this.dataSource.getRepository(PrintedNotice).find({ where: { requestId }, order: { id: 'ASC' } });
    return this.present(request, relations, notices);
  }

  /** The matter, when the caller may see it (else not found) and handles or supervises it (else forbidden). */
  private async readable(actor: Actor, requestId: number, field: string): Promise<{ request: RequestEntity; relations: Relation[] }> {
    const request = await this.requests.findVisible(requestId, actor.personId, actor.spanFor('request.view'));
    if (!request) throw new AppError(ErrorCode.NotFound, field);
    const followers = (await this.requests.followers([requestId])).get(requestId) ?? [];
    const relations = this.service.relations(actor, request, followers);
    // Those who may call the requester are those who work on the matter: the unit and its supervisors.
    if (!mayCallRequester(relations)) throw new AppError(ErrorCode.Forbidden, field, '只有办理或督办这件事的工作人员可以查看催办、督办通知');
    return { request, relations };
  }

  private async present(request: RequestEntity, relations: readonly Relation[], notices: readonly PrintedNotice[]): Promise<PrintedNoticeDto[]> {
    if (notices.length === 0) return [];
    const path = (request.unit?.path ?? '').split('/').filter(Boolean).map(Number);
    const townId = path[1] ?? null;
    const unitIds = [...new Set([...notices.map((n) => n.unitId), ...path.slice(1)])];
    const units = new Map((await this.dataSource.getRepository(OrgUnit).findBy({ id: In(unitIds) })).map((u) => [u.id, u]));
    const office = townId === null ? null : await this.dataSource.getRepository(OrgUnit).findOneBy({ parentId: townId, kind: 'hotline_office' });
    const personIds = [...new Set([request.requesterPersonId, ...notices.map((n) => n.issuedByPersonId)])];
    const people = new Map(
      (await this.dataSource.getRepository(Person).find({ where: { id: In(personIds) }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
    );
    const notes = new Map(
      (
        (await this.dataSource.query(
          `SELECT id, note FROM request_event WHERE id IN (${notices.map(() => '?').join(', ')})`,
          notices.map((n) => n.eventId),
        )) as {
          id: number | string;
          note: string | null;
        }[]
      ).map((row) => [Number(row.id), row.note]),
    );
    const townName = townId === null ? '' : (units.get(townId)?.name ?? '');
    // The requester as the policy shows them to the reader (masked to staff); a patrol finding has none.
    const requesterName = hasRequester(request.source)
      ? showPersonal('requesterName', relations, request.enteredName ?? people.get(request.requesterPersonId) ?? null, maskName)
      : null;
    return notices.map((notice) => ({
      id: notice.id,
      requestId: notice.requestId,
      eventId: notice.eventId,
      kind: notice.kind,
      title: PRINTED_NOTICES[notice.kind].title,
      number: noticeNumberText(townName, notice.kind, notice.year, notice.serial),
      year: notice.year,
      serial: notice.serial,
      townName,
      // The office's unit is named within its town (热线办): the paper names the town too.
      issuerName: office ? (office.name.startsWith(townName) ? office.name : `${townName}${office.name}`) : `${townName}热线办`,
      unitName: units.get(notice.unitId)?.name ?? '',
      placeName: path
        .slice(1)
        .map((id) => units.get(id)?.name ?? '')
        .filter(Boolean)
        .join(' · '),
      category: request.category,
      categoryLabel: REQUEST_CATEGORY_LABELS[request.category],
      description: textAsShown(relations, request.description),
      state: request.state,
      receivedAt: request.createdAt,
      dueAt: listDueAt(request),
      requesterName,
      requirement: notice.requirement,
      note: textAsShown(relations, notes.get(notice.eventId) ?? null),
      replyDays: notice.replyDays,
      replyBy: chinaDayOf(notice.replyBy),
      issuedByName: people.get(notice.issuedByPersonId) ?? '',
      issuedAt: notice.issuedAt,
    }));
  }
}

/**
 * The town's next number of `kind` in `year`: an upsert of the counter row (the first of a year
 * inserts 1), then its value read back under the same lock. MySQL: INSERT … ON DUPLICATE KEY
 * UPDATE takes the row's exclusive lock even when it finds it there; SQLite: a writing
 * transaction holds the database's only write lock.
 */
async function nextSerial(manager: EntityManager, townUnitId: number, kind: PrintedNoticeKind, year: number): Promise<number> {
  const mysql = manager.connection.options.type !== 'better-sqlite3';
  await manager.query(
    mysql
      ? 'INSERT INTO notice_counter (townUnitId, kind, year, lastSerial) VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE lastSerial = lastSerial + 1'
      : 'INSERT INTO notice_counter (townUnitId, kind, year, lastSerial) VALUES (?, ?, ?, 1) ON CONFLICT (townUnitId, kind, year) DO UPDATE SET lastSerial = lastSerial + 1',
    [townUnitId, kind, year],
  );
  const rows: { lastSerial: number | string }[] = await manager.query(
    `SELECT lastSerial FROM notice_counter WHERE townUnitId = ? AND kind = ? AND year = ?${mysql ? ' FOR UPDATE' : ''}`,
    [townUnitId, kind, year],
  );
  return Number(rows[0]!.lastSerial);
}
