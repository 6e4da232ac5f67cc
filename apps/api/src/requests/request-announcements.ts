import { chinaTimeText, noticesOf, planDayOf, REQUEST_CATEGORY_LABELS, requestFacts, type StepAudience, type StepNoticeKind } from '@gridloop/domain';
import type { WriteBatch } from '../database/write-batch';
import { handlersOf, hotlineStaffOfTown, requesterAndFollowers } from '../notifications/recipients';
import { notify } from '../notifications/notification-writer';
import { RequestEntity } from './request.entity';

/** "基础设施类诉求 #123": how a message names a matter without anything personal in it. */
export function matterName(request: Pick<RequestEntity, 'id' | 'category'>): string {
  return `${REQUEST_CATEGORY_LABELS[request.category] ?? '其他'}类诉求 #${request.id}`;
}

/** What each kind of message a step sends says (the kinds and who gets them: the domain's workflow table). */
const BODIES: Record<StepNoticeKind, (request: RequestEntity) => string> = {
  // The handlers: the matter is (back) in their hands, or hurried along.
  assigned: handlerBody,
  urged: handlerBody,
  supervised: handlerBody,
  accepted: (request) => `${matterName(request)}已有专人联系办理`,
  resolved: (request) => `${matterName(request)}已办结，请点亮小红心评价`,
  looked_back: (request) => `${matterName(request)}办理结果已回看`,
  // Filed in someone's name by another: they hear of it, and may say it is not theirs…
  entered_for_you: (request) => `${matterName(request)}由工作人员为您登记。如果这不是您的事，请打开它点「这不是我的诉求」`,
  // …and when they say so, the town's hotline office looks into who entered it and why.
  extension_asked: (request) => `${matterName(request)}：承办单位申请延期${request.extensionAskedDays ?? ''}个工作日，请审批`,
  extension_approved: (request) => `${matterName(request)}：延期已批准，请在${dueText(request)}前办好`,
  extension_declined: (request) => `${matterName(request)}：延期申请未批准，请按原期限${dueText(request)}前办好`,
  deadline_extended: (request) => `${matterName(request)}：经批准延期办理，预计${dueText(request)}前办好`,
  // 挂账: the plan date the matter waits for, to the office that approves, the handlers and the requester.
  park_asked: (request) => `${matterName(request)}：承办单位申请挂账，计划${planText(request.parkAskedUntil)}前办结，请审批`,
  park_approved: (request) => `${matterName(request)}：挂账已批准，计划${planText(request.parkedUntil)}前办结，请按期报送进展`,
  park_declined: (request) => `${matterName(request)}：挂账申请未批准，请继续按期限办理`,
  parked: (request) => `${matterName(request)}：需要施工、等季节或由上级部门协调，已挂账办理，计划${planText(request.parkedUntil)}前办好`,
  unparked: (request) => `${matterName(request)}：已解除挂账，恢复办理和超时督办`,
  disowned: (request) => `${matterName(request)}：登记的当事人说这不是他的诉求，已撤回，请核实是谁登记的`,
  // 退单: back in the office's dispatch queue.
  returned: (request) => `${matterName(request)}：承办单位退单，已回到待派单，请重新派单`,
};

/** "2027年3月31日": a plan date as people read it. */
export function planText(until: Date | null): string {
  if (!until) return '';
  const [year, month, day] = planDayOf(until).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function dueText(request: RequestEntity): string {
  return request.completionDueAt ? chinaTimeText(request.completionDueAt) : '';
}

function handlerBody(request: RequestEntity): string {
  const due = request.state === 'submitted' ? `请在${chinaTimeText(request.contactDueAt)}前联系群众` : '请尽快办理';
  return `${matterName(request)}：${due}`;
}

/**
 * Tells the people concerned about a step, in the step's batch (the message centre and the outbox
 * commit with it): whom and with which kind, its row of the workflow table says (`tells`). The one
 * who acted is never told of their own step.
 */
export async function announceStep(batch: WriteBatch, request: RequestEntity, action: string, actorPersonId: number | null, now: Date): Promise<void> {
  for (const notice of noticesOf(action, requestFacts(request))) {
    const recipients = (await audience(batch, request, notice.to)).filter((id) => id !== actorPersonId);
    notify(batch, recipients, { kind: notice.kind, requestId: request.id, body: BODIES[notice.kind](request) }, now);
  }
}

/** The people of an audience of a step on this matter. */
async function audience(batch: WriteBatch, request: RequestEntity, to: StepAudience): Promise<number[]> {
  switch (to) {
    case 'handlers':
      return handlersOf(batch.manager, request.handlerUnitId);
    case 'requester':
      return requesterAndFollowers(batch.manager, request);
    case 'hotlineOffice':
      return hotlineStaffOfTown(batch.manager, await unitPathOf(batch, request));
  }
}

/** The path of the unit the matter belongs to (loaded with it, or read). */
async function unitPathOf(batch: WriteBatch, request: RequestEntity): Promise<string> {
  if (request.unit?.path) return request.unit.path;
  const rows: { path: string }[] = await batch.manager.query('SELECT path FROM org_unit WHERE id = ?', [request.unitId]);
  return rows[0]?.path ?? '';
}
