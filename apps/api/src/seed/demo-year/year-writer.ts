import { Logger } from '@nestjs/common';
import { isInternalStep, isWorkingState, type RequestState } from '@gridloop/domain';
import { DataSource, EntityManager } from 'typeorm';
import { syncRequestTimer } from '../../clocks/timer-sync';
import { WriteBatch } from '../../database/write-batch';
import { OrgUnit } from '../../grid/org-unit.entity';
import { Person } from '../../grid/person.entity';
import { RequestEntity } from '../../requests/request.entity';
import { RequestEvent } from '../../requests/request-event.entity';
import { RequestFollower } from '../../requests/request-follower.entity';
import { PeopleFactory } from '../demo-county';
import { foldSteps, planActivity, type ActivityGrid, type ActivityTown, type PlannedMatter } from './year-plan';

/** Marks the generated matters, so a second start finds them and adds nothing. */
const CLIENT_ID_PREFIX = 'demo-year-';
const VILLAGERS_PER_GRID = 3;
/** Rows per INSERT: well under SQLite's bound-parameter limit with ~35 columns. */
const BATCH = 250;
const DAY = 24 * 3600_000;

export interface DemoYearOptions {
  seed?: number;
  scale?: number;
  /** How far back the activity starts (default a year). */
  days?: number;
  /** Only these towns (by code); default every town. */
  townCodes?: readonly string[];
}

export interface DemoYearResult {
  requests: number;
  events: number;
  villagers: number;
  seconds: number;
}

/**
 * Loads a generated year of activity ending `now` (year-plan.ts) into the seeded county, once:
 * villagers for each small grid, then every matter and its timeline as rows, the followers of
 * merged matters, and a timer for each one still open (the escalation job then reminds and
 * escalates as usual). The rows are the ones the API's steps write: the request's fields come
 * from folding its steps through the domain's rules.
 */
export async function seedDemoYear(dataSource: DataSource, now: Date, options: DemoYearOptions = {}): Promise<DemoYearResult | null> {
  const started = Date.now();
  const already = await dataSource
    .getRepository(RequestEntity)
    .createQueryBuilder('r')
    .where('r.clientRequestId LIKE :prefix', { prefix: `${CLIENT_ID_PREFIX}%` })
    .getExists();
  if (already) return null;
  const result = await dataSource.transaction(async (manager) => {
    const towns = await loadActivityTowns(manager, options.townCodes);
    const plan = planActivity(
      towns.map((t) => t.activity),
      {
        from: new Date(now.getTime() - (options.days ?? 365) * DAY),
        to: now,
        seed: options.seed ?? 20261125,
        scale: options.scale ?? 1,
      },
    );
    const events = await writePlan(manager, plan, now);
    return { requests: plan.length, events, villagers: towns.reduce((n, t) => n + t.villagers, 0) };
  });
  const seconds = (Date.now() - started) / 1000;
  new Logger('Seed').log(
    `demo year loaded: ${result.requests} requests, ${result.events} timeline rows, ${result.villagers} villagers in ${seconds.toFixed(1)} s`,
  );
  return { ...result, seconds };
}

/** Each town's hotline office, departments and small grids with their people; villagers added per grid. */
export async function loadActivityTowns(manager: EntityManager, townCodes?: readonly string[]): Promise<{ activity: ActivityTown; villagers: number }[]> {
  const units = await manager.getRepository(OrgUnit).find({ order: { id: 'ASC' } });
  const holders = new Map<string, number>();
  for (const row of await manager.query('SELECT unitId, role, personId FROM role_assignment WHERE endedAt IS NULL ORDER BY id')) {
    const key = `${row.unitId}/${row.role}`;
    if (!holders.has(key)) holders.set(key, Number(row.personId));
  }
  const holder = (unit: OrgUnit, role: string) => holders.get(`${unit.id}/${role}`);
  const people = new PeopleFactory('0900');
  const towns = units.filter((u) => u.kind === 'town' && (!townCodes || townCodes.includes(u.code ?? '')));
  const result: { activity: ActivityTown; villagers: number }[] = [];
  for (const town of towns) {
    const under = units.filter((u) => u.path.startsWith(town.path) && u.id !== town.id);
    const hotline = under.find((u) => u.kind === 'hotline_office');
    const hotlineStaff = hotline && holder(hotline, 'hotline_staff');
    if (!hotline || !hotlineStaff) continue;
    const grids: ActivityGrid[] = [];
    for (const grid of under.filter((u) => u.kind === 'small_grid')) {
      const leaderPersonId = holder(grid, 'grid_leader');
      if (!leaderPersonId) continue;
      const villagers = Array.from({ length: VILLAGERS_PER_GRID }, () => ({ ...people.person(), homeUnitId: grid.id }));
      grids.push({ unitId: grid.id, leaderPersonId, villagers: await insertPeople(manager, villagers) });
    }
    const departments = under
      .filter((u) => u.kind === 'department')
      .flatMap((d) => {
        const handlerPersonId = holder(d, 'department_handler');
        return handlerPersonId ? [{ unitId: d.id, handlerPersonId }] : [];
      });
    result.push({
      activity: { hotlineUnitId: hotline.id, hotlineStaffPersonId: hotlineStaff, departments, grids },
      villagers: grids.length * VILLAGERS_PER_GRID,
    });
  }
  return result;
}

