import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';

/**
 * The reports' truth, recomputed the plain way: every raw timeline row read into memory and
 * counted by the definitions in docs/reports.md, with no SQL beyond SELECT *. The report tests
 * compare each figure the API serves against these.
 */

export interface EventRow {
  id: number;
  requestId: number;
  action: string;
  toState: string;
  handlerUnitId: number;
  rating: string | null;
  /** The deadline the step stood against (a result: its completion deadline; else the one it left running). */
  dueAt: Date | null;
  createdAt: Date;
}
export interface RequestRow {
  id: number;
  requesterPersonId: number;
  confidential: boolean;
  source: string;
  category: string;
  unitId: number;
  firstContactDueAt: Date;
  contactDueAt: Date;
  completionDueAt: Date | null;
}
export interface RoleRow {
  personId: number;
  unitId: number;
  role: string;
  startedAt: Date;
  endedAt: Date | null;
}
export interface Timeline {
  events: EventRow[];
  requests: Map<number, RequestRow>;
  byRequest: Map<number, EventRow[]>;
  units: Map<number, { name: string; path: string; kind: string }>;
  /** Every role anyone held or holds (rows are never deleted). */
  roles: RoleRow[];
}

/** The roles that handle what is assigned to the unit they are held in (docs/requests.md). */
const HANDLING_ROLES = ['grid_leader', 'deputy_grid_leader', 'village_secretary', 'department_handler', 'hotline_staff'];

/** A verdict its requester gave while handling the matter (a handler role in the unit credited with it): it never counts. */
export function isSelfRated({ requests, roles }: Pick<Timeline, 'requests' | 'roles'>, e: EventRow): boolean {
  const requester = requests.get(e.requestId)!.requesterPersonId;
  return roles.some(
    (r) =>
      r.personId === requester &&
      r.unitId === e.handlerUnitId &&
      HANDLING_ROLES.includes(r.role) &&
      r.startedAt <= e.createdAt &&
      (!r.endedAt || r.endedAt > e.createdAt),
  );
}

export const FIGURES = [
  'received',
  'contactedOnTime',
  'contactPending',
  'resolved',
  'withdrawn',
  'closedOnTime',
  'closedLate',
  'openOverdue',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'rehandled',
  'patrolFound',
  'excluded',
] as const;
export type Figure = (typeof FIGURES)[number];
const WORKING = ['submitted', 'accepted', 'in_progress'];

export async function loadTimeline(ds: DataSource): Promise<Timeline> {
  const events: EventRow[] = (
    await ds.query('SELECT id, requestId, action, toState, handlerUnitId, rating, dueAt, createdAt FROM request_event ORDER BY id')
  ).map((e: Record<string, unknown>) => ({
    id: Number(e.id),
    requestId: Number(e.requestId),
    action: String(e.action),
    toState: String(e.toState),
    handlerUnitId: Number(e.handlerUnitId),
    rating: e.rating === null ? null : String(e.rating),
    dueAt: e.dueAt === null ? null : asDate(e.dueAt),
    createdAt: asDate(e.createdAt),
  }));
  const requests = new Map<number, RequestRow>(
    (await ds.query('SELECT id, requesterPersonId, confidential, source, category, unitId, firstContactDueAt, contactDueAt, completionDueAt FROM request')).map(
      (r: Record<string, unknown>) => [
        Number(r.id),
        {
          id: Number(r.id),
          requesterPersonId: Number(r.requesterPersonId),
          confidential: Number(r.confidential) === 1 || r.confidential === true,
          source: String(r.source),
          category: String(r.category),
          unitId: Number(r.unitId),
          firstContactDueAt: asDate(r.firstContactDueAt),
          contactDueAt: asDate(r.contactDueAt),
          completionDueAt: r.completionDueAt ? asDate(r.completionDueAt) : null,
        },
      ],
    ),
  );
  const byRequest = new Map<number, EventRow[]>();
  for (const e of events) {
    const list = byRequest.get(e.requestId) ?? [];
    list.push(e);
    byRequest.set(e.requestId, list);
  }
  const units = new Map<number, { name: string; path: string; kind: string }>(
    (await ds.query('SELECT id, name, path, kind FROM org_unit')).map((u: Record<string, unknown>) => [
      Number(u.id),
      { name: String(u.name), path: String(u.path), kind: String(u.kind) },
    ]),
  );
  const roles: RoleRow[] = (await ds.query('SELECT personId, unitId, role, startedAt, endedAt FROM role_assignment')).map((r: Record<string, unknown>) => ({
    personId: Number(r.personId),
    unitId: Number(r.unitId),
    role: String(r.role),
    startedAt: asDate(r.startedAt),
    endedAt: r.endedAt === null ? null : asDate(r.endedAt),
  }));
  return { events, requests, byRequest, units, roles };
}

