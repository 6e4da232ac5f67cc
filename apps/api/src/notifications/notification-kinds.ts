/**
 * Everything that can reach someone, and the fixed wording (no personal data: a title and body may
 * leave the app as a WeChat message). Request-specific detail is the request's id and category.
 */
export const NOTIFICATION_KINDS = [
  'assigned', // 新诉求 to the handlers of the unit it went to (new, transferred, reopened)
  'contact_reminder', // 即将超时未联系 to the handlers
  'completion_reminder', // 即将超过办理时限 to the handlers
  'overdue', // 超时 to the people of the ladder's rung
  'urged', // 催办 by hotline staff, to the handlers
  'supervised', // 督办 by hotline staff, to the handlers
  'accepted', // 已受理 to the requester (and followers)
  'resolved', // 已办结，请评价 to the requester (and followers): the rating invitation
  'looked_back', // 回看结果 to the requester (and followers)
  'entered_for_you', // 有人为您登记了诉求 to the requester of a matter someone else entered (代办, a call, a 12345 order)
  'disowned', // 这不是我的诉求 said by that requester: to the hotline office of the matter's town
  'returned', // 退单 by the handler: to the hotline office of the matter's town, to dispatch it again
  'extension_asked', // 申请延期 by the handler: to the hotline office of the matter's town
  'extension_approved', // 批准延期: to the handlers
  'extension_declined', // 不批准延期: to the handlers
  'deadline_extended', // 批准延期: to the requester (and followers), with the new deadline
  'park_asked', // 申请挂账 by the handler: to the hotline office of the matter's town
  'park_approved', // 批准挂账: to the handlers
  'park_declined', // 不批准挂账: to the handlers
  'parked', // 批准挂账: to the requester (and followers), with the plan date
  'unparked', // 解除挂账 (resumed, or the plan date passed): to the handlers
  'park_progress_due', // a parked matter owes its progress note (PARK_RULES progressDays): to the handlers
  'daily_bulletin', // 受理情况一天一通报 each morning, to the town's leaders and hotline office
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_TITLES: Record<NotificationKind, string> = {
  assigned: '有新的诉求待办理',
  contact_reminder: '诉求即将超过联系时限',
  completion_reminder: '诉求即将超过办理时限',
  overdue: '诉求已超时',
  urged: '诉求被催办',
  supervised: '诉求被督办',
  accepted: '您的诉求已受理',
  resolved: '您的诉求已办结，请评价',
  looked_back: '您的诉求已回看',
  entered_for_you: '有人为您登记了一件诉求',
  disowned: '有诉求被登记的当事人否认',
  returned: '有诉求被退单，请重新派单',
  extension_asked: '有诉求申请延期，请审批',
  extension_approved: '延期申请已批准',
  extension_declined: '延期申请未批准',
  deadline_extended: '您的诉求办理期限已延长',
  park_asked: '有诉求申请挂账，请审批',
  park_approved: '挂账申请已批准',
  park_declined: '挂账申请未批准',
  parked: '您的诉求已挂账办理',
  unparked: '挂账诉求已恢复办理',
  park_progress_due: '挂账诉求请报送进展',
  daily_bulletin: '昨日受理情况通报',
};
