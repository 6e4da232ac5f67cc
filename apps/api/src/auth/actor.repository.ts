import { Injectable } from '@nestjs/common';
import type { Role } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';
import { Actor } from './actor';

interface ActorRow {
  id: number | string;
  name: string;
  role: string | null;
  unitId: number | string | null;
  unitPath: string | null;
  unitKind: string | null;
  unitName: string | null;
}

@Injectable()
export class ActorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The person and their current (not ended) roles with the units they are held in, read on every
   * signed-in request (so a role taken away counts at once): one query, a row per role.
   */
  async load(personId: number): Promise<Actor | null> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['p.id AS id', 'p.name AS name', 'ra.role AS role', 'ra.unitId AS unitId', 'u.path AS unitPath', 'u.kind AS unitKind', 'u.name AS unitName'])
      .from(Person, 'p')
      .leftJoin(RoleAssignment, 'ra', 'ra.personId = p.id AND ra.endedAt IS NULL')
      .leftJoin(OrgUnit, 'u', 'u.id = ra.unitId')
      .where('p.id = :personId', { personId })
      .orderBy('ra.id', 'ASC')
      .getRawMany<ActorRow>();
    const person = rows[0];
    if (!person) return null;
    return new Actor(
      Number(person.id),
      person.name,
      rows.flatMap((row) =>
        row.role === null ? [] : [{ role: row.role as Role, unitId: Number(row.unitId), unitPath: row.unitPath!, unitKind: row.unitKind!, unitName: row.unitName! }],
      ),
    );
  }
}
