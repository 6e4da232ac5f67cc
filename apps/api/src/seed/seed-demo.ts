import { INestApplication, Logger } from '@nestjs/common';
import type { Role, UnitKind } from '@gridloop/domain';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';
import { createUnit } from '../grid/unit-writer';
import { buildDemoCounty, DemoCounty, DemoPerson, DemoTown } from './demo-county';

export interface SeedResult {
  seeded: boolean;
  units: number;
  people: number;
}

/** Seeds the demo county once; a second run finds it and changes nothing. */
export async function seedDemoIfEmpty(app: INestApplication): Promise<SeedResult> {
  const result = await seedCounty(app.get(DataSource), buildDemoCounty());
  new Logger('Seed').log(result.seeded ? `demo county seeded: ${result.units} units, ${result.people} people` : 'demo county already present');
  return result;
}

/** Writes a county unless its code is already there, all in one transaction. */
export function seedCounty(dataSource: DataSource, county: DemoCounty): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    if (await manager.existsBy(OrgUnit, { code: county.code })) return { seeded: false, units: 0, people: 0 };
    const writer = new SeedWriter(manager);
    const root = await writer.unit(null, 'county', county.name, county.code);
    await writer.assign(county.admin, 'county_admin', root);
    for (const town of county.towns) await writer.town(root, town);
    for (const { gridCode, person } of county.villagers ?? []) await writer.villager(person, await manager.findOneByOrFail(OrgUnit, { code: gridCode }));
    return { seeded: true, units: writer.units, people: writer.people };
  });
}

class SeedWriter {
  units = 0;
  people = 0;

  constructor(private readonly manager: EntityManager) {}

  async town(county: OrgUnit, town: DemoTown): Promise<void> {
    const townUnit = await this.unit(county, 'town', town.name, town.code);
    await this.assign(town.leader, 'town_leader', townUnit);
    const hotline = await this.unit(townUnit, 'hotline_office', '热线办', `${town.code}-HOTLINE`);
    for (const staff of town.hotlineStaff) await this.assign(staff, 'hotline_staff', hotline);
    for (const dep of town.departments) {
      await this.assign(dep.handler, 'department_handler', await this.unit(townUnit, 'department', dep.name, dep.code));
    }
    for (const village of town.villages) {
      const villageUnit = await this.unit(townUnit, 'village', village.name, village.code);
      await this.assign(village.secretary, 'village_secretary', villageUnit);
      for (const large of village.largeGrids) {
        const largeUnit = await this.unit(villageUnit, 'large_grid', large.name, large.code);
        await this.assign(large.head, 'large_grid_head', largeUnit);
        for (const small of large.smallGrids) {
          const smallUnit = await this.unit(largeUnit, 'small_grid', small.name, small.code);
          await this.assign(small.leader, 'grid_leader', smallUnit);
          if (small.deputy) await this.assign(small.deputy, 'deputy_grid_leader', smallUnit);
        }
      }
    }
  }

  async unit(parent: OrgUnit | null, kind: UnitKind, name: string, code: string): Promise<OrgUnit> {
    this.units++;
    return createUnit(this.manager, parent, { kind, name, code });
  }

  /** A villager living in `grid` (her home), holding the villager role there. */
  async villager(who: DemoPerson, grid: OrgUnit): Promise<void> {
    this.people++;
    const inserted = await this.manager.insert(Person, { name: who.name, phone: who.phone, homeUnitId: grid.id });
    await this.manager.insert(RoleAssignment, { personId: Number(inserted.identifiers[0]?.id), role: 'villager', unitId: grid.id, endedAt: null });
  }

  async assign(who: DemoPerson, role: Role, unit: OrgUnit): Promise<void> {
    this.people++;
    const inserted = await this.manager.insert(Person, { name: who.name, phone: who.phone });
    const personId = Number(inserted.identifiers[0]?.id);
    await this.manager.insert(RoleAssignment, { personId, role, unitId: unit.id, endedAt: null });
  }
}
