import type { Role } from '../grid/org';

/**
 * How far a role reaches from the unit it is held in. A unit's `path` lists its ancestors' ids
 * and its own ("/1/2/17/"), so a span is a path prefix and "in span" is a prefix test.
 *  - own:    nothing beyond the person's own records (villagers)
 *  - unit:   the unit and everything below it (a grid leader's small grid, a town leader's town)
 *  - parent: the unit's parent and everything below it (hotline staff sit in the hotline office
 *            but work on the whole town)
 */
export type Reach = 'own' | 'unit' | 'parent';

export const ROLE_REACH: Record<Role, Reach> = {
  villager: 'own',
  grid_leader: 'unit',
  deputy_grid_leader: 'unit',
  large_grid_head: 'unit',
  village_secretary: 'unit',
  department_handler: 'unit',
  hotline_staff: 'parent',
  town_leader: 'unit',
  county_admin: 'unit',
};

export interface HeldRole {
  role: Role;
  unitPath: string;
}

/** The path prefixes a set of held roles reaches, with any prefix covered by a shorter one dropped. */
export function spanOf(held: readonly HeldRole[]): string[] {
  const prefixes = held.flatMap(({ role, unitPath }) => {
    const reach = ROLE_REACH[role];
    if (reach === 'own') return [];
    return [reach === 'parent' ? parentPath(unitPath) : unitPath];
  });
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  return sorted.filter((prefix, i) => !sorted.slice(0, i).some((shorter) => prefix.startsWith(shorter)));
}

export function isInSpan(path: string, span: readonly string[]): boolean {
  return span.some((prefix) => path.startsWith(prefix));
}

/** "/1/2/17/" → "/1/2/"; a root stays itself (nothing is above a county). */
export function parentPath(path: string): string {
  assertPath(path);
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? path : `/${parts.slice(0, -1).join('/')}/`;
}

function assertPath(path: string): void {
  if (!/^\/(\d+\/)+$/.test(path)) throw new Error(`not a unit path: "${path}"`);
}

/** The id at `depth` of a unit path (0 = the county, 1 = the town): '/1/2/3/' at 1 is 2. */
export function pathIdAt(path: string, depth: number): number | null {
  const id = path.split('/').filter(Boolean)[depth];
  return id === undefined ? null : Number(id);
}