export interface MonthTruth {
  /** unitId → figure → count, for the handling units themselves (not rolled up). */
  expected: Map<number, Partial<Record<Figure, number>>>;
  /** `${unitId}/${figure}` → the requests behind it. */
  behind: Map<string, number[]>;
}

/** Read long after any period a test looks at: every deadline past. */
const LONG_AFTER = new Date('2100-01-01T00:00:00Z');

/**
 * Each handling unit's tally over [start, end), credited as docs/reports.md says, read at `readAt`
 * (by default long after: every first contact due); open and overdue judged at the end, or at
 * `readAt` while the period runs (read before its end).
 */
export function monthTruth(timeline: Timeline, start: Date, end: Date, readAt: Date = LONG_AFTER): MonthTruth {
  const judged = readAt < end ? readAt : end;
  const { events, requests, byRequest } = timeline;
  const inPeriod = (e: EventRow) => e.createdAt >= start && e.createdAt < end;
  const has = (requestId: number, action: string) => (byRequest.get(requestId) ?? []).some((x) => x.action === action && x.createdAt < end);
  const expected = new Map<number, Partial<Record<Figure, number>>>();
  const behind = new Map<string, number[]>();
  const add = (unitId: number, figure: Figure, requestId: number) => {
    const row = expected.get(unitId) ?? {};
    row[figure] = (row[figure] ?? 0) + 1;
    expected.set(unitId, row);
    const key = `${unitId}/${figure}`;
    behind.set(key, [...(behind.get(key) ?? []), requestId]);
  };
  // Merged away, or returned (退单) by the unit it went to: no received figure of that unit counts it.
  const kept = (requestId: number) => !has(requestId, 'merge') && !returnedByReceiver(byRequest.get(requestId) ?? [], end);
  for (const e of events) {
    const r = requests.get(e.requestId)!;
    if (e.action === 'submit' && inPeriod(e) && kept(e.requestId) && refusalConfirmed(byRequest.get(e.requestId) ?? [], end)) {
      add(e.handlerUnitId, 'excluded', e.requestId);
    } else if (e.action === 'submit' && inPeriod(e) && kept(e.requestId)) {
      add(e.handlerUnitId, 'received', e.requestId);
      const firstContact = (byRequest.get(e.requestId) ?? []).find((x) => x.action === 'accept' || x.action === 'reject');
      if (firstContact && firstContact.createdAt <= r.firstContactDueAt) add(e.handlerUnitId, 'contactedOnTime', e.requestId);
      // Read before its first contact is due and not contacted yet: neither on time nor late.
      if (!firstContact && r.firstContactDueAt > readAt) add(e.handlerUnitId, 'contactPending', e.requestId);
      if (has(e.requestId, 'resolve')) add(e.handlerUnitId, 'resolved', e.requestId);
      if (has(e.requestId, 'withdraw') || has(e.requestId, 'disown')) add(e.handlerUnitId, 'withdrawn', e.requestId);
      if (r.source === 'patrol') add(e.handlerUnitId, 'patrolFound', e.requestId);
    }
    if (e.action === 'resolve' && inPeriod(e)) add(e.handlerUnitId, !e.dueAt || e.createdAt <= e.dueAt ? 'closedOnTime' : 'closedLate', e.requestId);
    if (e.action === 'rate' && inPeriod(e) && !isSelfRated(timeline, e))
      add(
        e.handlerUnitId,
        ({ satisfied: 'satisfied', basically_satisfied: 'basicallySatisfied', dissatisfied: 'dissatisfied' } as const)[e.rating as 'satisfied']!,
        e.requestId,
      );
    if ((e.action === 'reopen' || e.action === 'sendBack') && inPeriod(e)) add(e.handlerUnitId, 'rehandled', e.requestId);
  }
  for (const [requestId, steps] of byRequest) {
    const last = steps.filter((x) => x.createdAt < judged).at(-1);
    if (!last || !WORKING.includes(last.toState)) continue;
    if (last.dueAt && last.dueAt < judged) add(last.handlerUnitId, 'openOverdue', requestId);
  }
  return { expected, behind };
}

/** Returned to dispatch (退单) by the unit it was received by, by `end`: a return before any transfer. */
export function returnedByReceiver(steps: readonly EventRow[], end: Date): boolean {
  const handedOn = steps.find((x) => x.action === 'transfer' || x.action === 'returnToDispatch');
  return handedOn?.action === 'returnToDispatch' && handedOn.createdAt < end;
}

/**
 * Refused as unreasonable and the refusal confirmed, as the matter stood at `end`: walking its
 * steps, a reject then a look-back confirms it; a result or a return to work undoes it.
 */
