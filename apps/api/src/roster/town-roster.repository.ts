import { Injectable } from '@nestjs/common';
import { personWithinSpan } from '@gridloop/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { pathInSpan } from '../access/span-where';
import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';
import { createUnit, NewUnit } from '../grid/unit-writer';
import { PhoneViewLog } from '../people/phone-view-log.entity';

export const GRID_ROLES = ['grid_leader', 'deputy_grid_leader'] as const;
export type GridRole = (typeof GRID_ROLES)[number];

/** A current (not ended) grid leader or deputy of a small grid, with the person. */
export interface GridHolder {
  assignmentId: number;
  unitId: number;
  role: GridRole;
  personId: number;
  name: string;
  phone: string | null;
}

export interface TownSnapshot {
  /** Every unit under the town (not the town itself), oldest first; only id, parentId, kind, name, code and path are read. */
  units: OrgUnit[];
  /** Current leaders and deputies of the town's small grids, oldest assignment first. */
  holders: GridHolder[];
}

export interface KnownPerson {
  id: number;
  name: string;
  phone: string;
}

export interface NewAssignment {
  personId: number;
  role: GridRole;
  unitId: number;
}

/** Above this many values an IN list is split (SQLite and MySQL both cap bound parameters). */
const CHUNK = 500;

/**
 * Whole-town reads and batched writes for the roster. The caller has loaded the town through a
 * span-scoped read; everything here stays under that town's path. Reads take a manager so the
 * import reads and writes in one transaction.
 */
