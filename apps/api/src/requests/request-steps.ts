import { isInternalStep, nextState, START_STATE, stepDeadline, type RequestAction } from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { attachPhotos } from '../photos/photo.repository';
import { attachVoiceNote } from '../voice-notes/voice-note.repository';
import { syncRequestTimer } from '../clocks/timer-sync';
import { WriteBatch } from '../database/write-batch';
import { OrgUnit } from '../grid/org-unit.entity';
import { announceStep } from './request-announcements';
import { RequestEvent } from './request-event.entity';
import { RequestEntity } from './request.entity';

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
 * the guard. Its writes go in one batch (one round trip on MySQL): the version check runs on the
 * batch's answer, and a stale version rolls the whole step back. Returns the request as it now is.
 * `actorPersonId` null: the system acts (the park job unparks a matter whose plan date passed); it carries no photos.
 */
export async function applyStep(manager: EntityManager, actorPersonId: number | null, request: RequestEntity, step: Step, now: Date): Promise<RequestEntity> {
  const from = request.state;
  const to = nextState(step.action, from);
  const version = request.version + 1;
  const batch = new WriteBatch(manager);
  // updatedAt is the step's time on the app's clock: the reports find matters stepped on since a date by it.
  const set = Object.entries({ ...step.changes, state: to, version, updatedAt: now }).filter(([, value]) => value !== undefined);
  // Column names go into the statement's text: only the entity's own columns (a relation or a typo is a bug).
  const columns = new Set(manager.connection.getMetadata(RequestEntity).columns.map((c) => c.databaseName));
  const unknown = set.find(([column]) => !columns.has(column));
  if (unknown) throw new Error(`applyStep: ${unknown[0]} is not a column of request`);
  batch.execute(
    `UPDATE request SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ? AND version = ?`,
    [...set.map(([, value]) => value), request.id, request.version],
    (changed) => {
      if (changed === 0) throw new AppError(ErrorCode.RequestConflict, 'version');
    },
  );
  const after: RequestEntity = { ...request, ...step.changes, state: to, version };
  const eventId = batch.insert('request_event', {
    requestId: request.id,
    action: step.action,
    fromState: from,
    toState: to,
    actorPersonId,
    note: step.note,
    public: !isInternalStep(step.action),
    handlerUnitId: step.changes.handlerUnitId ?? request.handlerUnitId,
    rating: step.action === 'rate' ? (step.changes.rating ?? null) : null,
    dueAt: stepDeadline(step.action, after),
    createdAt: now,
  });
  if (actorPersonId !== null) attachPhotos(batch, actorPersonId, step.photoIds ?? [], request.id, eventId);
  await afterStep(batch, after, step.action, actorPersonId, now);
  await batch.run();
  return after;
}

/** What follows every step in its batch: the clock's timer follows the state, and the people concerned are told. */
async function afterStep(batch: WriteBatch, request: RequestEntity, action: string, actorPersonId: number | null, now: Date): Promise<void> {
  // A new clock (or none) ends the old one's escalation; the ladder starts over if the new one runs out.
  if ((await syncRequestTimer(batch, request, now, action === 'submit')) && request.escalationRung > 0) {
    // Not `version`: this goes with the step that just set it.
    batch.execute('UPDATE request SET escalationRung = 0 WHERE id = ?', [request.id]);
    request.escalationRung = 0;
  }
  await announceStep(batch, request, action, actorPersonId, now);
}

export type NewRequest = Pick<
  RequestEntity,
  | 'handlerUnitId'
  | 'requesterPersonId'
  | 'submitterPersonId'
  | 'source'
  | 'clientRequestId'
  | 'category'
  | 'description'
  | 'addressNote'
  | 'contactPhone'
  | 'confidential'
  | 'dutyType'
  | 'contactDueAt'
> &
  // contentReview: set when the content check asked for review (docs/requests.md); false when left out.
  // The rest: who entered it for the requester and the name they gave, and a 12345 order's number and city deadline.
  Partial<Pick<RequestEntity, 'contentReview' | 'enteredByPersonId' | 'enteredName' | 'hotlineOrderNo' | 'cityReceivedAt' | 'cityDueAt'>>;

/** What a new matter was raised with: the caller's own unattached photos and voice note. */
export interface SubmittedMedia {
  photoIds?: readonly number[];
  voiceNoteId?: number;
}

/**
 * A new request belonging to `unit`, in the start state, with its first timeline row ("submit")
 * and the photos and voice note it came with, in the caller's transaction. Returns the request as
 * written (with its unit and handler unit) and that first step: every value is given here, so neither is read back
 * (only a department it is routed to is read, for its name).
 */
export async function createRequest(
  manager: EntityManager,
  unit: OrgUnit,
  fields: NewRequest,
  actorPersonId: number,
  now: Date,
  media: SubmittedMedia = {},
): Promise<{ request: RequestEntity; submitted: RequestEvent }> {
  const row: Omit<RequestEntity, 'id'> = {
    ...fields,
    contentReview: fields.contentReview ?? false,
    enteredByPersonId: fields.enteredByPersonId ?? null,
    enteredName: fields.enteredName ?? null,
    hotlineOrderNo: fields.hotlineOrderNo ?? null,
    cityReceivedAt: fields.cityReceivedAt ?? null,
    cityDueAt: fields.cityDueAt ?? null,
    unitId: unit.id,
    transferRequested: false,
    escalationRung: 0,
    supervisedAt: null,
    mergedIntoId: null,
    state: START_STATE,
    complexity: null,
    firstContactDueAt: fields.contactDueAt,
    contactedAt: null,
    completionDueAt: null,
    resolvedAt: null,
    closedAt: null,
    contactLate: false,
    completionLate: false,
    rating: null,
    ratedAt: null,
    rehandleCount: 0,
    extensionAskedDays: null,
    extensionCount: 0,
    parkAskedUntil: null,
    parkedUntil: null,
    parkProgressDueAt: null,
    rejectReason: null,
    referTo: null,
    version: 1,
    createdAt: now,
    // The app's clock, as every later step sets it.
    updatedAt: now,
  };
  const batch = new WriteBatch(manager);
  const newId = batch.insert('request', row);
  // Sent on its own: the messages that follow name the matter by its number.
  await batch.run();
  const id = newId.value;
  const event: Omit<RequestEvent, 'id'> = {
    requestId: id,
    action: 'submit',
    fromState: null,
    toState: START_STATE,
    actorPersonId,
    note: null,
    public: !isInternalStep('submit'),
    handlerUnitId: fields.handlerUnitId,
    rating: null,
    dueAt: stepDeadline('submit', { state: START_STATE, contactDueAt: fields.contactDueAt, completionDueAt: null, cityDueAt: fields.cityDueAt }),
    createdAt: now,
  };
  const eventId = batch.insert('request_event', event);
  attachPhotos(batch, actorPersonId, media.photoIds ?? [], id, eventId);
  attachVoiceNote(batch, actorPersonId, media.voiceNoteId, id, eventId);
  // Its handler is its unit unless its category is routed elsewhere (a department): then read.
  const handlerUnit = fields.handlerUnitId === unit.id ? unit : await manager.findOneByOrFail(OrgUnit, { id: fields.handlerUnitId });
  const request: RequestEntity = { ...row, id, unit, handlerUnit };
  await afterStep(batch, request, 'submit', actorPersonId, now);
  await batch.run();
  return { request, submitted: { ...event, id: eventId.value } };
}
