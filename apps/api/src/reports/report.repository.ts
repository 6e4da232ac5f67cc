import { Injectable } from '@nestjs/common';
import { actionsWith, HANDLER_ROLES, judgedAt, LOOK_BACK_ACTIONS, RANKING_COUNTS, WORKING_STATES, type RankingCount } from '@gridloop/domain';
import { DataSource, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rawDate } from '../common/raw-date';
import { OrgUnit } from '../grid/org-unit.entity';
import { RequestEvent } from '../requests/request-event.entity';
import type { Period } from './report-period';

/** One figure counted per unit (the unit that handled the matter at the step that counts). */
export type CountsByUnit = Map<number, number>;

/** The counts of a unit's month (packages/domain names them for the board); every one can be listed (figureRows) as well as counted. */
export const RANKING_FIGURES: readonly RankingCount[] = RANKING_COUNTS;
export type RankingFigure = RankingCount;

export type PeriodCounts = Record<RankingFigure, CountsByUnit>;

/** Where to count: a unit's path, and the ids of the units at or under it (its path a prefix of theirs); null: every unit there is. */
interface Scope {
  path: string;
  unitIds: number[] | null;
}

/** A unit as the ranking shows and rolls it up. */
export interface UnitUnder {
  id: number;
  path: string;
  kind: string;
  name: string;
}

/** Every unit's counts for a period, and the last first-contact deadline of the matters it received (after it, the counts can no longer change). */
export interface AllUnitsCounts {
  counts: PeriodCounts;
  lastContactDueAt: Date | null;
}
type StepFigure = Exclude<RankingFigure, 'openOverdue'>;

// Matters received in the period, not merged away by its end and not returned (退单) by the unit
// they went to: credited to that unit. A matter it returned within the window was never its to
// handle, so its time there counts for none of its figures (docs/reports.md).
// The received figures read what became of each such matter from its facts (f, receivedFacts).
const NOT_MERGED = 'f.mergedByEnd = 0 AND f.returnedByEnd = 0';
// Of those, the ones counted against the unit: all but a refusal as unreasonable confirmed at
// look-back (excluded: in the exclusion register, out of the rates; docs/reports.md).
const COUNTED = `${NOT_MERGED} AND f.excludedByEnd = 0`;
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
// A verdict counts only when its requester did not then hold a handler role in the unit it is
// credited to: nobody scores their own work. The workflow refuses such a rating (rate is notBy
// handler); this keeps one given before that rule off every figure. Role rows are never deleted
// and their dates never move, so a past month's count cannot change by it (RankingStore).
const NOT_SELF_RATED = `NOT EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.personId = r.requesterPersonId AND ra.unitId = e.handlerUnitId
  AND ra.role IN (${quoted(HANDLER_ROLES)}) AND ra.startedAt <= e.createdAt AND (ra.endedAt IS NULL OR ra.endedAt > e.createdAt))`;

/**
 * Each figure but openOverdue as a rule on one timeline row in the period (docs/reports.md says
 * each in words): the kinds of step it counts and the condition on that row (e), its request (r)
 * and, for a matter received in the period, its facts (f). The counts sum the rules in one pass; a
 * drill-down lists the rows of one rule: both read these.
 */
