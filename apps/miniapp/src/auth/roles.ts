// Deep imports: the package index also pulls in the holiday calendar, which the app does not need.
import { grants } from '@gridloop/domain/dist/access/capabilities'
import { ROLES, type Role } from '@gridloop/domain/dist/grid/org'
import type { Me } from './session-store'

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** Order in which roles are listed: the domain's order, villager first, county admin last. */
export function roleRank(role: string): number {
  const i = (ROLES as readonly string[]).indexOf(role)
  return i === -1 ? ROLES.length : i
}

/** Whether any role this person holds lets them bind a village group (grid leaders, staff, …). */
export function canBindGroups(me: Me): boolean {
  return me.roles.some((held) => isRole(held.role) && grants(held.role, 'group.bind'))
}
