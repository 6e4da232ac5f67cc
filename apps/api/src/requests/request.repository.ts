import { Injectable } from '@nestjs/common';
import { DISPATCHING_UNIT_KIND, LIST_DUE_SQL, listDueAt, OVERDUE_AT_SQL, RESULT_ACTIONS } from '@gridloop/domain';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { spanCondition } from '../access/span-where';
import { sqlDateTime } from '../common/raw-date';
import { Photo } from '../photos/photo.entity';
import { VoiceNote } from '../voice-notes/voice-note.entity';
import { LISTED_COLUMNS, LISTED_JOINS, listedRow, type ListedRow } from './listed-request';
import { RequestEvent } from './request-event.entity';
import { RequestFollower } from './request-follower.entity';
import { RequestEntity } from './request.entity';

/**
 * A matter `:personId` follows (merged one of theirs into it): never a confidential one, whatever
 * rows an older merge left (mayHaveFollowers), so a follower never reads one, nor its photos.
 */
const FOLLOWED_BY_PERSON = '(r.confidential = 0 AND r.id IN (SELECT f.requestId FROM request_follower f WHERE f.personId = :personId))';

/** Reads and writes of requests. Every read for a caller goes through a span or their own id. */
@Injectable()
export class RequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The request, if the caller raised or follows it, or it lies (by its unit or its handler) within `span`. */
  findVisible(id: number, personId: number, span: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<RequestEntity | null> {
    const visible = visibleTo(personId, span);
    return this.withUnits(manager).where('r.id = :id', { id }).andWhere(visible.sql, visible.params).getOne();
  }

  /** Of `ids`, the requests the caller may open: the same test as findVisible (raised, followed, or within `span`). */
  async visibleAmong(ids: readonly number[], personId: number, span: readonly string[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const visible = visibleTo(personId, span);
    const rows = await this.withUnits()
      .select('r.id', 'id')
      .where('r.id IN (:...ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .getRawMany<{ id: number | string }>();
    return new Set(rows.map((row) => Number(row.id)));
  }

  /**
   * The request this submitter already sent through one of `sources` with this clientRequestId
   * (so this is a retry), if any. Never by the requester: an id someone else sent is theirs alone.
   * The caller reads it only through findVisible.
   */
  async retryOf(submitterPersonId: number, sources: readonly string[], clientRequestId: string): Promise<number | null> {
    const rows: { id: number | string }[] = await this.dataSource.query(
      `SELECT id FROM request WHERE submitterPersonId = ? AND source IN (${marks(sources)}) AND clientRequestId = ? ORDER BY id LIMIT 1`,
      [submitterPersonId, ...sources, clientRequestId],
    );
    return rows[0] ? Number(rows[0].id) : null;
  }

  /** Matters the person raised or follows, newest first. */
  listMine(personId: number, limit: number): Promise<RequestEntity[]> {
    return this.withUnits().where(`(r.requesterPersonId = :personId OR ${FOLLOWED_BY_PERSON})`, { personId }).orderBy('r.id', 'DESC').take(limit).getMany();
  }

  /**
   * Requests in `openStates` handled by `handlerUnitIds`, the soonest due first, as list rows for `viewerPersonId`.
   * Plain SQL, one statement: a grid leader opens this all day, and TypeORM's building and
   * hydrating of the page cost more than the read. The page's ids come from IDX_request_handler_due
   * alone (it holds both due dates); only those rows are then read, and put in order here (an
   * outer ORDER BY would sort the rows with their text in a temporary table).
   */
  async inbox(
    viewerPersonId: number,
    handlerUnitIds: readonly number[],
    openStates: readonly string[],
    limit: number,
    after?: { dueAt: Date; id: number },
  ): Promise<ListedRow[]> {
    if (handlerUnitIds.length === 0) return [];
    const due = LIST_DUE_SQL;
    const afterDue = after ? sqlDateTime(after.dueAt) : null;
    const page = `SELECT r.id FROM request r
      WHERE r.handlerUnitId IN (${marks(handlerUnitIds)}) AND r.state IN (${marks(openStates)})${after ? ` AND (${due} > ? OR (${due} = ? AND r.id > ?))` : ''}
      ORDER BY ${due}, r.id LIMIT ?`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LISTED_COLUMNS} FROM (${page}) due_page JOIN request r ON r.id = due_page.id ${LISTED_JOINS}`,
      [viewerPersonId, ...handlerUnitIds, ...openStates, ...(after ? [afterDue, afterDue, after.id] : []), limit],
    );
    const dueAt = ({ request }: ListedRow) => listDueAt(request).getTime();
    return rows.map(listedRow).sort((a, b) => dueAt(a) - dueAt(b) || a.request.id - b.request.id);
  }

  /**
   * 派单: open matters within `span` that wait for the dispatchers: held by a hotline office (12345
   * orders, calls) or with a transfer asked for. Oldest first.
   */
  async dispatchQueue(span: readonly string[], openStates: readonly string[], limit: number): Promise<RequestEntity[]> {
    return (await this.dispatchWhere(span, openStates)).orderBy('r.id', 'ASC').limit(limit).getMany();
  }

  /** How many dispatchQueue would list, up to `cap` (the 工作台's count): its rows, unsorted, stopping at `cap`. */
  async dispatchCount(span: readonly string[], openStates: readonly string[], cap: number): Promise<number> {
    return countUpTo(await this.dispatchWhere(span, openStates), cap);
  }

  private async dispatchWhere(span: readonly string[], openStates: readonly string[]): Promise<SelectQueryBuilder<RequestEntity>> {
    const inSpan = spanCondition('u.path', span, 'span');
    // The domain's awaitsDispatch. The hotline offices by id, so that both sides of the OR are index
    // ranges (handler, transfer) instead of every open matter read.
    const offices: { id: number | string }[] = await this.dataSource
      .createQueryBuilder()
      .select('o.id', 'id')
      .from('org_unit', 'o')
      .where('o.kind = :kind', { kind: DISPATCHING_UNIT_KIND })
      .getRawMany();
    const held = offices.length > 0 ? 'r.handlerUnitId IN (:...offices) OR ' : '';
    return this.withUnits()
      .where(inSpan.sql, inSpan.params)
      .andWhere('r.state IN (:...openStates)', { openStates })
      .andWhere(`(${held}r.transferRequested = :yes)`, { offices: offices.map((o) => Number(o.id)), yes: true });
  }

  /**
   * 回看: results and refusals within `span` ready to be looked back at: rated, refused, or left
   * unrated since before `unratedBefore`. Oldest result first.
   */
  async lookBackQueue(span: readonly string[], unratedBefore: Date, limit: number): Promise<RequestEntity[]> {
    const inSpan = spanCondition('u.path', span, 'span');
    // The page's ids first, from IDX_request_look_back alone (no matter's row read to sort them), then those rows.
    const page: { id: number | string }[] = await this.withUnits()
      .select('r.id', 'id')
      .where(inSpan.sql, inSpan.params)
      .andWhere(
        new Brackets((q) => {
          q.where("r.state = 'rejected'").orWhere("r.state = 'resolved' AND (r.ratedAt IS NOT NULL OR r.resolvedAt <= :unratedBefore)", { unratedBefore });
        }),
      )
      // A refusal has no result time; it was decided when the requester was contacted.
      .addSelect('COALESCE(r.resolvedAt, r.contactedAt)', 'ready_at')
      .orderBy('ready_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getRawMany();
    if (page.length === 0) return [];
    const ids = page.map((row) => Number(row.id));
    const rows = await this.withUnits().where('r.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * 超时督办: open matters within `span` overdue at `now` (isOverdueAt, as OVERDUE_AT_SQL), highest
   * rung of the ladder first. Not the rung itself: it is set only when the escalation sweep runs.
   */
  overdue(span: readonly string[], now: Date, limit: number): Promise<RequestEntity[]> {
    return this.overdueWhere(span, now)
      .addSelect(LIST_DUE_SQL, 'due_at')
      .orderBy('r.escalationRung', 'DESC')
      .addOrderBy('due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** How many overdue would list, up to `cap` (the 工作台's 超时督办): unsorted, stopping at `cap`. */
  overdueCount(span: readonly string[], now: Date, cap: number): Promise<number> {
    return countUpTo(this.overdueWhere(span, now), cap);
  }

  private overdueWhere(span: readonly string[], now: Date): SelectQueryBuilder<RequestEntity> {
    const inSpan = unitOrHandlerInSpan(span);
    return this.withUnits().where(OVERDUE_AT_SQL, { overdueAt: now }).andWhere(inSpan.sql, inSpan.params);
  }

  /** Open matters of the same unit raised within the window, other than `exceptId`: candidates for duplicates. */
  openInUnit(unitId: number, exceptId: number, openStates: readonly string[], since: Date, limit: number): Promise<RequestEntity[]> {
    return this.withUnits()
      .where('r.unitId = :unitId AND r.id <> :exceptId', { unitId, exceptId })
      .andWhere('r.state IN (:...openStates)', { openStates })
      .andWhere('r.createdAt >= :since', { since })
      .orderBy('r.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Every step (internal ones too) of each of `requestIds`, oldest first, by request. */
  async timelines(requestIds: readonly number[]): Promise<Map<number, RequestEvent[]>> {
    const byRequest = new Map<number, RequestEvent[]>();
    if (requestIds.length === 0) return byRequest;
    const events = await this.dataSource
      .getRepository(RequestEvent)
      .find({ where: { requestId: In([...requestIds]) }, order: { requestId: 'ASC', id: 'ASC' } });
    for (const event of events) {
      const list = byRequest.get(event.requestId);
      if (list) list.push(event);
      else byRequest.set(event.requestId, [event]);
    }
    return byRequest;
  }

  /** Whether a timeline step is public (shown to the requester): its photos and voice note are then seen as the request is. */
  async eventIsPublic(eventId: number): Promise<boolean> {
    const event = await this.dataSource.getRepository(RequestEvent).findOne({ where: { id: eventId }, select: { id: true, public: true } });
    return event?.public ?? false;
  }

  /** The voice note each of `requestIds` was raised with (one at most: only a submission carries one). */
  async voiceNotesOf(requestIds: readonly number[]): Promise<Map<number, { id: number; durationMs: number }>> {
    if (requestIds.length === 0) return new Map();
    const notes = await this.dataSource
      .getRepository(VoiceNote)
      .find({ where: { requestId: In([...requestIds]) }, select: { id: true, requestId: true, durationMs: true } });
    return new Map(notes.map((note) => [Number(note.requestId), { id: note.id, durationMs: note.durationMs }]));
  }

  /** The photo ids each of `eventIds` came with, in upload order. */
  async photosByEvent(eventIds: readonly number[]): Promise<Map<number, number[]>> {
    const byEvent = new Map<number, number[]>();
    if (eventIds.length === 0) return byEvent;
    const photos = await this.dataSource
      .getRepository(Photo)
      .find({ where: { requestEventId: In([...eventIds]) }, select: { id: true, requestEventId: true }, order: { id: 'ASC' } });
    for (const photo of photos) {
      if (photo.requestEventId === null) continue;
      const list = byEvent.get(photo.requestEventId);
      if (list) list.push(photo.id);
      else byEvent.set(photo.requestEventId, [photo.id]);
    }
    return byEvent;
  }

  /** The latest result or refusal step of each of `requestIds` (those that have one). */
  async results(requestIds: readonly number[]): Promise<Map<number, RequestEvent>> {
    const latest = new Map<number, RequestEvent>();
    if (requestIds.length === 0) return latest;
    const events = await this.dataSource
      .getRepository(RequestEvent)
      .find({ where: { requestId: In([...requestIds]), action: In([...RESULT_ACTIONS]) }, order: { id: 'ASC' } });
    for (const event of events) latest.set(event.requestId, event);
    return latest;
  }

  /** The followers (requesters of matters merged in) of each of `requestIds`. */
  async followers(requestIds: readonly number[]): Promise<Map<number, number[]>> {
    const byRequest = new Map<number, number[]>();
    if (requestIds.length === 0) return byRequest;
    for (const f of await this.dataSource.getRepository(RequestFollower).findBy({ requestId: In([...requestIds]) })) {
      byRequest.set(f.requestId, [...(byRequest.get(f.requestId) ?? []), f.personId]);
    }
    return byRequest;
  }

  /** Requests with the unit they belong to and the unit handling them: every read here needs both. */
  private withUnits(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<RequestEntity> {
    return manager.getRepository(RequestEntity).createQueryBuilder('r').innerJoinAndSelect('r.unit', 'u').innerJoinAndSelect('r.handlerUnit', 'h');
  }
}

/**
 * Whom a request shows to (findVisible, visibleAmong, the search): the caller raised or follows it,
 * or it lies within `span`. Over `r` joined with its unit `u` and handler unit `h`; binds `:personId`.
 */
export function visibleTo(personId: number, span: readonly string[]): { sql: string; params: Record<string, string | number> } {
  const inSpan = unitOrHandlerInSpan(span);
  return { sql: `(r.requesterPersonId = :personId OR ${inSpan.sql} OR ${FOLLOWED_BY_PERSON})`, params: { personId, ...inSpan.params } };
}

/** A request lies within `span` by the unit it belongs to or by the unit handling it. */
export function unitOrHandlerInSpan(span: readonly string[]): { sql: string; params: Record<string, string> } {
  const unit = spanCondition('u.path', span, 'unitSpan');
  const handler = spanCondition('h.path', span, 'handlerSpan');
  return { sql: `(${unit.sql} OR ${handler.sql})`, params: { ...unit.params, ...handler.params } };
}

/** The rows of `query`, counted up to `cap`: only their ids, in no order, so the read stops at `cap`. */
async function countUpTo(query: SelectQueryBuilder<RequestEntity>, cap: number): Promise<number> {
  const rows = await query.select('r.id', 'id').limit(cap).getRawMany();
  return rows.length;
}

/** `?, ?, ?` for the values of an IN list. */
function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
