import { subscribeFieldType } from '@gridloop/domain';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications/notification-kinds';
import { ConfigError } from './database-url';

/** What fills a template field: the notification's title or body, its time, the request's number or state. */
export const SUBSCRIBE_VALUE_SOURCES = ['title', 'body', 'time', 'request', 'state'] as const;
export type SubscribeValueSource = (typeof SUBSCRIBE_VALUE_SOURCES)[number];

export const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

/** One WeChat subscribe-message template, as chosen in the mini-program's admin console. */
export interface SubscribeTemplate {
  templateId: string;
  /** The mini-program page the message opens; `?requestId=` (or `&requestId=`) is appended. */
  page: string;
  /** WeChat's keys (thing1, time2, phrase3, …) → what fills them. */
  fields: Record<string, SubscribeValueSource>;
}

export interface NotificationsConfig {
  /** By notification kind; a kind without a template reaches people in the app only. */
  templates: Partial<Record<NotificationKind, SubscribeTemplate>>;
  /** Sends tried at most this many times (NOTIFY_MAX_ATTEMPTS, default 6). */
  maxAttempts: number;
  /** First retry after this many seconds, doubling, at most an hour (NOTIFY_RETRY_BASE_SECONDS, default 30). */
  retryBaseSeconds: number;
  /** How often the delivery worker looks for due deliveries; 0 = not at all (NOTIFY_POLL_SECONDS, default 5). */
  pollSeconds: number;
  /** Which build of the mini-program a message opens (WECHAT_MINIPROGRAM_STATE, default formal). */
  miniprogramState: MiniprogramState;
}

const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PAGE = /^[A-Za-z0-9_\-/.?=&]{1,200}$/;
const MAX_FIELDS = 20;

export function loadNotificationsConfig(env: NodeJS.ProcessEnv): NotificationsConfig {
  return {
    templates: parseSubscribeTemplates(env.WECHAT_SUBSCRIBE_TEMPLATES),
    maxAttempts: wholeNumber(env.NOTIFY_MAX_ATTEMPTS, 'NOTIFY_MAX_ATTEMPTS', 6, 1, 100),
    retryBaseSeconds: wholeNumber(env.NOTIFY_RETRY_BASE_SECONDS, 'NOTIFY_RETRY_BASE_SECONDS', 30, 1, 3600),
    pollSeconds: wholeNumber(env.NOTIFY_POLL_SECONDS, 'NOTIFY_POLL_SECONDS', 5, 0, 3600),
    miniprogramState: miniprogramState(env.WECHAT_MINIPROGRAM_STATE),
  };
}

/**
 * WECHAT_SUBSCRIBE_TEMPLATES: a JSON object from notification kind to
 * `{templateId, page, fields: {thing1: "title", time2: "time", …}}`. Empty or unset: no
 * templates (in-app messages only). Anything else wrong stops the boot with one line naming it.
 */
export function parseSubscribeTemplates(raw: string | undefined): Partial<Record<NotificationKind, SubscribeTemplate>> {
  if (raw === undefined || raw.trim() === '') return {};
  const fail = (where: string, problem: string): never => {
    throw new ConfigError(`WECHAT_SUBSCRIBE_TEMPLATES: ${where ? `${where}: ` : ''}${problem}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('', 'is not JSON');
  }
  if (!isPlainObject(parsed)) return fail('', 'must be a JSON object from notification kind to template');
  const out: Partial<Record<NotificationKind, SubscribeTemplate>> = {};
  for (const [kind, value] of Object.entries(parsed)) {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) fail(kind, `is not a notification kind (${NOTIFICATION_KINDS.join(', ')})`);
    if (!isPlainObject(value)) return fail(kind, 'must be an object {templateId, page, fields}');
    const unknown = Object.keys(value).filter((k) => !['templateId', 'page', 'fields'].includes(k));
    if (unknown.length) fail(kind, `unknown setting ${unknown.join(', ')} (use templateId, page, fields)`);
    const { templateId, page, fields } = value;
    if (typeof templateId !== 'string' || !TEMPLATE_ID.test(templateId))
      fail(`${kind}.templateId`, 'must be the template id from the mini-program console (letters, digits, - and _)');
    if (typeof page !== 'string' || !PAGE.test(page) || page.startsWith('/'))
      fail(`${kind}.page`, 'must be a mini-program page path such as pages/request/index');
    if (!isPlainObject(fields) || Object.keys(fields).length === 0)
      return fail(`${kind}.fields`, 'must name at least one template key, e.g. {"thing1": "title"}');
    if (Object.keys(fields).length > MAX_FIELDS) fail(`${kind}.fields`, `has more than ${MAX_FIELDS} keys`);
    const mapped: Record<string, SubscribeValueSource> = {};
    for (const [key, source] of Object.entries(fields)) {
      const type = subscribeFieldType(key);
      if (type === null) fail(`${kind}.fields.${key}`, 'is not a WeChat template key (thing1, time2, phrase3, character_string4, number5, …)');
      if (typeof source !== 'string' || !(SUBSCRIBE_VALUE_SOURCES as readonly string[]).includes(source)) {
        fail(`${kind}.fields.${key}`, `must be one of ${SUBSCRIBE_VALUE_SOURCES.join(', ')}`);
      }
      if ((type === 'time' || type === 'date') && source !== 'time') fail(`${kind}.fields.${key}`, 'a time or date key takes "time"');
      if (source === 'time' && type !== 'time' && type !== 'date' && type !== 'thing')
        fail(`${kind}.fields.${key}`, '"time" goes into a time, date or thing key');
      mapped[key] = source as SubscribeValueSource;
    }
    out[kind as NotificationKind] = { templateId: templateId as string, page: page as string, fields: mapped };
  }
  return out;
}

function miniprogramState(value: string | undefined): MiniprogramState {
  if (value === undefined || value === '') return 'formal';
  if (!(MINIPROGRAM_STATES as readonly string[]).includes(value))
    throw new ConfigError(`WECHAT_MINIPROGRAM_STATE: "${value}" is not one of ${MINIPROGRAM_STATES.join(', ')}`);
  return value as MiniprogramState;
}

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new ConfigError(`${name}: "${value}" is not a whole number from ${min} to ${max}`);
  return n;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