async function insertPeople(
  manager: EntityManager,
  people: { name: string; phone: string; homeUnitId: number }[],
): Promise<{ personId: number; phone: string }[]> {
  const made: { personId: number; phone: string }[] = [];
  for (const person of people) {
    const inserted = await manager.insert(Person, person);
    made.push({ personId: Number(inserted.identifiers[0]?.id), phone: person.phone });
  }
  return made;
}

/** The plan as rows, ids assigned in arrival order after the highest present. */
async function writePlan(manager: EntityManager, plan: readonly PlannedMatter[], now: Date): Promise<number> {
  const [{ maxRequest }] = await manager.query('SELECT COALESCE(MAX(id), 0) AS maxRequest FROM request');
  const [{ maxEvent }] = await manager.query('SELECT COALESCE(MAX(id), 0) AS maxEvent FROM request_event');
  const { requests, events, followers } = planRows(plan, Number(maxRequest) + 1, Number(maxEvent) + 1);
  for (let i = 0; i < requests.length; i += BATCH)
    await manager
      .createQueryBuilder()
      .insert()
      .into(RequestEntity)
      .values(requests.slice(i, i + BATCH))
      .updateEntity(false)
      .execute();
  for (let i = 0; i < events.length; i += BATCH)
    await manager
      .createQueryBuilder()
      .insert()
      .into(RequestEvent)
      .values(events.slice(i, i + BATCH))
      .updateEntity(false)
      .execute();
  for (let i = 0; i < followers.length; i += BATCH)
    await manager
      .createQueryBuilder()
      .insert()
      .into(RequestFollower)
      .values(followers.slice(i, i + BATCH))
      .updateEntity(false)
      .execute();
  for (const request of requests.filter((r) => isWorkingState(r.state!))) {
    const batch = new WriteBatch(manager);
    await syncRequestTimer(batch, request as RequestEntity, now);
    await batch.run();
  }
  return events.length;
}

export interface PlanRows {
  requests: Partial<RequestEntity>[];
  events: Partial<RequestEvent>[];
  followers: Partial<RequestFollower>[];
}

/**
 * The rows a plan makes, numbered from the ids given (in arrival order, as AUTO_INCREMENT would):
 * each request as its steps leave it, its timeline, and the followers a merge brings.
 */
export function planRows(plan: readonly PlannedMatter[], firstRequestId: number, firstEventId: number): PlanRows {
  const requestIdOf = (index: number) => firstRequestId + index;
  let eventId = firstEventId;
  const rows: PlanRows = { requests: [], events: [], followers: [] };
  for (const matter of plan) {
    const id = requestIdOf(matter.index);
    const row = foldSteps(matter);
    const merged = row.state === 'merged' && matter.mergedIntoIndex !== null;
    rows.requests.push({
      id,
      unitId: row.unitId,
      handlerUnitId: row.handlerUnitId,
      requesterPersonId: matter.requesterPersonId,
      source: matter.source,
      enteredByPersonId: matter.enteredByPersonId,
      submitterPersonId: matter.enteredByPersonId ?? matter.requesterPersonId,
      // The name typed in was the villager's own: shown from their account.
      enteredName: null,
      hotlineOrderNo: matter.hotlineOrderNo,
      cityReceivedAt: matter.cityReceivedAt,
      cityDueAt: matter.cityDueAt,
      transferRequested: row.transferRequested ?? false,
      mergedIntoId: merged ? requestIdOf(matter.mergedIntoIndex!) : null,
      clientRequestId: `${CLIENT_ID_PREFIX}${id}`,
      category: matter.category,
      dutyType: matter.dutyType,
      description: matter.description,
      addressNote: null,
      contactPhone: matter.contactPhone,
      confidential: matter.confidential,
      state: row.state,
      complexity: row.complexity ?? null,
      contactDueAt: row.contactDueAt,
      firstContactDueAt: row.firstContactDueAt,
      contactedAt: row.contactedAt ?? null,
      completionDueAt: row.completionDueAt ?? null,
      resolvedAt: row.resolvedAt ?? null,
      closedAt: row.closedAt ?? null,
      contactLate: row.contactLate ?? false,
      completionLate: row.completionLate ?? false,
      rating: row.rating,
      ratedAt: row.ratedAt,
      rehandleCount: row.rehandleCount,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
    let from: RequestState | null = null;
    for (const [i, step] of matter.steps.entries()) {
      rows.events.push({
        id: eventId++,
        requestId: id,
        action: step.action,
        fromState: from,
        toState: step.toState,
        actorPersonId: step.actorPersonId,
        note: step.note,
        public: !isInternalStep(step.action),
        handlerUnitId: step.handlerUnitId,
        rating: step.rating ?? null,
        dueAt: row.stepDueAts[i] ?? null,
        createdAt: step.at,
      });
      from = step.toState;
    }
    if (merged)
      rows.followers.push({
        requestId: requestIdOf(matter.mergedIntoIndex!),
        personId: matter.requesterPersonId,
        fromRequestId: id,
        createdAt: matter.steps.at(-1)!.at,
      });
  }
  return rows;
}
