import { nextState, START_STATE, stepDeadline, type RequestAction, type RequestState } from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { attachPhotos } from '../photos/photo.repository';
import { attachVoiceNote } from '../voice-notes/voice-note.repository';
import { syncRequestTimer } from '../clocks/timer-sync';
import { announceStep } from './request-announcements';
import { RequestEvent } from './request-event.entity';
import { RequestEntity } from './request.entity';

/** Steps only staff see in the timeline. */
const INTERNAL_ACTIONS: readonly RequestAction[] = ['sendBack'];

export interface Step {
  action: RequestAction;
  changes: Partial<RequestEntity>;
  note: string | null;
  /** The caller's own unattached photos this step carries (a follow-up, a result). */
  photoIds?: readonly number[];
}

/**
 * The one way a request's state changes: the new state (from the domain table), the step's other
 * fields and the next version are written only where the version is still the one the step was
 * decided on, and the timeline row goes in with it. Call inside the caller's transaction, after
 * the guard. Returns the request as it now is.
 */
export async function applyStep(manager: EntityManager, actorPersonId: number, request: RequestEntity, step: Step, now: Date): Promise<RequestEntity> {
  const from = request.state as RequestState;
  const to = nextState(step.action, from);
  const version = request.version + 1;
  const result = await manager
    .createQueryBuilder()
    .update(RequestEntity)
    // updatedAt is the step's time on the app's clock: the reports find matters stepped on since a date by it.
    .set({ ...step.changes, state: to, version, updatedAt: now })
    .where('id = :id AND version = :version', { id: request.id, version: request.version })
    .execute();
  if (!result.affected) throw new AppError(ErrorCode.RequestConflict, 'version');
  const after: RequestEntity = { ...request, ...step.changes, state: to, version };
  const event = await manager.insert(RequestEvent, {
    requestId: request.id,
    action: step.action,
    fromState: from,
    toState: to,
    actorPersonId,
    note: step.note,
    public: !INTERNAL_ACTIONS.includes(step.action),
    handlerUnitId: step.changes.handlerUnitId ?? request.handlerUnitId,
    rating: step.action === 'rate' ? (step.changes.rating ?? null) : null,
    dueAt: stepDeadline(step.action, after),
    createdAt: now,
  });
  await attachPhotos(manager, actorPersonId, step.photoIds ?? [], request.id, Number(event.identifiers[0]?.id));
  await afterStep(manager, after, step.action, actorPersonId, now);
  return after;
}

/** What follows every step in its transaction: the clock's timer follows the state, and the people concerned are told. */
async function afterStep(manager: EntityManager, request: RequestEntity, action: string, actorPersonId: number, now: Date): Promise<void> {
  // A new clock (or none) ends the old one's escalation; the ladder starts over if the new one runs out.
  if ((await syncRequestTimer(manager, request, now)) && request.escalationRung > 0) {
    // Plain SQL: an update through TypeORM would bump `version` under the step that just set it.
    await manager.query('UPDATE request SET escalationRung = 0 WHERE id = ?', [request.id]);
    request.escalationRung = 0;
  }
  await announceStep(manager, request, action, actorPersonId, now);
}

export type NewRequest = Pick<
  RequestEntity,
  'unitId' | 'handlerUnitId' | 'requesterPersonId' | 'source' | 'clientRequestId' | 'category' | 'description' | 'addressNote' | 'contactPhone' | 'confidential' | 'dutyType' | 'contactDueAt'
> &
  // contentReview: set when the content check asked for review (docs/requests.md); false when left out.
  // The rest: who entered it for the requester, and a 12345 order's number and city deadline.
  Partial<Pick<RequestEntity, 'contentReview' | 'enteredByPersonId' | 'hotlineOrderNo' | 'cityReceivedAt' | 'cityDueAt'>>;

/** What a new matter was raised with: the caller's own unattached photos and voice note. */
export interface SubmittedMedia {
  photoIds?: readonly number[];
  voiceNoteId?: number;
}

/**
 * A new request in the start state with its first timeline row ("submit") and the photos and voice
 * note it came with, in the caller's transaction.
 */
export async function createRequest(manager: EntityManager, fields: NewRequest, actorPersonId: number, now: Date, media: SubmittedMedia = {}): Promise<RequestEntity> {
  const inserted = await manager.insert(RequestEntity, { ...fields, firstContactDueAt: fields.contactDueAt, state: START_STATE, complexity: null, createdAt: now });
  const id = Number(inserted.identifiers[0]?.id);
  const event = await manager.insert(RequestEvent, {
    requestId: id,
    action: 'submit',
    fromState: null,
    toState: START_STATE,
    actorPersonId,
    note: null,
    public: true,
    handlerUnitId: fields.handlerUnitId,
    rating: null,
    dueAt: stepDeadline('submit', { state: START_STATE, contactDueAt: fields.contactDueAt, completionDueAt: null }),
    createdAt: now,
  });
  const eventId = Number(event.identifiers[0]?.id);
  await attachPhotos(manager, actorPersonId, media.photoIds ?? [], id, eventId);
  await attachVoiceNote(manager, actorPersonId, media.voiceNoteId, id, eventId);
  const created = await manager.findOneOrFail(RequestEntity, { where: { id }, relations: { unit: true } });
  await afterStep(manager, created, 'submit', actorPersonId, now);
  return created;
}
