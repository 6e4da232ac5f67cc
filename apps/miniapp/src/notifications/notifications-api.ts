import type { components } from '../api/schema';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

export type NotificationView = components['schemas']['NotificationDto'];
export type NotificationPage = components['schemas']['NotificationPageDto'];
export type NotificationKind = NotificationView['kind'];
export type Subscriptions = components['schemas']['SubscriptionsDto'];

/**
 * Marks sent and not answered yet. A message is shown read at once while its mark is on its way;
 * a read of my messages started meanwhile (消息中心 shown again, the home badge) could answer
 * before the mark lands and show it unread again, so reads wait for them.
 */
const marksInFlight = new Set<Promise<unknown>>();

/** 消息中心: my messages, newest first; `before` is the previous page's `nextBefore`. */
export async function listMyNotifications(options: { before?: number; limit?: number } = {}): Promise<NotificationPage> {
  await Promise.allSettled(marksInFlight);
  const query: { before?: number; limit?: number } = {};
  if (options.before !== undefined) query.before = options.before;
  if (options.limit !== undefined) query.limit = options.limit;
  return unwrap(api.GET('/api/me/notifications', { params: { query } }));
}

/** All my unread messages (the home page's badge): one message fetched, the count is for all. */
export async function unreadCount(): Promise<number> {
  return (await listMyNotifications({ limit: 1 })).unreadCount;
}

/** Marks some of my messages read (`ids`), or all of them; answers the unread count left. */
export function markNotificationsRead(which: { ids: number[] } | { all: true }): Promise<{ marked: number; unreadCount: number }> {
  const mark = unwrap(api.POST('/api/me/notifications/read', { body: which }));
  marksInFlight.add(mark);
  const landed = () => void marksInFlight.delete(mark);
  mark.then(landed, landed);
  return mark;
}

/** The configured subscribe-message templates by kind (empty: none configured) and my grants. */
export function listSubscribeTemplates(): Promise<Subscriptions> {
  return unwrap(api.GET('/api/me/subscriptions'));
}

/** The template ids accepted in wx.requestSubscribeMessage (≤ 5): one message each. */
export function recordSubscribeGrants(accepted: string[]): Promise<Subscriptions> {
  return unwrap(api.POST('/api/me/subscriptions', { body: { accepted } }));
}
