/**
 * The kinds of unit in a county's tree and the roles people hold in them.
 * Which kinds nest under which is data (the tree itself); these are only the names.
 */
export const UNIT_KINDS = ['county', 'town', 'village', 'large_grid', 'small_grid', 'department', 'hotline_office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Where a villager lives and where a matter belongs: a village, or a small grid in it. A villager
 * chooses one as home, a group is bound to one, a matter is raised in one and a transfer to one
 * moves the matter there (departments and the hotline office handle matters but hold none).
 */
export const HOME_UNIT_KINDS: readonly UnitKind[] = ['village', 'small_grid'];

/** Whether a unit of this kind (as stored: any string) can be a home. */
export function isHomeUnitKind(kind: string): boolean {
  return (HOME_UNIT_KINDS as readonly string[]).includes(kind);
}

export const ROLES = [
  'villager',
  'grid_leader',
  'deputy_grid_leader',
  'large_grid_head',
  'village_secretary',
  'department_handler',
  'hotline_staff',
  'town_leader',
  'county_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Chinese labels shown in the app (see docs/glossary.md). */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  county: '县（市）',
  town: '镇（街道）',
  village: '村',
  large_grid: '大网格',
  small_grid: '小网格',
  department: '镇直部门',
  hotline_office: '热线办',
};

export const ROLE_LABELS: Record<Role, string> = {
  villager: '村民',
  grid_leader: '网格巷长',
  deputy_grid_leader: '副巷长',
  large_grid_head: '大网格总支负责人',
  village_secretary: '村支部书记',
  department_handler: '部门承办人',
  hotline_staff: '热线办工作人员',
  town_leader: '镇领导',
  county_admin: '县级管理员',
};
