import {
  awaitsDispatch,
  dispatchStepOffered,
  type DispatchFacts,
  availableActions,
  canRateNow,
  enteredByOther,
  extensionStepOffered,
  hasRequester,
  isLate,
  isResultState,
  mayHaveFollowers,
  requestFacts,
  maskName,
  maskPhone,
  mayCallRequester,
  planDayOf,
  PARKED_LABEL,
  parkStepOffered,
  showPersonal,
  RATING_HEARTS,
  REQUEST_STATE_LABELS,
  textAsShown,
  RESULT_ACTIONS,
  type Relation,
} from '@gridloop/domain';
import { photoPreviewUrl, photoUrl } from '../photos/dtos/photo.dto';
import { voiceNoteUrl } from '../voice-notes/dtos/voice-note.dto';
import { OWN_OPERATION_ACTIONS, RequestDto, RequestListItemDto, SUPPORTED_ACTIONS } from './dtos/request.dto';
import type { ListedRequest } from './listed-request';
import type { Requester } from './requester';
import { RequestEvent } from './request-event.entity';
import { RequestEntity } from './request.entity';

/**
 * What one caller sees of a request: each personal field as the policy table says for how they
 * stand to it (PERSONAL_FIELDS: in full only for the requester), the actions open to them now,
 * and the timeline (internal steps only for staff on it).
 */
export function viewRequest(
  request: RequestEntity,
  requester: Requester,
  relations: readonly Relation[],
  timeline: RequestEvent[],
  now: Date,
  media: {
    /** Photo ids by timeline step (RequestRepository.photosByEvent). */
    photosByEvent?: ReadonlyMap<number, readonly number[]>;
    /** The voice note the matter came with, if any (RequestRepository.voiceNotesOf). */
    voiceNote?: { id: number; durationMs: number } | null;
  } = {},
  /** Names of the staff who took steps (the one who entered it among them: they took its first). */
  actorNames: ReadonlyMap<number, string> = new Map(),
): RequestDto {
  const { photosByEvent = new Map<number, readonly number[]>(), voiceNote = null } = media;
  const item = viewListItem(request, requester, relations, now, latestResult(timeline)?.note ?? null);
  const staffName = (id: number) => showPersonal('staffName', relations, actorNames.get(id) ?? null, maskName);
  const actorName = (id: number | null) => (id === null ? '系统' : id === request.requesterPersonId ? item.requesterName : (staffName(id) ?? ''));
  return {
    ...item,
    enteredByName: enteredByOther(request) ? staffName(request.enteredByPersonId!) : null,
    // An ask waits, or none does: only the steps that fit are offered.
    actions: item.actions.filter((a) => extensionStepOffered(a, request) && parkStepOffered(a, request)),
    extensionAskedDays: request.extensionAskedDays,
    // Parked: the state reads 挂账, the plan date beside it (parkPlanDate).
    stateLabel: request.parkedUntil ? PARKED_LABEL : item.stateLabel,
    parkAskedDate: request.parkAskedUntil && planDayOf(request.parkAskedUntil),
    parkPlanDate: request.parkedUntil && planDayOf(request.parkedUntil),
    parkProgressDueAt: relations.includes('handler') || relations.includes('supervisor') ? request.parkProgressDueAt : null,
    timeline: timeline.map((e) => ({
      id: e.id,
      action: e.action,
      actorName: actorName(e.actorPersonId),
      toState: e.toState,
      note: textAsShown(relations, e.note),
      public: e.public,
      dueAt: e.dueAt,
      photos: (photosByEvent.get(e.id) ?? []).map((id) => ({ id, url: photoUrl(id), previewUrl: photoPreviewUrl(id) })),
      createdAt: e.createdAt,
    })),
    voiceNote: voiceNote && { id: voiceNote.id, durationMs: voiceNote.durationMs, url: voiceNoteUrl(voiceNote.id) },
  };
}

/** What the dispatch rule reads of a matter (its handler unit comes with it). */
function dispatchFacts(request: ListedRequest): DispatchFacts {
  return { handlerUnitKind: request.handlerUnit?.kind ?? '', transferRequested: request.transferRequested };
}

