import { Injectable } from '@nestjs/common';
import type { Role } from '@gridloop/domain';
import { DataSource, IsNull } from 'typeorm';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';
import { Actor } from './actor';

@Injectable()
export class ActorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person and their current (not ended) roles with the units they are held in. */
  async load(personId: number): Promise<Actor | null> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId });
    if (!person) return null;
    const assignments = await this.dataSource.getRepository(RoleAssignment).find({
      where: { personId, endedAt: IsNull() },
      relations: { unit: true },
      order: { id: 'ASC' },
    });
    return new Actor(
      person.id,
      person.name,
      assignments.map((a) => ({
        role: a.role as Role,
        unitId: a.unitId,
        unitPath: a.unit!.path,
        unitKind: a.unit!.kind,
        unitName: a.unit!.name,
      })),
    );
  }
}
