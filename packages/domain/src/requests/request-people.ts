import type { Role } from '../grid/org';
import { CAPABILITY_ROLES } from '../access/capabilities';
import { isInSpan, spanOf, type HeldRole } from '../access/spans';
import type { Relation } from './request-workflow';

/**
 * Roles that handle a request assigned to the unit they hold them in. Hotline staff handle what
 * is assigned to the hotline office itself: 12345 orders not yet dispatched, and calls they keep.
 */
export const HANDLER_ROLES: readonly Role[] = ['grid_leader', 'deputy_grid_leader', 'village_secretary', 'department_handler', 'hotline_staff'];

/** Roles that look back at, close and send back requests within their span (回看). */
export const SUPERVISOR_ROLES: readonly Role[] = CAPABILITY_ROLES['request.lookBack'];

export interface HeldRoleAt extends HeldRole {
  unitId: number;
}

export interface RequestParties {
  requesterPersonId: number;
  /** The unit that handles it now (a small grid, a village or a department). */
  handlerUnitId: number;
  /** Path of the unit the matter belongs to (its small grid or village). */
  unitPath: string;
  /** Requesters of matters merged into this one. */
  followerPersonIds?: readonly number[];
}

/** How a person stands to a request: requester, handler, supervisor (any number of these). */
export function relationsTo(personId: number, held: readonly HeldRoleAt[], request: RequestParties): Relation[] {
  const relations: Relation[] = [];
  if (personId === request.requesterPersonId) relations.push('requester');
  else if (request.followerPersonIds?.includes(personId)) relations.push('follower');
  if (held.some((h) => h.unitId === request.handlerUnitId && HANDLER_ROLES.includes(h.role))) relations.push('handler');
  if (isInSpan(request.unitPath, spanOf(held.filter((h) => SUPERVISOR_ROLES.includes(h.role))))) relations.push('supervisor');
  return relations;
}