const STEP_RULES: Record<StepFigure, { actions: readonly string[]; when: string }> = {
  received: { actions: ['submit'], when: COUNTED },
  // Its first contact (accept or reject) by the deadline it arrived with.
  contactedOnTime: { actions: ['submit'], when: `${COUNTED} AND f.firstContactAt <= r.firstContactDueAt` },
  // Not contacted yet and not yet due at the moment of reading (:now): out of 响应率 while the period
  // runs. Once a month settles every first-contact deadline has passed, so a kept month holds 0.
  contactPending: { actions: ['submit'], when: `${COUNTED} AND f.firstContactAt IS NULL AND r.firstContactDueAt > :now` },
  resolved: { actions: ['submit'], when: `${COUNTED} AND f.resolvedByEnd = 1` },
  withdrawn: { actions: ['submit'], when: `${COUNTED} AND f.withdrawnByEnd = 1` },
  patrolFound: { actions: ['submit'], when: `${COUNTED} AND r.source = 'patrol'` },
  excluded: { actions: ['submit'], when: `${NOT_MERGED} AND f.excludedByEnd = 1` },
  // Results given in the period, on time or late against the completion deadline.
  // The deadline a result is judged by is the one it was given against, kept on its row (dueAt).
  closedOnTime: { actions: ['resolve'], when: '(e.dueAt IS NULL OR e.createdAt <= e.dueAt)' },
  closedLate: { actions: ['resolve'], when: 'e.dueAt IS NOT NULL AND e.createdAt > e.dueAt' },
  satisfied: { actions: ['rate'], when: `e.rating = 'satisfied' AND ${NOT_SELF_RATED}` },
  basicallySatisfied: { actions: ['rate'], when: `e.rating = 'basically_satisfied' AND ${NOT_SELF_RATED}` },
  dissatisfied: { actions: ['rate'], when: `e.rating = 'dissatisfied' AND ${NOT_SELF_RATED}` },
  // Sorted: the rules' hash (RankingStore) must not move with the workflow table's row order.
  rehandled: { actions: [...actionsWith('rehandle')].sort(), when: '1 = 1' },
};
// Open at the moment the period is judged at (judgedAt: its end, or the moment of reading while it
// runs; its last step before then left it open) past the deadline that step left running.
const OPEN_OVERDUE_WHEN = 'e.dueAt < :at';
const COUNTED_ACTIONS = [...new Set(Object.values(STEP_RULES).flatMap((rule) => rule.actions))];
const happenedByEnd = (...actions: string[]) =>
  `MAX(CASE WHEN t.action IN (${actions.map((a) => `'${a}'`).join(', ')}) AND t.createdAt < :end THEN 1 ELSE 0 END)`;
const firstIdByEnd = (action: string) => `MIN(CASE WHEN t.action = '${action}' AND t.createdAt < :end THEN t.id END)`;
const lastByEnd = (...actions: string[]) => `MAX(CASE WHEN t.action IN (${quoted(actions)}) AND t.createdAt < :end THEN t.createdAt END)`;
// Refused as unreasonable and the refusal confirmed, as it stands at the end: a look-back after the
// matter's last reject (a look-back follows a reject or a result), and no result or return to
// work since that reject. Read from the timeline index alone (action and time), like the other facts.
const REJECT_CONFIRMED_BY_END = `CASE WHEN ${lastByEnd(...LOOK_BACK_ACTIONS)} >= ${lastByEnd('reject')}
  AND (${lastByEnd('resolve', 'reopen', 'sendBack')} IS NULL OR ${lastByEnd('resolve', 'reopen', 'sendBack')} < ${lastByEnd('reject')}) THEN 1 ELSE 0 END`;
// What became of each matter received in the period, by the period's end (receivedFacts reads
// them in one pass of its timeline; the figures above test them as f.<name>).
const RECEIVED_FACTS = {
  mergedByEnd: happenedByEnd('merge'),
  resolvedByEnd: happenedByEnd('resolve'),
  // 这不是我的诉求 withdraws it too: a matter filed in the wrong name is not the unit's to resolve.
  withdrawnByEnd: happenedByEnd('withdraw', 'disown'),
  excludedByEnd: REJECT_CONFIRMED_BY_END,
  // 退单 by the unit it was received by: a return before any transfer (later holders' returns leave the first unit's count alone).
  returnedByEnd: `CASE WHEN ${firstIdByEnd('returnToDispatch')} IS NOT NULL
    AND (MIN(CASE WHEN t.action = 'transfer' THEN t.id END) IS NULL OR MIN(CASE WHEN t.action = 'transfer' THEN t.id END) > ${firstIdByEnd('returnToDispatch')}) THEN 1 ELSE 0 END`,
  firstContactAt: "MIN(CASE WHEN t.action IN ('accept', 'reject') THEN t.createdAt END)",
};
/**
 * What the counts are made by: the figures' rules and the received matters' facts they test. Stored
 * counts made by other rules are made again (RankingStore), so a change to any of them (a new step
 * that confirms a refusal, say) recounts the kept months instead of leaving them as they were.
 */
export const COUNTING_RULES = JSON.stringify({ STEP_RULES, OPEN_OVERDUE_WHEN, RECEIVED_FACTS });
// A period's steps are scoped by their unit's id, checked in the index they are read from: no join per step.
const IN_SCOPE = (alias: string, scope: Scope) => (scope.unitIds === null ? '1 = 1' : `${alias}.handlerUnitId IN (:...scopeUnits)`);

