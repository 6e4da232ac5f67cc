/**
 * Page URLs. Everything but the home page lives in a subpackage by audience (app.config.ts),
 * loaded on first use: account (and 消息中心), villager (我要反映, 我的诉求), handler (待办, 未诉先办,
 * 代办), staff (回看, 超时督办, 派单, 日报, 周调度).
 */
export const ROUTES = {
  home: '/pages/index/index',
  signIn: '/subpackages/account/sign-in/index',
  me: '/subpackages/account/me/index',
  chooseUnit: '/subpackages/account/choose-unit/index',
  bindGroup: '/subpackages/account/bind-group/index',
  messages: '/subpackages/account/messages/index',
  report: '/subpackages/villager/report/index',
  myRequests: '/subpackages/villager/mine/index',
  myRequest: '/subpackages/villager/request/index',
  inbox: '/subpackages/handler/inbox/index',
  handleRequest: '/subpackages/handler/request/index',
  patrol: '/subpackages/handler/patrol/index',
  onBehalf: '/subpackages/handler/on-behalf/index',
  /** 我的网格成绩: this month's figures and red hearts of my small grid. */
  myGrid: '/subpackages/handler/my-grid/index',
  lookBackQueue: '/subpackages/staff/look-back/index',
  lookBackRequest: '/subpackages/staff/request/index',
  overdueBoard: '/subpackages/staff/overdue/index',
  dispatchQueue: '/subpackages/staff/dispatch/index',
  /** 日报 (受理情况一天一通报) and 周调度 (办理进度一周一调度): the town's figures, with charts. */
  dailyBulletin: '/subpackages/staff/bulletin/index',
  weeklyDispatch: '/subpackages/staff/weekly/index',
  /** 红心榜: public, nobody needs to sign in. */
  board: '/subpackages/board/ranking/index',
} as const;

/** A request's page for the one opening it: `page` is ROUTES.myRequest, handleRequest or lookBackRequest. */
export function requestUrl(page: string, id: number): string {
  return `${page}?id=${id}`;
}

/** Why the village picker was opened; it decides what choosing a unit does. */
export type ChooseUnitPurpose =
  /** 我的 → 更换: my home village or small grid (setHomeUnit). */
  | 'home'
  /** 绑定本群: the unit a village group serves (bindGroup). */
  | 'bind'
  /** The group could not be recognised: where am I (setHomeUnit when signed in, and here on the phone). */
  | 'village';

export function chooseUnitUrl(purpose: ChooseUnitPurpose, root?: { id: number; name: string; kind: string }): string {
  const query = [`purpose=${purpose}`];
  if (root) query.push(`rootId=${root.id}`, `rootName=${encodeURIComponent(root.name)}`, `rootKind=${root.kind}`);
  return `${ROUTES.chooseUnit}?${query.join('&')}`;
}