@Injectable()
export class TownRosterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The town's subtree and the current holders of its small grids: two queries, whatever the size. */
  async snapshot(town: OrgUnit, manager: EntityManager = this.dataSource.manager): Promise<TownSnapshot> {
    const units = await manager
      .createQueryBuilder(OrgUnit, 'u')
      .select(['u.id', 'u.parentId', 'u.kind', 'u.name', 'u.code', 'u.path'])
      .where(pathInSpan('u.path', [town.path]))
      .andWhere('u.id <> :townId', { townId: town.id })
      .orderBy('u.id', 'ASC')
      .getMany();
    const raw: Record<string, unknown>[] = await manager
      .createQueryBuilder()
      .select(['r.id AS "assignmentId"', 'r.unitId AS "unitId"', 'r.role AS "role"', 'p.id AS "personId"', 'p.name AS "name"', 'p.phone AS "phone"'])
      .from(RoleAssignment, 'r')
      .innerJoin(OrgUnit, 'u', 'u.id = r.unitId')
      .innerJoin(Person, 'p', 'p.id = r.personId')
      .where('r.endedAt IS NULL')
      .andWhere('r.role IN (:...roles)', { roles: GRID_ROLES })
      .andWhere("u.kind = 'small_grid'")
      .andWhere(pathInSpan('u.path', [town.path]))
      .orderBy('r.id', 'ASC')
      .getRawMany();
    return {
      units,
      holders: raw.map((row) => ({
        assignmentId: Number(row.assignmentId),
        unitId: Number(row.unitId),
        role: row.role as GridRole,
        personId: Number(row.personId),
        name: String(row.name),
        phone: row.phone === null ? null : String(row.phone),
      })),
    };
  }

  /** On MySQL, holds the town row until commit, so two imports into one town apply one after the other. */
  async lockTown(manager: EntityManager, townId: number): Promise<void> {
    const type = manager.dataSource.options.type;
    if (type !== 'mysql' && type !== 'mariadb') return; // SQLite: one writer at a time already
    await manager.createQueryBuilder(OrgUnit, 'u').select('u.id').where('u.id = :townId', { townId }).setLock('pessimistic_write').getOne();
  }

  async peopleByPhone(manager: EntityManager, phones: readonly string[]): Promise<KnownPerson[]> {
    const found: KnownPerson[] = [];
    for (const part of chunks(phones)) {
      const people = await manager.find(Person, { select: { id: true, name: true, phone: true }, where: { phone: In(part) } });
      for (const p of people) if (p.phone) found.push({ id: p.id, name: p.name, phone: p.phone });
    }
    return found;
  }

  /**
   * Which of `phones` belong to someone outside `span` (personWithinSpan: a current role, or with
   * none their home, in a unit outside it): people an import into the span may not rename or move.
   */
  async phonesOutside(manager: EntityManager, phones: readonly string[], span: readonly string[]): Promise<Set<string>> {
    const outside = new Set<string>();
    for (const part of chunks(phones)) {
      if (part.length === 0) continue;
      const rows: Record<string, unknown>[] = await manager
        .createQueryBuilder()
        .select(['p.id AS "personId"', 'p.phone AS "phone"', 'h.path AS "homePath"', 'ru.path AS "rolePath"'])
        .from(Person, 'p')
        .leftJoin(OrgUnit, 'h', 'h.id = p.homeUnitId')
        .leftJoin(RoleAssignment, 'r', 'r.personId = p.id AND r.endedAt IS NULL')
        .leftJoin(OrgUnit, 'ru', 'ru.id = r.unitId')
        .where('p.phone IN (:...phones)', { phones: part })
        .getRawMany();
      const people = new Map<string, { rolePaths: string[]; homePath: string | null }>();
      for (const row of rows) {
        const phone = String(row.phone);
        const person = people.get(phone) ?? { rolePaths: [], homePath: row.homePath === null ? null : String(row.homePath) };
        if (row.rolePath !== null) person.rolePaths.push(String(row.rolePath));
        people.set(phone, person);
      }
      for (const [phone, places] of people) if (!personWithinSpan(places, span)) outside.add(phone);
    }
    return outside;
  }

  /** Which of `codes` some unit (anywhere in the county) already uses. */
  async codesTaken(manager: EntityManager, codes: readonly string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    for (const part of chunks(codes)) {
      const rows = await manager.find(OrgUnit, { select: { id: true, code: true }, where: { code: In(part) } });
      for (const row of rows) taken.add(row.code);
    }
    return taken;
  }

  createUnit(manager: EntityManager, parent: OrgUnit, unit: NewUnit): Promise<OrgUnit> {
    return createUnit(manager, parent, unit);
  }

  /** New people, then one read back by phone (ids of a multi-row insert are not portable). */
  async insertPeople(manager: EntityManager, people: readonly { name: string; phone: string }[]): Promise<KnownPerson[]> {
    for (const part of chunks(people, 200))
      await manager.insert(
        Person,
        part.map((p) => ({ name: p.name, phone: p.phone })),
      );
    return this.peopleByPhone(
      manager,
      people.map((p) => p.phone),
    );
  }

  async rename(manager: EntityManager, personId: number, name: string): Promise<void> {
    await manager.update(Person, { id: personId }, { name });
  }

  async endAssignments(manager: EntityManager, assignmentIds: readonly number[], now: Date): Promise<void> {
    for (const part of chunks(assignmentIds)) await manager.update(RoleAssignment, { id: In(part), endedAt: IsNull() }, { endedAt: now });
  }

  /** An export shows full numbers: one phone_view_log row per person shown, as for viewFullPhone. */
  async logPhoneViews(viewerPersonId: number, subjectPersonIds: readonly number[]): Promise<void> {
    const rows = [...new Set(subjectPersonIds)].map((subjectPersonId) => ({ viewerPersonId, subjectPersonId }));
    for (const part of chunks(rows, 200)) await this.dataSource.getRepository(PhoneViewLog).insert(part);
  }

  async startAssignments(manager: EntityManager, assignments: readonly NewAssignment[]): Promise<void> {
    for (const part of chunks(assignments, 200))
      await manager.insert(
        RoleAssignment,
        part.map((a) => ({ ...a, endedAt: null })),
      );
  }
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
