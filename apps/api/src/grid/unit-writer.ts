import type { UnitKind } from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

export interface NewUnit {
  kind: UnitKind;
  name: string;
  code: string;
}

/** Adds a unit under `parent` (or as a root) and fills its materialised path, inside the caller's transaction. */
export async function createUnit(manager: EntityManager, parent: OrgUnit | null, unit: NewUnit): Promise<OrgUnit> {
  const result = await manager.insert(OrgUnit, { ...unit, parentId: parent?.id ?? null, path: '' });
  const id = Number(result.identifiers[0]?.id);
  const path = `${parent?.path ?? '/'}${id}/`;
  await manager.update(OrgUnit, { id }, { path });
  return manager.findOneByOrFail(OrgUnit, { id });
}
