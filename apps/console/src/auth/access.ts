// Deep imports: the package index also pulls in the holiday calendar, which the console does not need.
import { grants, type Capability } from '@gridloop/domain/dist/access/capabilities';
import { ROLES, type Role } from '@gridloop/domain/dist/grid/org';
import type { Me } from './session-store';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether any role this person holds grants `capability` (the domain's table decides). */
export function may(me: Me, capability: Capability): boolean {
  return me.roles.some((held) => isRole(held.role) && grants(held.role, capability));
}

/** The console is a desk for those who work on matters (every role but 村民). */
export function isStaff(me: Me): boolean {
  return may(me, 'request.view');
}
