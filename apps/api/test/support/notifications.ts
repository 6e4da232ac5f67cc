import type { FakeWechat } from '@gridloop/wechat-fake';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationsConfig } from '../../src/config/notifications-config';
import { NotificationDeliveryWorker } from '../../src/notifications/notification-delivery.worker';
import type { NotificationKind } from '../../src/notifications/notification-kinds';
import { notifyNow as writeNotifications } from '../../src/notifications/notification-writer';
import { call } from './http';

export const TPL_ASSIGNED = 'tplAssigned0000000000000000000000000000001';
export const TPL_OVERDUE = 'tplOverdue00000000000000000000000000000002';

/** Two templates as an operator would configure them; `looked_back` deliberately has none. */
export function testNotificationsConfig(overrides: Partial<NotificationsConfig> = {}): NotificationsConfig {
  return {
    templates: {
      assigned: {
        templateId: TPL_ASSIGNED,
        page: 'pages/request/index',
        fields: { thing1: 'title', character_string2: 'request', time3: 'time', thing4: 'body', phrase5: 'state' },
      },
      overdue: {
        templateId: TPL_OVERDUE,
        page: 'pages/request/index?from=msg',
        fields: { thing1: 'title', thing2: 'body', number3: 'request', date4: 'time' },
      },
    },
    maxAttempts: 4,
    retryBaseSeconds: 30,
    pollSeconds: 0,
    miniprogramState: 'trial',
    ...overrides,
  };
}

export interface WechatUser {
  token: string;
  personId: number;
  openid: string;
}

/** A villager signed in through (fake) WeChat, so with an openid. */
export async function wechatUser(baseUrl: string, fake: FakeWechat): Promise<WechatUser> {
  const grant = fake.issueLoginCode();
  const session = await call(baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: grant.code } });
  if (session.status !== 200) throw new Error(`wechat-login: ${session.status} ${JSON.stringify(session.body)}`);
  const me = await call(baseUrl, 'GET', '/api/me', { token: session.body.accessToken });
  return { token: session.body.accessToken, personId: me.body.id, openid: grant.openid };
}

/**
 * The user taps "allow" in wx.requestSubscribeMessage `count` times: WeChat counts the grants, and
 * the mini-program tells our API each time (recordSubscribeGrants).
 */
export async function acceptSubscription(baseUrl: string, fake: FakeWechat, user: WechatUser, templateId: string, count = 1): Promise<void> {
  fake.grantSubscribe({ openid: user.openid, template_id: templateId, count });
  for (let i = 0; i < count; i++) {
    const res = await call(baseUrl, 'POST', '/api/me/subscriptions', { token: user.token, body: { accepted: [templateId] } });
    if (res.status !== 200) throw new Error(`recordSubscribeGrants: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Writes notifications exactly as the app does: notify() in a transaction (notifyNow). Returns the new notification ids. */
export async function notifyNow(
  app: INestApplication,
  personIds: number[],
  message: { kind: NotificationKind; requestId?: number | null; body: string },
  now: Date,
): Promise<number[]> {
  const dataSource = app.get(DataSource);
  const [{ maxId }] = await dataSource.query('SELECT MAX(id) AS maxId FROM notification');
  await dataSource.transaction((manager) =>
    writeNotifications(manager, personIds, { kind: message.kind, requestId: message.requestId ?? null, body: message.body }, now),
  );
  const rows: { id: number }[] = await dataSource.query(
    'SELECT id FROM notification WHERE id > ? AND personId IN (?' + ',?'.repeat(personIds.length - 1) + ') ORDER BY id',
    [Number(maxId ?? 0), ...personIds],
  );
  return rows.map((r) => Number(r.id));
}

export interface DeliveryRow {
  notificationId: number;
  state: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
}

export async function deliveryOf(app: INestApplication, notificationId: number): Promise<DeliveryRow> {
  const [row] = await app
    .get(DataSource)
    .query('SELECT notificationId, state, attempts, lastError, nextAttemptAt, sentAt FROM notification_delivery WHERE notificationId = ?', [notificationId]);
  if (!row) throw new Error(`no delivery for notification ${notificationId}`);
  return { ...row, notificationId: Number(row.notificationId), attempts: Number(row.attempts) };
}

export async function grantLeft(app: INestApplication, personId: number, templateId: string): Promise<number | null> {
  const [row] = await app.get(DataSource).query('SELECT remaining FROM subscribe_grant WHERE personId = ? AND templateId = ?', [personId, templateId]);
  return row ? Number(row.remaining) : null;
}

export const runDeliveries = (app: INestApplication) => app.get(NotificationDeliveryWorker).runOnce();
