import type { components, operations } from '../api/schema';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { listDueAt } from '@gridloop/domain/dist/requests/sla';

export type RequestView = components['schemas']['RequestDto'];
/** A request as lists carry it: no timeline (open the request for that). */
export type RequestListItem = components['schemas']['RequestListItemDto'];
export type RequestEventView = components['schemas']['RequestEventDto'];
export type PhotoRef = components['schemas']['PhotoRefDto'];
export type SubmitInput = components['schemas']['SubmitRequestDto'];
export type ActionInput = components['schemas']['RequestActionDto'];
/** Actions taken through actOnRequest (rating has its own call). */
export type ActAction = operations['actOnRequest']['parameters']['path']['action'];
export type RatingValue = components['schemas']['RateRequestDto']['rating'];

/** The calls the request pages make; each throws ApiError with the API's Chinese message. */

export function submitRequest(body: SubmitInput): Promise<RequestView> {
  return unwrap(api.POST('/api/requests', { body }));
}

export function listMyRequests(): Promise<RequestListItem[]> {
  return unwrap(api.GET('/api/requests/mine'));
}

/** The API's inbox page size. */
export const INBOX_PAGE = 50;

/** 待办, most urgent first: the first page, or the page after `after` (the last row shown). */
export function getInbox(after?: RequestListItem): Promise<RequestListItem[]> {
  const query = after ? { limit: INBOX_PAGE, afterDueAt: listDueAt(after), afterId: after.id } : { limit: INBOX_PAGE };
  return unwrap(api.GET('/api/requests/inbox', { params: { query } }));
}

export function getLookBackQueue(): Promise<RequestListItem[]> {
  return unwrap(api.GET('/api/requests/look-back-queue'));
}

export function getRequest(requestId: number): Promise<RequestView> {
  return unwrap(api.GET('/api/requests/{requestId}', { params: { path: { requestId } } }));
}

/** 拨打: the requester's full number, for one handling or supervising the matter (`canCall`); the API logs each call. */
export async function callRequester(requestId: number): Promise<string> {
  return (await unwrap(api.POST('/api/requests/{requestId}/call', { params: { path: { requestId } } }))).phone;
}

/** A step of the closed loop with the `version` of the last read (409 REQUEST_CONFLICT if someone acted first). */
export function actOnRequest(requestId: number, action: ActAction, body: ActionInput): Promise<RequestView> {
  return unwrap(api.POST('/api/requests/{requestId}/actions/{action}', { params: { path: { requestId, action } }, body }));
}

export function rateRequest(requestId: number, version: number, rating: RatingValue, comment?: string): Promise<RequestView> {
  return unwrap(api.POST('/api/requests/{requestId}/rating', { params: { path: { requestId } }, body: { version, rating, ...(comment ? { comment } : {}) } }));
}

/** 这不是我的诉求: a matter someone entered in my name is not mine; it is withdrawn and the hotline office told. */
export function disownRequest(requestId: number, version: number, note?: string): Promise<RequestView> {
  return unwrap(api.POST('/api/requests/{requestId}/disown', { params: { path: { requestId } }, body: { version, ...(note ? { note } : {}) } }));
}

/** 超时督办: open matters in my area whose clock ran out, highest escalation rung first. */
export function getOverdueBoard(): Promise<RequestListItem[]> {
  return unwrap(api.GET('/api/requests/overdue'));
}

export type PatrolInput = components['schemas']['PatrolReportDto'];
export type OnBehalfInput = components['schemas']['SubmitOnBehalfDto'];
export type DuplicateCandidate = components['schemas']['DuplicateCandidateDto'];

/** 未诉先办: what a patrol found, settled on the spot or passed on (retries: same clientRequestId). */
export function reportPatrolFinding(body: PatrolInput): Promise<RequestView> {
  return unwrap(api.POST('/api/requests/patrol', { body }));
}

/** 代办: a matter entered for a villager named by name and mobile. */
export function submitRequestOnBehalf(body: OnBehalfInput): Promise<RequestView> {
  return unwrap(api.POST('/api/requests/on-behalf', { body }));
}

/** 派单: 12345 orders at the hotline office and transfer requests, oldest first. */
export function getDispatchQueue(): Promise<RequestListItem[]> {
  return unwrap(api.GET('/api/requests/dispatch-queue'));
}

/** 疑似重复: open matters of the same grid that look like this one. */
export function listDuplicateCandidates(requestId: number): Promise<DuplicateCandidate[]> {
  return unwrap(api.GET('/api/requests/{requestId}/duplicates', { params: { path: { requestId } } }));
}
