import type { Me } from '../auth/session-store';
import { canHandleRequests, canLookBack } from '../auth/roles';
import { requestUrl, ROUTES } from '../routes';
import type { NotificationKind } from './notifications-api';
import { REQUESTER_KINDS } from './subscriptions';

/**
 * Which request page a message opens: the requester's own page for messages about my matter
 * (a matter someone entered in my name included: that page offers 这不是我的诉求);
 * an overdue matter on the supervisors' page (催办, 督办) for those who supervise; otherwise the
 * handling page for those who handle, the supervisors' page for supervisors. Each page offers
 * only what the API's `actions` allow.
 */
export function requestPageFor(kind: NotificationKind, me: Me): string {
  const handles = canHandleRequests(me);
  const supervises = canLookBack(me);
  if (REQUESTER_KINDS.includes(kind) || kind === 'entered_for_you' || (!handles && !supervises)) return ROUTES.myRequest;
  if (kind === 'overdue' && supervises) return ROUTES.lookBackRequest;
  return handles ? ROUTES.handleRequest : ROUTES.lookBackRequest;
}

export function notificationRequestUrl(kind: NotificationKind, requestId: number, me: Me): string {
  return requestUrl(requestPageFor(kind, me), requestId);
}
