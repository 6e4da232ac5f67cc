import { runningClock } from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { insertRow } from '../database/insert-row';
import type { RequestEntity } from '../requests/request.entity';
import { RequestTimer } from './request-timer.entity';

/**
 * After a step, in its transaction: the request's timer follows its running clock. A clock that
 * changed (or changed its deadline) starts over as `new`, for the sweeper to schedule at once; a
 * finished one is removed, so no reminder or escalation fires for work already done. Returns
 * whether the clock changed (the escalation mark then starts over too). `created`: the request
 * was made in this transaction, so it has no timer yet (nothing to read or replace).
 */
export async function syncRequestTimer(manager: EntityManager, request: RequestEntity, now: Date, created = false): Promise<boolean> {
  const running = runningClock(request);
  const timers = manager.getRepository(RequestTimer);
  const current = created ? null : await timers.findOneBy({ requestId: request.id });
  if (!running) {
    if (current) await timers.delete({ requestId: request.id });
    return current !== null;
  }
  if (current && current.clock === running.clock && current.dueAt.getTime() === running.dueAt.getTime()) return false;
  const timer = { requestId: request.id, clock: running.clock, dueAt: running.dueAt, stage: 'new', rung: 0, nextFireAt: now };
  if (created) await insertRow(manager, 'request_timer', timer);
  else await timers.upsert(timer, ['requestId']);
  return true;
}
