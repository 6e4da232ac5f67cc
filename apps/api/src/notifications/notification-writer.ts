import { EntityManager } from 'typeorm';
import { insertRow, insertRows } from '../database/insert-row';
import { NOTIFICATION_TITLES, type NotificationKind } from './notification-kinds';

export interface NewNotification {
  kind: NotificationKind;
  requestId: number | null;
  /** Plain words without personal data, e.g. "基础设施类诉求 #123 将于 11月25日 09:00 超时". */
  body: string;
}

/**
 * Writes a message for each recipient into the message centre and, for each, an outbox row for
 * the WeChat subscribe message, in the caller's transaction: the change and its messages commit
 * or roll back together. Delivery happens after commit (NotificationDeliveryWorker).
 */
export async function notify(manager: EntityManager, recipients: readonly number[], message: NewNotification, now: Date): Promise<void> {
  const people = [...new Set(recipients)];
  if (people.length === 0) return;
  const title = NOTIFICATION_TITLES[message.kind];
  const notificationIds: number[] = [];
  for (const personId of people) {
    notificationIds.push(await insertRow(manager, 'notification', { personId, kind: message.kind, requestId: message.requestId, title, body: message.body, createdAt: now, readAt: null }));
  }
  // Their outbox rows in one statement (each message needed its own for its id).
  await insertRows(manager, 'notification_delivery', notificationIds.map((notificationId) => ({ notificationId, channel: 'wechat_subscribe', state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, sentAt: null, createdAt: now })));
}
