import { Injectable } from '@nestjs/common';
import { HANDLER_ROLES, hasRequester, isResultState, mayCallRequester, relationsTo, WORKING_STATES, type Relation } from '@gridloop/domain';
import { DataSource, In } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { Person } from '../grid/person.entity';
import { PhoneViewLog } from '../people/phone-view-log.entity';
import { InboxQuery, RequestDto, RequesterPhoneDto, RequestListItemDto } from './dtos/request.dto';
import type { SubmittedMedia } from './request-steps';
import { RequestEvent } from './request-event.entity';
import { RequestRefusals } from './request-refusals';
import { RequestRepository } from './request.repository';
import type { ListedRequest } from './listed-request';
import { viewListItem, viewRequest } from './request-view';
import type { Requester } from './requester';
import { RequestEntity } from './request.entity';

const LIST_LIMIT = 100;
/** A phone shows a screenful; the most urgent 50 are plenty, and the rest is a page away. */
const INBOX_PAGE = 50;

/** Reading requests and presenting them to whoever asks (new ones are made by RequestIntake). */
@Injectable()
export class RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly refusals: RequestRefusals,
  ) {}

  async get(actor: Actor, id: number, now: Date): Promise<RequestDto> {
    const request = await this.requests.findVisible(id, actor.personId, actor.spanFor('request.view'));
    if (!request) throw new AppError(ErrorCode.NotFound, 'requestId');
    const dto = await this.view(actor, request, now);
    // 退单 is offered only while the town's window runs (refusals.ts); after it, 申请转办 remains.
    if (dto.actions.includes('returnToDispatch') && !(await this.refusals.mayReturn(this.dataSource.manager, request, now)))
      return { ...dto, actions: dto.actions.filter((action) => action !== 'returnToDispatch') };
    return dto;
  }

  /**
   * 拨打: the requester's full number for one handling or supervising the matter, each time
   * logged (who, whose, when); no answer carries it otherwise (PERSONAL_FIELDS).
   */
  async callRequester(actor: Actor, id: number): Promise<RequesterPhoneDto> {
    const request = await this.requests.findVisible(id, actor.personId, actor.spanFor('request.view'));
    if (!request) throw new AppError(ErrorCode.NotFound, 'requestId');
    const loaded = request.unit ? request : await this.dataSource.getRepository(RequestEntity).findOneOrFail({ where: { id }, relations: { unit: true } });
    const followers = (await this.requests.followers([id])).get(id) ?? [];
    if (!mayCallRequester(this.relations(actor, loaded, followers)))
      throw new AppError(ErrorCode.Forbidden, 'requestId', '只有办理或督办这件事的工作人员可以拨打反映人的电话');
    if (!hasRequester(loaded.source)) throw new AppError(ErrorCode.NotFound, 'phone', '这是巡查发现的事项，没有反映人可以拨打');
    const { requesters } = await this.peopleOf([loaded]);
    const phone = loaded.contactPhone ?? requesterOf(requesters, loaded).phone;
    if (!phone) throw new AppError(ErrorCode.NotFound, 'phone', '反映人没有留电话');
    await this.dataSource.getRepository(PhoneViewLog).insert({ viewerPersonId: actor.personId, subjectPersonId: loaded.requesterPersonId, requestId: id });
    return { phone };
  }

  /** Matters I raised, and those mine was merged into (which I follow). */
  async listMine(actor: Actor, now: Date): Promise<RequestListItemDto[]> {
    return this.listItems(actor, await this.requests.listMine(actor.personId, LIST_LIMIT), now);
  }

  /**
   * What the caller must handle: matters being worked on (WORKING_STATES) by the units where they
   * hold a handling role. A result or refusal waits for the requester and the supervisors, not the
   * handler, so it leaves 待办 (a patrol finding settled on the spot never enters it).
   */
  async inbox(actor: Actor, page: InboxQuery, now: Date): Promise<RequestListItemDto[]> {
    const units = actor.held.filter((h) => HANDLER_ROLES.includes(h.role)).map((h) => h.unitId);
    if ((page.afterDueAt === undefined) !== (page.afterId === undefined))
      throw new AppError(ErrorCode.ValidationFailed, page.afterId === undefined ? 'afterId' : 'afterDueAt', '翻页需要同时给出上一页最后一条的时限和编号');
    const after = page.afterDueAt !== undefined && page.afterId !== undefined ? { dueAt: new Date(page.afterDueAt), id: page.afterId } : undefined;
    const rows = await this.requests.inbox(actor.personId, units, WORKING_STATES, page.limit ?? INBOX_PAGE, after);
    return rows.map((row) =>
      viewListItem(row.request, row.requester, this.relations(actor, row.request, row.followed ? [actor.personId] : []), now, row.resultNote),
    );
  }

  /** How the caller stands to the request; pass its followers where following matters (seeing it). */
  relations(actor: Actor, request: Pick<ListedRequest, 'requesterPersonId' | 'handlerUnitId' | 'unit'>, followerPersonIds: readonly number[] = []): Relation[] {
    const unitPath = request.unit?.path;
    if (!unitPath) throw new Error('request loaded without its unit');
    return relationsTo(actor.personId, actor.held, {
      requesterPersonId: request.requesterPersonId,
      handlerUnitId: request.handlerUnitId,
      unitPath,
      followerPersonIds,
    });
  }

  /** view() of many requests loaded with their units: the requesters and the timelines in one query each, not two per request. */
  async viewMany(actor: Actor, requests: RequestEntity[], now: Date): Promise<RequestDto[]> {
    if (requests.length === 0) return [];
    const { requesters, followers } = await this.peopleOf(requests);
    const timelines = await this.requests.timelines(requests.map((r) => r.id));
    const events = [...timelines.values()].flat();
    const photosByEvent = await this.requests.photosByEvent(events.map((e) => e.id));
    const voiceNotes = await this.requests.voiceNotesOf(requests.map((r) => r.id));
    const actorIds = [...new Set(events.flatMap((e) => (e.actorPersonId === null ? [] : [e.actorPersonId])))];
    const actors = actorIds.length === 0 ? [] : await this.dataSource.getRepository(Person).findBy({ id: In(actorIds) });
    const loaded = requests.map((request) => ({
      request,
      requester: requesterOf(requesters, request),
      followers: followers.get(request.id) ?? [],
      timeline: timelines.get(request.id) ?? [],
      voiceNote: voiceNotes.get(request.id) ?? null,
    }));
    return this.present(actor, loaded, { photosByEvent, actorNames: new Map(actors.map((p) => [p.id, p.name])) }, now);
  }

  /** view() of a request just made (RequestIntake), from what was written: nothing of it is read back but its voice note's length. */
  async viewCreated(
    actor: Actor,
    created: { request: RequestEntity; submitted: RequestEvent; requester: Pick<Person, 'name' | 'phone'> },
    media: SubmittedMedia,
    now: Date,
  ): Promise<RequestDto> {
    const { request, submitted, requester } = created;
    const voiceNote = media.voiceNoteId === undefined ? null : ((await this.requests.voiceNotesOf([request.id])).get(request.id) ?? null);
    // As photosByEvent lists them: each attached once, in upload order.
    const photos = [...new Set(media.photoIds ?? [])].sort((a, b) => a - b);
    const loaded = { request, requester: { name: requester.name, phone: requester.phone }, followers: [], timeline: [submitted], voiceNote };
    const [dto] = this.present(actor, [loaded], { photosByEvent: new Map([[submitted.id, photos]]), actorNames: new Map([[actor.personId, actor.name]]) }, now);
    return dto!;
  }

  /** What the caller sees of each loaded request (viewRequest): no full number but the requester's own, so nothing to log. */
  private present(
    actor: Actor,
    loaded: readonly LoadedRequest[],
    shared: { photosByEvent: ReadonlyMap<number, readonly number[]>; actorNames: ReadonlyMap<number, string> },
    now: Date,
  ): RequestDto[] {
    return loaded.map(({ request, requester, followers, timeline, voiceNote }) => {
      const relations = this.relations(actor, request, followers);
      const staffOnIt = relations.includes('handler') || relations.includes('supervisor');
      const shown = timeline.filter((e) => staffOnIt || e.public);
      return viewRequest(request, requester, relations, shown, now, { photosByEvent: shared.photosByEvent, voiceNote }, shared.actorNames);
    });
  }

  /** Lists (inbox, mine, queues): no timelines, so a page of 100 is two small queries and a small answer. */
  async listItems(actor: Actor, requests: RequestEntity[], now: Date): Promise<RequestListItemDto[]> {
    if (requests.length === 0) return [];
    const [{ requesters, followers }, results] = await Promise.all([
      this.peopleOf(requests),
      this.requests.results(requests.filter((r) => isResultState(r.state)).map((r) => r.id)),
    ]);
    return requests.map((request) =>
      viewListItem(
        request,
        requesterOf(requesters, request),
        this.relations(actor, request, followers.get(request.id)),
        now,
        results.get(request.id)?.note ?? null,
      ),
    );
  }

  /** The requesters and the followers of `requests`, one query each. */
  private async peopleOf(requests: RequestEntity[]): Promise<{ requesters: Map<number, Requester>; followers: Map<number, number[]> }> {
    // Two independent reads, sent together: a list waits for the slower, not for both in turn.
    const [people, followers] = await Promise.all([
      this.dataSource
        .getRepository(Person)
        .find({ where: { id: In([...new Set(requests.map((r) => r.requesterPersonId))]) }, select: { id: true, name: true, phone: true } }),
      this.requests.followers(requests.map((r) => r.id)),
    ]);
    return { requesters: new Map(people.map((p) => [p.id, { name: p.name, phone: p.phone }])), followers };
  }

  async view(actor: Actor, request: RequestEntity, now: Date): Promise<RequestDto> {
    const loaded = request.unit
      ? request
      : await this.dataSource.getRepository(RequestEntity).findOneOrFail({ where: { id: request.id }, relations: { unit: true } });
    const [dto] = await this.viewMany(actor, [loaded], now);
    return dto!;
  }
}

/** A request with everything view() shows of it. */
interface LoadedRequest {
  request: RequestEntity;
  requester: Requester;
  followers: readonly number[];
  /** Every step, internal ones too (present() leaves those out for whom they are not). */
  timeline: RequestEvent[];
  voiceNote: { id: number; durationMs: number } | null;
}

function requesterOf(requesters: ReadonlyMap<number, Requester>, request: RequestEntity): Requester {
  const requester = requesters.get(request.requesterPersonId);
  if (requester === undefined) throw new Error(`request ${request.id}: requester ${request.requesterPersonId} not found`);
  return requester;
}