/**
 * Only a matter open now, or stepped on since `end`, can have been open then (updatedAt moves with
 * every step): two index ranges, as a UNION so each is read from its index alone instead of every
 * matter ever received.
 */
const MAYBE_OPEN_AT_END = `(SELECT id FROM request WHERE state IN (:...working) AND createdAt < :end
  UNION SELECT id FROM request WHERE updatedAt >= :end AND createdAt < :end)`;

/**
 * The counts behind the ranking, straight from the timeline (docs/reports.md says each in words).
 * Each is one grouped query over `request_event`, credited to the step's `handlerUnitId`; only
 * units whose path starts with `scopePath` (a town) are counted.
 */
@Injectable()
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every figure of every unit within `scopePath` over the period, in two queries: one pass over
   * the period's counted steps summing each figure's rule, and the matters open and overdue at
   * judgedAt(period, now).
   */
  async periodCounts(scopePath: string, period: Period, now: Date): Promise<PeriodCounts> {
    return (await this.count(await this.scope(scopePath), period, judgedAt(period, now), now)).counts;
  }

  /** periodCounts of every unit there is for a month that is over (what RankingStore keeps): judged at its end, read `now`. */
  allUnitsCounts(period: Period, now: Date): Promise<AllUnitsCounts> {
    return this.count({ path: '', unitIds: null }, period, period.end, now);
  }

  /** The counts of the period judged at `at` (judgedAt) and read at `now` (a first contact not yet due). */
  private async count(scope: Scope, period: Period, at: Date, now: Date): Promise<AllUnitsCounts> {
    const stepFigures = RANKING_FIGURES.filter((f): f is StepFigure => f !== 'openOverdue');
    const query = this.periodSteps(COUNTED_ACTIONS, scope, period)
      .select('e.handlerUnitId', 'unitId')
      .addSelect("MAX(CASE WHEN e.action = 'submit' THEN r.firstContactDueAt END)", 'lastContactDueAt')
      .setParameter('now', now)
      .groupBy('e.handlerUnitId');
    for (const figure of stepFigures) {
      const rule = STEP_RULES[figure];
      query.addSelect(`SUM(CASE WHEN e.action IN (${quoted(rule.actions)}) AND ${rule.when} THEN 1 ELSE 0 END)`, figure);
    }
    const [rows, openOverdue] = await Promise.all([
      query.getRawMany<Record<string, number | string | Date | null>>(),
      count(this.figure('openOverdue', scope, period, at, now)),
    ]);
    const counts = countsFromRows(rows as Record<string, number | string>[], stepFigures);
    let lastContactDueAt: Date | null = null;
    for (const row of rows) {
      const due = row.lastContactDueAt === null ? null : rawDate(row.lastContactDueAt as Date | string);
      if (due && (!lastContactDueAt || due > lastContactDueAt)) lastContactDueAt = due;
    }
    counts.openOverdue = openOverdue;
    return { counts, lastContactDueAt };
  }

  /** The timeline rows behind one figure of units within `scopePath` (a unit's path: it and those under it): what a count counted. */
  async figureRows(figure: RankingFigure, scopePath: string, period: Period, now: Date): Promise<{ requestId: number; at: Date }[]> {
    const rows = await this.figure(figure, await this.scope(scopePath), period, judgedAt(period, now), now)
      .select('e.requestId', 'requestId')
      .addSelect('e.createdAt', 'at')
      .orderBy('e.id', 'ASC')
      .getRawMany<{ requestId: number | string; at: Date | string }>();
    return rows.map((row) => ({ requestId: Number(row.requestId), at: rawDate(row.at) }));
  }

  /** One figure's rows over the period: its steps by its rule (read at `now`), or the matters open and overdue at `at` (judgedAt). */
  private figure(figure: RankingFigure, scope: Scope, period: Period, at: Date, now: Date): SelectQueryBuilder<RequestEvent> {
    if (figure === 'openOverdue') {
      return this.openAtEnd(scope.path, at).andWhere(OPEN_OVERDUE_WHEN, { at });
    }
    const rule = STEP_RULES[figure];
    return this.periodSteps(rule.actions, scope, period).andWhere(rule.when, { now });
  }

  /** The period's steps of these kinds within the scope (e), their request (r) and the facts (f) of a matter received in the period. */
  private periodSteps(actions: readonly string[], scope: Scope, period: Period): SelectQueryBuilder<RequestEvent> {
    return this.dataSource
      .getRepository(RequestEvent)
      .createQueryBuilder('e')
      .innerJoin('e.request', 'r')
      .leftJoin((sub) => receivedFacts(sub, scope), 'f', 'f.requestId = e.requestId')
      .where(IN_SCOPE('e', scope), { scopeUnits: scope.unitIds })
      .andWhere(`e.action IN (${quoted(actions)}) AND e.createdAt >= :start AND e.createdAt < :end`, { start: period.start, end: period.end });
  }

  /** Matters received (submit) or results given (resolve) in [start, end) within the scope, by category. */
  async byCategory(scopePath: string, action: 'submit' | 'resolve', start: Date, end: Date): Promise<Map<string, number>> {
    const rows = await this.events('e', scopePath)
      .innerJoin('e.request', 'r')
      .andWhere('e.action = :action AND e.createdAt >= :start AND e.createdAt < :end', { action, start, end })
      .select('r.category', 'category')
      .addSelect('COUNT(*)', 'n')
      .groupBy('r.category')
      .getRawMany<{ category: string; n: number | string }>();
    return new Map(rows.map((row) => [row.category, Number(row.n)]));
  }

  /** Matters received in [start, end) within the scope: where they belong, their source and category. */
  receivedIn(scopePath: string, start: Date, end: Date): Promise<{ requestId: number | string; source: string; category: string; unitPath: string }[]> {
    return this.events('e', scopePath)
      .innerJoin('e.request', 'r')
      .innerJoin('r.unit', 'u')
      .andWhere("e.action = 'submit' AND e.createdAt >= :start AND e.createdAt < :end", { start, end })
      .select('e.requestId', 'requestId')
      .addSelect('r.source', 'source')
      .addSelect('r.category', 'category')
      .addSelect('u.path', 'unitPath')
      .getRawMany();
  }

  /** First contacts (a request's first accept or reject) made in [start, end), and whether by the deadline it arrived with. */
  async firstContactsIn(scopePath: string, start: Date, end: Date): Promise<{ requestId: number; onTime: boolean }[]> {
    const rows = await this.events('e', scopePath)
      .innerJoin('e.request', 'r')
      .andWhere("e.action IN ('accept', 'reject') AND e.createdAt >= :start AND e.createdAt < :end", { start, end })
      .andWhere("NOT EXISTS (SELECT 1 FROM request_event c WHERE c.requestId = e.requestId AND c.action IN ('accept', 'reject') AND c.id < e.id)")
      .select('e.requestId', 'requestId')
      .addSelect('CASE WHEN e.createdAt <= r.firstContactDueAt THEN 1 ELSE 0 END', 'onTime')
      .orderBy('e.id', 'ASC')
      .getRawMany<{ requestId: number | string; onTime: number | string }>();
    return rows.map((row) => ({ requestId: Number(row.requestId), onTime: Number(row.onTime) === 1 }));
  }

  /** The requests given a result (resolve) in [start, end), once per result. */
  async resolvedIn(scopePath: string, start: Date, end: Date): Promise<number[]> {
    const rows = await this.events('e', scopePath)
      .andWhere("e.action = 'resolve' AND e.createdAt >= :start AND e.createdAt < :end", { start, end })
      .select('e.requestId', 'requestId')
      .orderBy('e.id', 'ASC')
      .getRawMany<{ requestId: number | string }>();
    return rows.map((row) => Number(row.requestId));
  }

  /** Matters open at `end` (their last step before it left them open), with the unit holding them and the deadline that step left running. */
  openAt(scopePath: string, end: Date): Promise<{ requestId: number | string; toState: string; unitName: string; dueAt: Date | string | null }[]> {
    return this.openAtEnd(scopePath, end)
      .select('e.requestId', 'requestId')
      .addSelect('e.toState', 'toState')
      .addSelect('hu.name', 'unitName')
      .addSelect('e.dueAt', 'dueAt')
      .orderBy('e.requestId', 'ASC')
      .getRawMany();
  }

  /** Each matter's last step before `end` (alias e, its request r), where that step left it open. */
  private openAtEnd(scopePath: string, end: Date): SelectQueryBuilder<RequestEvent> {
    return this.events('e', scopePath)
      .innerJoin((sub) => lastStepsBefore(sub), 'last', 'last.id = e.id')
      .innerJoin('e.request', 'r')
      .andWhere('e.toState IN (:...working)')
      .setParameters({ end, working: WORKING_STATES });
  }

  /** Timeline rows credited to units within `scopePath`. */
  private events(alias: string, scopePath: string): SelectQueryBuilder<RequestEvent> {
    return this.dataSource
      .getRepository(RequestEvent)
      .createQueryBuilder(alias)
      .innerJoin('org_unit', 'hu', `hu.id = ${alias}.handlerUnitId`)
      .where('hu.path LIKE :scope', { scope: `${scopePath}%` });
  }

  /** The units at or under `path` (plain rows: a county has 6,000). */
  async unitsUnder(path: string): Promise<UnitUnder[]> {
    const rows = await this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.path AS path', 'u.kind AS kind', 'u.name AS name'])
      .where('u.path LIKE :path', { path: `${path}%` })
      .getRawMany<UnitUnder & { id: number | string }>();
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  private async scope(path: string): Promise<Scope> {
    const [units, [all]] = await Promise.all([this.unitsUnder(path), this.dataSource.query('SELECT COUNT(*) AS n FROM org_unit')]);
    // A scope holding every unit (a county alone in its database) needs no test: thousands of ids cost more to send than to skip.
    return { path, unitIds: units.length === Number(all.n) ? null : units.map((unit) => unit.id) };
  }
}

