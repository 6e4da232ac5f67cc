/**
 * The town's clocks (see the source article): contact the requester within 1 hour; simple
 * matters done within 1 working day, complex ones within 3. Defaults, configurable per town.
 */
export const CONTACT_MINUTES = 60;

/** The two kinds of matter a handler classifies at acceptance: its working days, and what it is called. */
const COMPLEXITY_TABLE = {
  simple: { workingDays: 1, name: '简单事项' },
  complex: { workingDays: 3, name: '疑难复杂事项' },
} as const;

export const COMPLEXITIES = ['simple', 'complex'] as const satisfies readonly (keyof typeof COMPLEXITY_TABLE)[];
export type Complexity = (typeof COMPLEXITIES)[number];

export const COMPLETION_WORKING_DAYS: Record<Complexity, number> = {
  simple: COMPLEXITY_TABLE.simple.workingDays,
  complex: COMPLEXITY_TABLE.complex.workingDays,
};

/** 简单事项（1个工作日）: the name with its time limit, as the acceptance form offers it. */
export const COMPLEXITY_LABELS: Record<Complexity, string> = {
  simple: `${COMPLEXITY_TABLE.simple.name}（${COMPLEXITY_TABLE.simple.workingDays}个工作日）`,
  complex: `${COMPLEXITY_TABLE.complex.name}（${COMPLEXITY_TABLE.complex.workingDays}个工作日）`,
};

/** Late once means late for good: a clock that ran out stays marked even after the work is done. */
export function isLate(dueAt: Date | null, doneAt: Date | null, now: Date): boolean {
  if (!dueAt) return false;
  return (doneAt ?? now).getTime() > dueAt.getTime();
}

/** A 12345 order keeps the city's deadline as well as the town's: the earlier one governs. */
export function governingDeadline(townDue: Date, cityDue: Date | null): Date {
  return cityDue && cityDue.getTime() < townDue.getTime() ? cityDue : townDue;
}

export type RequestClock = 'contact' | 'completion';

/** What decides a matter's running clock: its state and deadlines (a 12345 order's city deadline too). */
export interface ClockFacts {
  state: string;
  contactDueAt: Date;
  completionDueAt: Date | null;
  /** A 12345 order's city deadline (办理时限): it governs whichever clock runs when it is earlier. */
  cityDueAt?: Date | null;
  /** 挂账 (parking.ts): parked until then, its completion clock stopped; left out, taken as not parked. */
  parkedUntil?: Date | null;
}

/**
 * The clock that runs on a matter in `state`: first contact until it is accepted, then completion;
 * none once it has a result, is withdrawn or merged, nor while it is parked (挂账: off the ladder, not
 * overdue, its steps keeping no deadline, until it is unparked). Its deadline is the town's, or a 12345 order's
 * city deadline when that is earlier (governingDeadline). Reminders, escalation, the deadline a
 * step keeps (stepDeadline) and "overdue now" (isOverdueAt) all follow it.
 */
export function runningClock(request: ClockFacts): { clock: RequestClock; dueAt: Date } | null {
  const city = request.cityDueAt ?? null;
  if (request.state === 'submitted') return { clock: 'contact', dueAt: governingDeadline(request.contactDueAt, city) };
  if ((request.state === 'accepted' || request.state === 'in_progress') && request.completionDueAt && !request.parkedUntil)
    return { clock: 'completion', dueAt: governingDeadline(request.completionDueAt, city) };
  return null;
}

/**
 * The deadline a list orders its matters by and shows as 时限: the completion deadline once there is
 * one (an accepted matter races it), else first contact's. The inbox's keyset, the overdue board's
 * order and 诉求检索's sort and filter all use it; LIST_DUE_SQL is the same on a request row (alias
 * `r`). A 12345 order's city deadline is shown beside it; whether it is overdue is isOverdueAt's.
 */
export function listDueAt<T>(request: { contactDueAt: T; completionDueAt: T | null }): T {
  return request.completionDueAt ?? request.contactDueAt;
}

export const LIST_DUE_SQL = 'COALESCE(r.completionDueAt, r.contactDueAt)';

/**
 * The one definition of "overdue now": open with a running clock whose deadline passed before
 * `at`. Every report, list and board that says a matter is overdue at a moment uses it, or, in SQL,
 * OVERDUE_AT_SQL below (the same rule; test/security/overdue-now.test.ts checks they agree).
 */
export function isOverdueAt(request: ClockFacts, at: Date): boolean {
  const running = runningClock(request);
  return running !== null && running.dueAt.getTime() < at.getTime();
}

/**
 * isOverdueAt as a condition on a request row (alias `r`), the moment bound as `:overdueAt`: the
 * earlier of two deadlines has passed exactly when either has. Keep in step with runningClock.
 */
export const OVERDUE_AT_SQL = `((r.state = 'submitted' AND (r.contactDueAt < :overdueAt OR r.cityDueAt < :overdueAt))
  OR (r.state IN ('accepted', 'in_progress') AND r.completionDueAt IS NOT NULL AND r.parkedUntil IS NULL AND (r.completionDueAt < :overdueAt OR r.cityDueAt < :overdueAt)))`;

/**
 * The deadline a step stands against, kept on its timeline row so a month's figures never change
 * afterwards (a later transfer or re-acceptance moves the matter's deadlines, not its history):
 * for a result, the completion deadline it was given against; otherwise the deadline of the clock
 * the step left running; none when no clock runs. `after` is the matter as the step left it.
 */
export function stepDeadline(action: string, after: ClockFacts): Date | null {
  if (action === 'resolve') return after.completionDueAt;
  return runningClock(after)?.dueAt ?? null;
}

/**
 * The clock a timeline row left running, from its state and the deadline it kept (stepDeadline):
 * what was overdue at a moment in the past, without the matter's present deadlines.
 */
export function clockLeftBy(step: { toState: string; dueAt: Date | null }): { clock: RequestClock; dueAt: Date } | null {
  if (step.dueAt === null) return null;
  return runningClock({ state: step.toState, contactDueAt: step.dueAt, completionDueAt: step.dueAt });
}
