import { runningClock } from '@gridloop/domain/dist/requests/sla';
import type { RequestView } from './requests-api';

/** The clock that matters now: first contact while waiting, completion while being handled. */
export interface DueClock {
  kind: 'contact' | 'completion';
  dueAt: Date;
}

/**
 * The domain's running clock (packages/domain, sla.ts), for a request as the API sends it (times as
 * text): a 12345 order's city deadline governs when earlier, as the reminders and 「怎么算的？」 say.
 */
export function currentClock(request: Pick<RequestView, 'state' | 'contactDueAt' | 'completionDueAt' | 'cityDueAt'>): DueClock | null {
  const running = runningClock({
    state: request.state,
    contactDueAt: new Date(request.contactDueAt),
    completionDueAt: request.completionDueAt ? new Date(request.completionDueAt) : null,
    cityDueAt: request.cityDueAt ? new Date(request.cityDueAt) : null,
  });
  return running && { kind: running.clock, dueAt: running.dueAt };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Countdown {
  overdue: boolean;
  /** "还剩 2 小时 5 分" / "还剩 45 秒" / "已超时 3 小时" */
  text: string;
}

/**
 * A live countdown to `dueAt` as a grid leader reads it at a glance: days and hours when far,
 * hours and minutes when near, seconds in the last minute; past it, how long overdue.
 * `now` is an argument (the page ticks it), never read here.
 */
export function countdown(dueAt: Date, now: Date): Countdown {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) {
    const over = -left;
    if (over < HOUR) return { overdue: true, text: `已超时 ${Math.max(1, Math.floor(over / MINUTE))} 分钟` };
    if (over < DAY) return { overdue: true, text: `已超时 ${Math.floor(over / HOUR)} 小时` };
    return { overdue: true, text: `已超时 ${Math.floor(over / DAY)} 天 ${Math.floor((over % DAY) / HOUR)} 小时` };
  }
  if (left < MINUTE) return { overdue: false, text: `还剩 ${Math.ceil(left / 1000)} 秒` };
  if (left < HOUR) return { overdue: false, text: `还剩 ${Math.floor(left / MINUTE)} 分 ${Math.floor((left % MINUTE) / 1000)} 秒` };
  if (left < DAY) return { overdue: false, text: `还剩 ${Math.floor(left / HOUR)} 小时 ${Math.floor((left % HOUR) / MINUTE)} 分` };
  return { overdue: false, text: `还剩 ${Math.floor(left / DAY)} 天 ${Math.floor((left % DAY) / HOUR)} 小时` };
}

export const CLOCK_LABELS: Record<DueClock['kind'], string> = { contact: '联系时限', completion: '办结时限' };