/**
 * What became of each matter received in the period (:start, :end) within the scope, one row per
 * matter from one read of its timeline (instead of a correlated subquery per figure and step):
 * merged, resolved or withdrawn by the period's end, and its first contact (whenever made).
 */
function receivedFacts(sub: SelectQueryBuilder<ObjectLiteral>, scope: Scope): SelectQueryBuilder<ObjectLiteral> {
  const query = sub
    .from(RequestEvent, 's')
    .innerJoin(RequestEvent, 't', 't.requestId = s.requestId')
    .where(`${IN_SCOPE('s', scope)} AND s.action = 'submit' AND s.createdAt >= :start AND s.createdAt < :end`, { scopeUnits: scope.unitIds })
    .select('s.requestId', 'requestId');
  for (const [name, sql] of Object.entries(RECEIVED_FACTS)) query.addSelect(sql, name);
  return query.groupBy('s.requestId');
}

/** The id of each matter's last step before :end, among the matters that may have been open then. */
function lastStepsBefore(sub: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
  return sub.select('MAX(l.id)', 'id').from(MAYBE_OPEN_AT_END, 'c').innerJoin(RequestEvent, 'l', 'l.requestId = c.id AND l.createdAt < :end').groupBy('c.id');
}

/** Rows of a unit id and a column per figure (a grouped count, or kept counts) as each figure's counts by unit; figures not given are empty. */
export function countsFromRows(rows: readonly Record<string, number | string>[], figures: readonly RankingFigure[] = RANKING_FIGURES): PeriodCounts {
  const counts = Object.fromEntries(RANKING_FIGURES.map((f) => [f, new Map<number, number>()])) as unknown as PeriodCounts;
  for (const row of rows) {
    for (const figure of figures) {
      const n = Number(row[figure]);
      if (n > 0) counts[figure].set(Number(row.unitId), n);
    }
  }
  return counts;
}

/** A unit's counts, all 0. */
export function zeroCounts(): Record<RankingFigure, number> {
  return Object.fromEntries(RANKING_FIGURES.map((figure) => [figure, 0])) as Record<RankingFigure, number>;
}

async function count(query: SelectQueryBuilder<RequestEvent>): Promise<CountsByUnit> {
  const rows = await query
    .select('e.handlerUnitId', 'unitId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('e.handlerUnitId')
    .getRawMany<{ unitId: number | string; n: number | string }>();
  return new Map(rows.map((row) => [Number(row.unitId), Number(row.n)]));
}
