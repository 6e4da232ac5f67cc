import { EntityManager } from 'typeorm';
import { WriteBatch } from '../database/write-batch';
import { NOTIFICATION_TITLES, type NotificationKind } from './notification-kinds';

export interface NewNotification {
  kind: NotificationKind;
  requestId: number | null;
  /** Plain words without personal data, e.g. "基础设施类诉求 #123 将于 11月25日 09:00 超时". */
  body: string;
}

/**
 * Queues a message for each recipient into the message centre and, for each, an outbox row for
 * the WeChat subscribe message, in the caller's batch (its transaction): the change and its
 * messages commit or roll back together. Delivery happens after commit (NotificationDeliveryWorker).
 */
export function notify(batch: WriteBatch, recipients: readonly number[], message: NewNotification, now: Date): void {
  const people = [...new Set(recipients)];
  if (people.length === 0) return;
  const title = NOTIFICATION_TITLES[message.kind];
  // Each message its own statement, for its id; their outbox rows in one.
  const notificationIds = people.map((personId) =>
    batch.insert('notification', { personId, kind: message.kind, requestId: message.requestId, title, body: message.body, createdAt: now, readAt: null }),
  );
  batch.insertMany(
    'notification_delivery',
    notificationIds.map((notificationId) => ({
      notificationId,
      channel: 'wechat_subscribe',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      sentAt: null,
      createdAt: now,
    })),
  );
}

/** notify() on its own, written at once in the caller's transaction (the escalation and daily bulletin jobs). */
export async function notifyNow(manager: EntityManager, recipients: readonly number[], message: NewNotification, now: Date): Promise<void> {
  const batch = new WriteBatch(manager);
  notify(batch, recipients, message, now);
  await batch.run();
}
