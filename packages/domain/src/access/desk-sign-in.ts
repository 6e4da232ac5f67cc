/**
 * Signing in at a desk by scanning (扫码登录): the console shows a mini-program code for a one-time
 * ticket; a staffer signed in on the phone confirms it; the console then claims a sign-in of its own.
 * Pure rules only; time is an argument.
 */

/** How long a ticket can be scanned and confirmed. */
export const DESK_TICKET_TTL_SECONDS = 120;
/** After a confirmation at the last moment, the polling console still gets this long to claim it. */
export const DESK_CLAIM_GRACE_SECONDS = 30;

/** waiting → confirmed → claimed (the console took its sign-in); waiting → cancelled (取消 on the phone). */
export const DESK_TICKET_STATES = ['waiting', 'confirmed', 'cancelled', 'claimed'] as const;
export type DeskTicketState = (typeof DESK_TICKET_STATES)[number];

export interface DeskTicketFacts {
  state: DeskTicketState;
  expiresAt: Date;
  /** Who confirmed or cancelled it, once someone did. */
  decidedBy: number | null;
}

/** Why a phone may not confirm (or cancel) a ticket; each is a stable error code in the API. */
export type DeskTicketRefusal = 'expired' | 'used' | 'other_person' | 'not_staff';

/**
 * May this phone confirm the ticket? A repeated confirmation by the same person before the console
 * claimed it is not a second use (a retried tap); after the claim it is.
 * `mayUseConsole`: the caller's roles grant request.view somewhere (every role but 村民).
 */
export function refuseDeskConfirm(ticket: DeskTicketFacts, caller: { personId: number; mayUseConsole: boolean }, now: Date): DeskTicketRefusal | null {
  if (!caller.mayUseConsole) return 'not_staff';
  if (ticket.decidedBy !== null && ticket.decidedBy !== caller.personId) return 'other_person';
  if (ticket.state === 'claimed' || ticket.state === 'cancelled') return 'used';
  if (ticket.state === 'confirmed') return null;
  return now.getTime() >= ticket.expiresAt.getTime() ? 'expired' : null;
}

/** What the polling console learns: still waiting, a sign-in to take now, or the end of this ticket. */
export type DeskPollOutcome = 'waiting' | 'claim' | 'cancelled' | 'expired' | 'used';

export function deskPollOutcome(ticket: DeskTicketFacts, now: Date): DeskPollOutcome {
  switch (ticket.state) {
    case 'claimed':
      return 'used';
    case 'cancelled':
      return 'cancelled';
    case 'confirmed':
      return now.getTime() < ticket.expiresAt.getTime() + DESK_CLAIM_GRACE_SECONDS * 1000 ? 'claim' : 'expired';
    case 'waiting':
      return now.getTime() < ticket.expiresAt.getTime() ? 'waiting' : 'expired';
  }
}

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, '微信内置浏览器'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/MetaSr|Sogou/i, '搜狗浏览器'],
  [/360SE|360EE|QIHU/i, '360浏览器'],
  [/Edg(e|A|iOS)?\//, '微软浏览器'],
  [/Firefox\//, '火狐浏览器'],
  [/(Headless)?Chrome\/|CriOS\//, '谷歌浏览器'],
  [/Safari\//, '苹果浏览器'],
];

const DEVICES: [RegExp, string][] = [
  [/iPad/, '平板'],
  [/iPhone|Android.*Mobile/, '手机'],
  [/Android/, '平板'],
  [/Macintosh|Mac OS X/, '苹果电脑'],
];

/**
 * A browser's user agent described for a person, in Chinese only (「苹果电脑上的谷歌浏览器」), so the
 * confirm page and 我的 can say which desk is signing in. Unknown agents read as 「电脑上的浏览器」.
 */
export function describeBrowser(userAgent: string | null | undefined): string {
  const agent = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1] ?? '浏览器';
  const device = DEVICES.find(([pattern]) => pattern.test(agent))?.[1] ?? '电脑';
  return `${device}上的${browser}`;
}
