import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { RequestListItem } from './request-api';

/** The console's queues: each a page with its table, and the order a matter's page walks when opened from it (?queue=…). */
export const QUEUES = {
  dispatch: { title: '待派单', path: '/dispatch', load: () => unwrap(api.GET('/api/requests/dispatch-queue')) },
  lookBack: { title: '待回看', path: '/look-back', load: () => unwrap(api.GET('/api/requests/look-back-queue')) },
  overdue: { title: '超时督办', path: '/overdue', load: () => unwrap(api.GET('/api/requests/overdue')) },
} as const satisfies Record<string, { title: string; path: string; load: () => Promise<RequestListItem[]> }>;

export type QueueKey = keyof typeof QUEUES;

export function isQueueKey(value: string | null): value is QueueKey {
  return value !== null && Object.prototype.hasOwnProperty.call(QUEUES, value);
}

/** A matter's page within a queue. */
export const requestPath = (id: number, queue?: QueueKey): string => `/requests/${id}${queue ? `?queue=${queue}` : ''}`;

/**
 * The matter to open after acting on `doneId`: the first one after it in the order the desk saw
 * (`seen`) that the queue still holds (`now`, asked again after the step); null when none is left
 * after it. One that stays in the queue (催办 keeps a matter overdue) is not opened again.
 */
export function nextInQueue(seen: readonly { id: number }[], now: readonly { id: number }[], doneId: number): number | null {
  const still = new Set(now.map((item) => item.id));
  const at = seen.findIndex((item) => item.id === doneId);
  const after = seen.slice(at + 1).find((item) => still.has(item.id));
  if (after) return after.id;
  // The desk opened a matter the queue did not list then: the first one it holds now.
  if (at < 0) return now.find((item) => item.id !== doneId)?.id ?? null;
  return null;
}