export function refusalConfirmed(steps: readonly EventRow[], end: Date): boolean {
  let rejected = false;
  let confirmed = false;
  for (const step of steps.filter((x) => x.createdAt < end)) {
    if (step.action === 'reject') [rejected, confirmed] = [true, false];
    else if (['lookBack', 'lookBackClose'].includes(step.action) && rejected) confirmed = true;
    else if (['resolve', 'reopen', 'sendBack'].includes(step.action)) [rejected, confirmed] = [false, false];
  }
  return confirmed;
}

/** A unit's figures: its own and those of every handling unit under it (by path). */
export function rolledUp(truth: MonthTruth, units: Timeline['units'], unitId: number): Record<Figure, number> {
  const path = units.get(unitId)!.path;
  const sum = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<Figure, number>;
  for (const [id, row] of truth.expected) {
    if (!units.get(id)?.path.startsWith(path)) continue;
    for (const f of FIGURES) sum[f] += row[f] ?? 0;
  }
  return sum;
}

/** The rates by their definitions (docs/reports.md), from a unit's figures. */
export function ratesOf(w: Record<Figure, number>, basicallySatisfiedWeight = 0.9): Record<string, number | null> {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const responseRate = ratio(w.contactedOnTime, w.received - w.contactPending);
  const resolutionRate = ratio(w.resolved, w.received - w.withdrawn);
  const satisfactionRate = ratio(w.satisfied + basicallySatisfiedWeight * w.basicallySatisfied, w.satisfied + w.basicallySatisfied + w.dissatisfied);
  // 0.1 / 0.5 / 0.4 over the rates that have data.
  const parts = (
    [
      [responseRate, 0.1],
      [resolutionRate, 0.5],
      [satisfactionRate, 0.4],
    ] as const
  ).filter(([rate]) => rate !== null);
  const weight = parts.reduce((sum, [, x]) => sum + x, 0);
  return {
    responseRate,
    onTimeRate: ratio(w.closedOnTime, w.closedOnTime + w.closedLate + w.openOverdue),
    resolutionRate,
    satisfactionRate,
    rehandleRate: ratio(w.rehandled, w.resolved),
    composite: parts.length === 0 ? null : parts.reduce((sum, [rate, x]) => sum + rate! * x, 0) / weight,
  };
}

export interface Place {
  rank: number | null;
  tied: boolean;
  unrankedReason: 'too_few' | 'no_data' | null;
}

/**
 * Each unit's place on a board, the plain way (docs/reports.md, "Ranking"): fewer than
 * `minReceived` matters and some figure (a score, or any count above 0), too_few; no composite,
 * no_data; else 1 + the ranked units whose score reads higher (out of 100, one decimal), tied when
 * another ranked unit's score reads the same.
 */
export function placesOf(
  rows: ({ unitId: number; composite: number | null; received: number } & Partial<Record<Figure, number>>)[],
  minReceived: number,
): Map<number, Place> {
  const reads = (composite: number) => Math.round(composite * 1000);
  const ranked = rows.filter((r) => r.composite !== null && r.received >= minReceived);
  return new Map(
    rows.map((r): [number, Place] => {
      const anyFigure = FIGURES.some((figure) => (r[figure] ?? 0) > 0);
      if (r.received < minReceived && (r.composite !== null || anyFigure)) return [r.unitId, { rank: null, tied: false, unrankedReason: 'too_few' }];
      if (r.composite === null) return [r.unitId, { rank: null, tied: false, unrankedReason: 'no_data' }];
      const score = reads(r.composite);
      return [
        r.unitId,
        {
          rank: 1 + ranked.filter((o) => reads(o.composite!) > score).length,
          tied: ranked.filter((o) => reads(o.composite!) === score).length > 1,
          unrankedReason: null,
        },
      ];
    }),
  );
}

/** A board's rows against placesOf: each row's rank, tie and reason, and the order (ranked by rank, then too_few, then no_data). */
export function expectPlaces(
  label: string,
  rows: ({
    unitId: number;
    unitName: string;
    composite: number | null;
    received: number;
    rank: number | null;
    tied: boolean;
    unrankedReason: string | null;
  } & Partial<Record<Figure, number>>)[],
  minReceived: number,
): void {
  const want = placesOf(rows, minReceived);
  for (const row of rows)
    expect([label, row.unitName, row.rank, row.tied, row.unrankedReason]).toEqual([label, row.unitName, ...Object.values(want.get(row.unitId)!)]);
  const order = (p: Place) => (p.rank !== null ? p.rank : p.unrankedReason === 'too_few' ? 1e9 : 2e9);
  const keys = rows.map((row) => order(want.get(row.unitId)!));
  expect([label, keys]).toEqual([label, [...keys].sort((a, b) => a - b)]);
}

