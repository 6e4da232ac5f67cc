import { chinaTimeText, enteredByOther, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain';
import type { WriteBatch } from '../database/write-batch';
import { handlersOf, hotlineStaffOfTown, requesterAndFollowers } from '../notifications/recipients';
import { notify } from '../notifications/notification-writer';
import type { NotificationKind } from '../notifications/notification-kinds';
import { RequestEntity } from './request.entity';

/** "基础设施类诉求 #123": how a message names a matter without anything personal in it. */
export function matterName(request: Pick<RequestEntity, 'id' | 'category'>): string {
  return `${REQUEST_CATEGORY_LABELS[request.category as RequestCategory] ?? '其他'}类诉求 #${request.id}`;
}

/** Steps that put a matter (back) in a unit's hands: its handlers hear of it. */
const TO_HANDLERS: Record<string, NotificationKind> = { submit: 'assigned', transfer: 'assigned', reopen: 'assigned', sendBack: 'assigned', urge: 'urged', supervise: 'supervised' };
/** Steps the requester (and followers) hear of. */
const TO_REQUESTER: Record<string, NotificationKind> = { accept: 'accepted', resolve: 'resolved', lookBack: 'looked_back' };

/**
 * Tells the people concerned about a step, in the step's batch (the message centre and the outbox
 * commit with it). The one who acted is never told of their own step.
 */
export async function announceStep(batch: WriteBatch, request: RequestEntity, action: string, actorPersonId: number, now: Date): Promise<void> {
  const toHandlers = TO_HANDLERS[action];
  if (toHandlers) {
    const due = request.state === 'submitted' ? `请在${chinaTimeText(request.contactDueAt)}前联系群众` : '请尽快办理';
    const recipients = (await handlersOf(batch.manager, request.handlerUnitId)).filter((id) => id !== actorPersonId);
    notify(batch, recipients, { kind: toHandlers, requestId: request.id, body: `${matterName(request)}：${due}` }, now);
  }
  const toRequester = TO_REQUESTER[action];
  if (toRequester) {
    const recipients = (await requesterAndFollowers(batch.manager, request)).filter((id) => id !== actorPersonId);
    const body = { accepted: '已有专人联系办理', resolved: '已办结，请点亮小红心评价', looked_back: '办理结果已回看' }[toRequester as 'accepted' | 'resolved' | 'looked_back'];
    notify(batch, recipients, { kind: toRequester, requestId: request.id, body: `${matterName(request)}${body}` }, now);
  }
  // Filed in someone's name by another: they hear of it, and may say it is not theirs.
  if (action === 'submit' && enteredByOther(request)) {
    notify(batch, [request.requesterPersonId], { kind: 'entered_for_you', requestId: request.id, body: `${matterName(request)}由工作人员为您登记。如果这不是您的事，请打开它点「这不是我的诉求」` }, now);
  }
  // …and when they say so, the town's hotline office looks into who entered it and why.
  if (action === 'disown') {
    const office = await hotlineStaffOfTown(batch.manager, await unitPathOf(batch, request));
    notify(batch, office, { kind: 'disowned', requestId: request.id, body: `${matterName(request)}：登记的当事人说这不是他的诉求，已撤回，请核实是谁登记的` }, now);
  }
}

/** The path of the unit the matter belongs to (loaded with it, or read). */
async function unitPathOf(batch: WriteBatch, request: RequestEntity): Promise<string> {
  if (request.unit?.path) return request.unit.path;
  const rows: { path: string }[] = await batch.manager.query('SELECT path FROM org_unit WHERE id = ?', [request.unitId]);
  return rows[0]?.path ?? '';
}
