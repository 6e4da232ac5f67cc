import { escalationClock } from '@gridloop/domain';
import type { WriteBatch } from '../database/write-batch';
import type { RequestEntity } from '../requests/request.entity';
import { RequestTimer } from './request-timer.entity';

/**
 * After a step, in its batch: the request's timer follows its running clock. A clock that
 * changed (or changed its deadline) starts over as `new`, for the escalation job to schedule at
 * once; a finished one is removed, so no reminder or escalation fires for work already done.
 * A parked matter (挂账) has none (escalationClock). Returns whether the clock changed (the escalation mark then starts over too). `created`: the
 * request was made in this transaction, so it has no timer yet (nothing to read or replace).
 */
export async function syncRequestTimer(batch: WriteBatch, request: RequestEntity, now: Date, created = false): Promise<boolean> {
  // Parked (挂账): no clock escalates until it is unparked.
  const running = escalationClock(request);
  const current = created ? null : await batch.manager.getRepository(RequestTimer).findOneBy({ requestId: request.id });
  if (!running) {
    if (current) batch.execute('DELETE FROM request_timer WHERE requestId = ?', [request.id]);
    return current !== null;
  }
  if (current && current.clock === running.clock && current.dueAt.getTime() === running.dueAt.getTime()) return false;
  // One timer a request (unique requestId): the old one, if any, makes way for the new.
  if (current) batch.execute('DELETE FROM request_timer WHERE requestId = ?', [request.id]);
  batch.insert('request_timer', { requestId: request.id, clock: running.clock, dueAt: running.dueAt, stage: 'new', rung: 0, nextFireAt: now });
  return true;
}
