import { HOME_UNIT_KINDS } from '@gridloop/domain/dist/grid/org';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { UnitRef } from '../../../auth/session-store';

/**
 * The county tree as the picker walks it: towns → villages → (large grids →) small grids.
 * Departments and the hotline office sit under a town too, but nobody lives there.
 */
const CHILD_KINDS: Record<string, readonly string[]> = {
  county: ['town'],
  town: ['village'],
  village: ['large_grid', 'small_grid'],
  large_grid: ['small_grid'],
};

/** Kinds a person can live in, or a group can serve (the domain's home kinds). */
export const SELECTABLE_KINDS: readonly string[] = HOME_UNIT_KINDS;

export async function listTowns(): Promise<UnitRef[]> {
  const towns = await unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } }));
  return towns.map((town) => ({ id: town.id, name: town.name, kind: 'town' }));
}

async function children(unit: UnitRef): Promise<UnitRef[]> {
  const all = await unwrap(api.GET('/api/public/units/{unitId}/children', { params: { path: { unitId: unit.id } } }));
  const kinds = CHILD_KINDS[unit.kind] ?? [];
  return all.filter((child) => kinds.includes(child.kind));
}

/**
 * What to offer under `unit`. A village with a single large grid shows that grid's small grids
 * straight away: most villages have one, and a middle step with one row only slows people down.
 */
export async function choicesUnder(unit: UnitRef): Promise<UnitRef[]> {
  const list = await children(unit);
  const only = list[0];
  if (unit.kind === 'village' && list.length === 1 && only && only.kind === 'large_grid') return children(only);
  return list;
}

/** Tapping a unit of this kind opens it (shows what is under it) rather than choosing it. */
export function opensFurther(unit: UnitRef): boolean {
  return unit.kind !== 'small_grid';
}