/** The steps a list row offers the caller: the workflow's, for how the caller stands to the matter (no requester, follower read or result needed). */
export function listItemActions(request: ListedRequest, relations: readonly Relation[]): string[] {
  return availableActions(request.state, relations, requestFacts(request)).filter(
    (a) =>
      // 转办 / 不同意转办 only while they mean something (dispatchStepOffered);
      // a confidential matter is never merged (mayMerge): no 合并 button on one.
      dispatchStepOffered(a, dispatchFacts(request)) &&
      (a === 'rate'
        ? canRateNow(request.resolvedAt, request.ratedAt)
        : a === 'merge'
          ? mayHaveFollowers(request)
          : ([...SUPPORTED_ACTIONS, ...OWN_OPERATION_ACTIONS] as readonly string[]).includes(a)),
  );
}

/** The same without the timeline, for lists; the request must come with its unit and handler unit. */
export function viewListItem(
  request: ListedRequest,
  requester: Requester,
  relations: readonly Relation[],
  now: Date,
  /** The note of its latest result or refusal step (shown while it is in a result state). */
  resultNote: string | null,
): RequestListItemDto {
  const phone = request.contactPhone ?? requester.phone;
  const state = request.state;
  // Entered for someone (代办, a call, an order): the name given then, never the account's own,
  // which the one entering (and those handling it) may have no right to learn.
  const name = request.enteredName ?? requester.name;
  return {
    id: request.id,
    state: request.state,
    stateLabel: REQUEST_STATE_LABELS[state],
    version: request.version,
    source: request.source,
    category: request.category,
    dutyType: request.dutyType,
    description: textAsShown(relations, request.description),
    addressNote: showPersonal('addressNote', relations, request.addressNote, () => null),
    // No number given with the matter: the requester's own (bound from WeChat or the roster).
    contactPhone: showPersonal('contactPhone', relations, phone, maskPhone),
    requesterName: showPersonal('requesterName', relations, name, maskName) ?? '',
    // 拨打 (callRequester): the full number through the logged action, for those who may call.
    // A patrol finding has nobody to call: its reporter only stands in the requester column.
    canCall: phone !== null && hasRequester(request.source) && mayCallRequester(relations),
    confidential: request.confidential,
    // The content check's "review" flag is for those handling it, not for the requester or the public.
    ...(relations.includes('handler') || relations.includes('supervisor') ? { contentReview: request.contentReview } : {}),
    unitId: request.unitId,
    handlerUnitId: request.handlerUnitId,
    complexity: request.complexity,
    contactDueAt: request.contactDueAt,
    completionDueAt: request.completionDueAt,
    contactLate: request.contactLate || isLate(request.contactDueAt, request.contactedAt, now),
    completionLate: request.completionLate || isLate(request.completionDueAt, request.resolvedAt, now),
    rating: request.rating,
    hearts: request.rating ? RATING_HEARTS[request.rating] : 0,
    rehandleCount: request.rehandleCount,
    hotlineOrderNo: request.hotlineOrderNo,
    cityDueAt: request.cityDueAt,
    transferRequested: request.transferRequested,
    escalationRung: request.escalationRung,
    supervised: request.supervisedAt !== null,
    mergedIntoId: request.mergedIntoId,
    enteredForRequester: enteredByOther(request),
    awaitsDispatch: awaitsDispatch(dispatchFacts(request)),
    actions: listItemActions(request, relations),
    resultNote: isResultState(request.state) ? textAsShown(relations, resultNote) : null,
    // As lookBackQueue orders it: a refusal has no result time, it was decided at the contact.
    readyAt: isResultState(request.state) ? (request.resolvedAt ?? request.contactedAt) : null,
    unitName: request.unit?.name ?? '',
    handlerUnitName: request.handlerUnit?.name ?? '',
    createdAt: request.createdAt,
  };
}

/** The latest result or refusal among `events` (oldest first). */
export function latestResult(events: readonly RequestEvent[]): RequestEvent | null {
  for (let i = events.length - 1; i >= 0; i--) if ((RESULT_ACTIONS as readonly string[]).includes(events[i]!.action)) return events[i]!;
  return null;
}
