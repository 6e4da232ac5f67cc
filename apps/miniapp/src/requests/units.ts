import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { components } from '../api/schema';
import type { UnitRef } from '../auth/session-store';

/** Units directly under a unit (listChildUnits). */
export function childUnits(unitId: number): Promise<UnitRef[]> {
  return unwrap(api.GET('/api/public/units/{unitId}/children', { params: { path: { unitId } } }));
}

export type UnitMatch = components['schemas']['UnitMatchDto'];

/** Units under `unitId` whose name contains `text` (searchUnits: at most 30, each with the units between, by name). */
export function searchUnits(unitId: number, text: string): Promise<UnitMatch[]> {
  return unwrap(api.GET('/api/public/units/{unitId}/search', { params: { path: { unitId }, query: { q: text } } }));
}

/** The town any unit lies in (getUnitTown). */
export function townOfUnit(unitId: number): Promise<UnitRef> {
  return unwrap(api.GET('/api/public/units/{unitId}/town', { params: { path: { unitId } } }));
}

/**
 * The town a unit sits in, for units that hang straight off a town (the hotline office, a
 * department) or are one: towns are few, so their children are simply looked through.
 */
export async function townOf(unit: UnitRef): Promise<UnitRef | null> {
  if (unit.kind === 'town') return unit;
  const towns = await unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } }));
  for (const town of towns) {
    const under = await childUnits(town.id);
    if (under.some((child) => child.id === unit.id)) return { id: town.id, name: town.name, kind: 'town' };
  }
  return null;
}
