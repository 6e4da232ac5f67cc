// Deep imports: the package index also pulls in the holiday calendar, which the console does not need.
import { roleNameGrants, type Capability } from '@gridloop/domain/dist/access/capabilities';
import type { Me } from './session-store';

/** Whether any role this person holds grants `capability` (the domain's table decides). */
export function may(me: Me, capability: Capability): boolean {
  return me.roles.some((held) => roleNameGrants(held.role, capability));
}

/** The console is a desk for those who work on matters (every role but 村民). */
export function isStaff(me: Me): boolean {
  return may(me, 'request.view');
}
