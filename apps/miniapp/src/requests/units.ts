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

/** The town a unit is or lies in (a town itself, the hotline office, a department, a grid). */
export function townOf(unit: UnitRef): Promise<UnitRef> {
  return unit.kind === 'town' ? Promise.resolve(unit) : townOfUnit(unit.id);
}
