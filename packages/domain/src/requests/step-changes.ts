import { contactDeadline } from '../calendar/sla-clocks';
import { workingDeadline } from '../calendar/working-calendar';
import { COMPLETION_WORKING_DAYS, CONTACT_MINUTES, governingDeadline, isLate, type Complexity } from './sla';
import { extendedDeadline } from './extensions';
import { PARK_CLEARED, type ParkChanges } from './parking';
import { actionRule, type RequestAction } from './request-workflow';

/** What a step needs to know of the matter to work out its clocks and marks. */
export interface StepFacts {
  createdAt: Date;
  cityDueAt: Date | null;
  contactDueAt: Date;
  completionDueAt: Date | null;
  contactedAt: Date | null;
  contactLate: boolean;
  completionLate: boolean;
  rehandleCount: number;
  supervisedAt: Date | null;
  /** 挂账 (parking.ts): parked until, or asked; left out, taken as neither. */
  parkedUntil?: Date | null;
  parkAskedUntil?: Date | null;
}

/** The fields a step changes besides the state (and, for a transfer, the unit the caller names). */
export interface StepChanges extends ParkChanges {
  contactedAt?: Date | null;
  contactDueAt?: Date;
  contactLate?: boolean;
  complexity?: Complexity | null;
  completionDueAt?: Date | null;
  resolvedAt?: Date | null;
  completionLate?: boolean;
  closedAt?: Date | null;
  transferRequested?: boolean;
  supervisedAt?: Date;
  rehandleCount?: number;
  /** Working days of an extension ask waiting for a decision (null: none). */
  extensionAskedDays?: number | null;
  extensionCount?: number;
}

/** A new matter's first-contact deadline: an hour of service time from when it arrives. */
export function contactDueFrom(receivedAt: Date): Date {
  return contactDeadline(receivedAt, CONTACT_MINUTES);
}

/**
 * The clocks a step starts, stops and marks late, at `now`. The one place these rules live: the
 * API's steps and the demo's generated year both take their fields from here.
 * - accept: contact made; the completion deadline counts from when the matter was received, in
 *   working days for its complexity, and a 12345 order's city deadline wins when earlier;
 * - resolve: the result; reject: the contact it was (if none before);
 * - transfer: the new handler's contact clock starts now; lateness marks stay;
 * - a return to work (重办: the rehandle column, sendBack and reopen): the result no longer stands;
 *   a refusal overturned (never accepted, so no completion deadline) starts a completion clock
 *   from now, a simple matter's working days, so it cannot sit at work with no deadline at all.
 */
export function stepChanges(request: StepFacts, action: RequestAction, now: Date, complexity: Complexity = 'simple'): StepChanges {
  const changes = clockChanges(request, action, now, complexity);
  // A step that ends the work or hands it on (a result, a refusal, a transfer, a merge, a withdrawal) ends 挂账 and any ask for it.
  const to = actionRule(action).to;
  const parkedOrAsked = (request.parkedUntil ?? null) !== null || (request.parkAskedUntil ?? null) !== null;
  return !parkedOrAsked || to === 'same' || to === 'accepted' || to === 'in_progress' ? changes : { ...changes, ...PARK_CLEARED };
}

function clockChanges(request: StepFacts, action: RequestAction, now: Date, complexity: Complexity): StepChanges {
  if (actionRule(action).rehandle) {
    const backToWork = { resolvedAt: null, closedAt: null, rehandleCount: request.rehandleCount + 1 };
    if (request.completionDueAt !== null) return backToWork;
    const completionDueAt = governingDeadline(workingDeadline(now, COMPLETION_WORKING_DAYS.simple), request.cityDueAt);
    return { ...backToWork, complexity: 'simple', completionDueAt };
  }
  switch (action) {
    case 'accept':
      return {
        contactedAt: now,
        contactLate: request.contactLate || isLate(request.contactDueAt, now, now),
        complexity,
        completionDueAt: governingDeadline(workingDeadline(request.createdAt, COMPLETION_WORKING_DAYS[complexity]), request.cityDueAt),
      };
    case 'resolve':
      return { resolvedAt: now, completionLate: request.completionLate || isLate(request.completionDueAt, now, now) };
    case 'reject':
      return { contactedAt: request.contactedAt ?? now, contactLate: request.contactLate || isLate(request.contactDueAt, now, now) };
    case 'close':
    case 'lookBackClose':
    case 'withdraw':
    case 'disown':
      return { closedAt: now };
    case 'transfer':
      // The new handler's clock starts over: an ask for more time on the old one lapses.
      return {
        transferRequested: false,
        contactedAt: null,
        contactDueAt: contactDueFrom(now),
        complexity: null,
        completionDueAt: null,
        extensionAskedDays: null,
      };
    case 'requestTransfer':
      return { transferRequested: true };
    case 'declineTransfer':
      return { transferRequested: false };
    case 'supervise':
      return { supervisedAt: request.supervisedAt ?? now };
    default:
      return {};
  }
}

/**
 * The fields an extension step changes (the rules of whether it may happen: extensions.ts): an ask
 * waits with its days; granting `days` moves the completion deadline that many working days on;
 * declining leaves it where it was.
 */
export function extensionStepChanges(
  request: { completionDueAt: Date | null; extensionCount: number },
  action: 'requestExtension' | 'approveExtension' | 'declineExtension',
  days: number,
): StepChanges {
  switch (action) {
    case 'requestExtension':
      return { extensionAskedDays: days };
    case 'approveExtension':
      if (!request.completionDueAt) throw new Error('approveExtension: the matter has no completion deadline');
      return { extensionAskedDays: null, extensionCount: request.extensionCount + 1, completionDueAt: extendedDeadline(request.completionDueAt, days) };
    case 'declineExtension':
      return { extensionAskedDays: null };
  }
}
