/**
 * How pressing an open matter is at a moment, for work lists and home counts: overdue once its
 * running clock has run out (isOverdueAt), due soon once its handlers have been reminded
 * (reminderAt: the same moment the reminder goes out), otherwise neither.
 */
import { isOverdueAt, runningClock, type ClockFacts } from '../requests/sla';
import { reminderAt, type ClockRules } from './clock-rules';

export type Urgency = 'overdue' | 'due_soon';

/** 已超时 / 即将超时, as a home badge or a card's tag says it. */
export const URGENCY_LABELS: Record<Urgency, string> = { overdue: '已超时', due_soon: '即将超时' };

export function urgencyAt(request: ClockFacts, at: Date, rules: ClockRules): Urgency | null {
  if (isOverdueAt(request, at)) return 'overdue';
  const running = runningClock(request);
  if (running && reminderAt(running.clock, running.dueAt, rules).getTime() <= at.getTime()) return 'due_soon';
  return null;
}
