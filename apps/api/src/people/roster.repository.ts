import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';

export interface RosterPerson {
  personId: number;
  name: string;
  phone: string | null;
}

export interface RosterRow {
  gridId: number;
  gridName: string;
  leader: RosterPerson | null;
  deputy: RosterPerson | null;
}

interface RawRow {
  gridId: number;
  gridName: string;
  role: string | null;
  personId: number | null;
  name: string | null;
  phone: string | null;
}

@Injectable()
export class RosterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every small grid under `unit` (the caller checked its span) with its current leader and deputy. */
  async leadersUnder(unit: OrgUnit): Promise<RosterRow[]> {
    const raw: RawRow[] = await this.dataSource
      .createQueryBuilder()
      .select(['g.id AS "gridId"', 'g.name AS "gridName"', 'r.role AS "role"', 'p.id AS "personId"', 'p.name AS "name"', 'p.phone AS "phone"'])
      .from(OrgUnit, 'g')
      .leftJoin('role_assignment', 'r', "r.unitId = g.id AND r.endedAt IS NULL AND r.role IN ('grid_leader', 'deputy_grid_leader')")
      .leftJoin('person', 'p', 'p.id = r.personId')
      .where("g.kind = 'small_grid'")
      .andWhere('g.path LIKE :prefix', { prefix: `${unit.path}%` })
      .orderBy('g.id', 'ASC')
      .getRawMany();
    const grids = new Map<number, RosterRow>();
    for (const row of raw) {
      const grid = grids.get(Number(row.gridId)) ?? { gridId: Number(row.gridId), gridName: row.gridName, leader: null, deputy: null };
      grids.set(grid.gridId, grid);
      if (row.personId === null) continue;
      const person = { personId: Number(row.personId), name: row.name ?? '', phone: row.phone };
      if (row.role === 'grid_leader') grid.leader = person;
      else grid.deputy = person;
    }
    return [...grids.values()];
  }
}
