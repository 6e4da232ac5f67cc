import type { PrintedNoticeKind } from '@gridloop/domain/dist/requests/printed-notices';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { components } from '../api/schema';
import type { RequestView } from './request-api';

export type PrintedNotice = components['schemas']['PrintedNoticeDto'];

export function getNotice(noticeId: number): Promise<PrintedNotice> {
  return unwrap(api.GET('/api/notices/{noticeId}', { params: { path: { noticeId } } }));
}

export function noticesOf(requestId: number): Promise<PrintedNotice[]> {
  return unwrap(api.GET('/api/requests/{requestId}/notices', { params: { path: { requestId } } }));
}

/** The print page of these notices, one A4 page each. */
export function noticesPath(noticeIds: readonly number[]): string {
  return `/notices/${noticeIds.join(',')}`;
}

/**
 * The notice the step just taken issued: the one hanging on the matter's newest timeline row of
 * that kind (the step's answer lists its timeline, internal rows included, to the staff who took it).
 */
export async function noticeOfStep(done: RequestView, kind: PrintedNoticeKind): Promise<PrintedNotice | null> {
  const row = [...done.timeline].reverse().find((event) => event.action === kind);
  if (!row) return null;
  return (await noticesOf(done.id)).find((notice) => notice.eventId === row.id) ?? null;
}