export interface DayTruth {
  received: number;
  bySource: Record<string, number>;
  byCategory: Record<string, number>;
  byVillage: Record<string, number>;
  contactsOnTime: number;
  contactsLate: number;
  resolved: number;
  open: number;
  overdue: [number, string][];
  /** The requests behind each figure, for the drill-down; by-lines as `bySource/<key>` etc. */
  behind: Record<string, number[]>;
}

/** The daily bulletin of [dayStart, dayEnd) for the town at `townPath`; open and overdue at the day's end, or at `readAt` while it runs. */
export function dayTruth(
  { events: all, requests, byRequest: allByRequest, units }: Timeline,
  townPath: string,
  dayStart: Date,
  dayEnd: Date,
  readAt: Date = dayEnd,
): DayTruth {
  const judged = readAt < dayEnd ? readAt : dayEnd;
  const inTown = (requestId: number) => units.get(requests.get(requestId)!.unitId)!.path.startsWith(townPath);
  const events = all.filter((e) => inTown(e.requestId));
  const byRequest = new Map([...allByRequest].filter(([requestId]) => inTown(requestId)));
  const inDay = (e: EventRow) => e.createdAt >= dayStart && e.createdAt < dayEnd;
  const submits = events.filter((e) => e.action === 'submit' && inDay(e));
  const count = (keys: string[]) => Object.fromEntries([...new Set(keys)].map((k) => [k, keys.filter((x) => x === k).length]));
  const firstContacts = [...byRequest.values()]
    .map((steps) => steps.find((x) => x.action === 'accept' || x.action === 'reject'))
    .filter((e): e is EventRow => !!e && inDay(e));
  const openRows = [...byRequest.entries()]
    .map(([requestId, steps]) => ({ requestId, last: steps.filter((x) => x.createdAt < judged).at(-1) }))
    .filter(({ last }) => last && WORKING.includes(last.toState));
  const overdue = openRows
    .filter(({ last }) => last!.dueAt !== null && last!.dueAt < judged)
    .map(({ requestId, last }): [number, string] => [requestId, units.get(last!.handlerUnitId)!.name]);
  const request = (e: EventRow) => requests.get(e.requestId)!;
  const villageOf = (e: EventRow) => String(units.get(request(e).unitId)!.path.split('/').filter(Boolean)[2] ?? 0);
  const behind: Record<string, number[]> = {
    received: submits.map((e) => e.requestId),
    contactsOnTime: firstContacts.filter((e) => e.createdAt <= request(e).firstContactDueAt).map((e) => e.requestId),
    contactsLate: firstContacts.filter((e) => e.createdAt > request(e).firstContactDueAt).map((e) => e.requestId),
    resolved: events.filter((e) => e.action === 'resolve' && inDay(e)).map((e) => e.requestId),
    open: openRows.map((o) => o.requestId),
    overdue: overdue.map(([id]) => id),
  };
  for (const e of submits) {
    for (const key of [`bySource/${request(e).source}`, `byCategory/${request(e).category}`, `byVillage/${villageOf(e)}`])
      (behind[key] ??= []).push(e.requestId);
  }
  return {
    behind,
    received: submits.length,
    bySource: count(submits.map((e) => request(e).source)),
    byCategory: count(submits.map((e) => request(e).category)),
    // The village is the third element of the unit's path (county/town/village/…); a unit of the town itself (the hotline office) stands for itself.
    byVillage: count(submits.map(villageOf)),
    contactsOnTime: firstContacts.filter((e) => e.createdAt <= request(e).firstContactDueAt).length,
    contactsLate: firstContacts.filter((e) => e.createdAt > request(e).firstContactDueAt).length,
    resolved: events.filter((e) => e.action === 'resolve' && inDay(e)).length,
    open: openRows.length,
    overdue,
  };
}

/** A served bulletin against its truth, each line labelled with its day so a failure says which. */
export function expectBulletin(day: string, bulletin: Record<string, any>, want: DayTruth): void {
  const asCounts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
  expect([day, bulletin.received, asCounts(bulletin.bySource), asCounts(bulletin.byCategory), asCounts(bulletin.byVillage)]).toEqual([
    day,
    want.received,
    want.bySource,
    want.byCategory,
    want.byVillage,
  ]);
  expect([day, bulletin.contactsOnTime, bulletin.contactsLate, bulletin.resolved, bulletin.open]).toEqual([
    day,
    want.contactsOnTime,
    want.contactsLate,
    want.resolved,
    want.open,
  ]);
  expect([day, bulletin.overdue.map((o: { requestId: number; unitName: string }) => [o.requestId, o.unitName])]).toEqual([day, want.overdue]);
}

/** SQLite hands datetimes back as UTC text, MySQL as Date. */
export function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
