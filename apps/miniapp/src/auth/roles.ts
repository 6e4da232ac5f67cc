// Deep imports: the package index also pulls in the holiday calendar, which the app does not need.
import { roleNameGrants, type Capability } from '@gridloop/domain/dist/access/capabilities';
import { ROLES } from '@gridloop/domain/dist/grid/org';
import { HANDLER_ROLES } from '@gridloop/domain/dist/requests/request-people';
import type { Me } from './session-store';

/** Order in which roles are listed: the domain's order, villager first, county admin last. */
export function roleRank(role: string): number {
  const i = (ROLES as readonly string[]).indexOf(role);
  return i === -1 ? ROLES.length : i;
}

/** Whether any role this person holds lets them bind a village group (grid leaders, staff, …). */
export function canBindGroups(me: Me): boolean {
  return me.roles.some((held) => roleNameGrants(held.role, 'group.bind'));
}

/** Whether this person handles matters somewhere (网格巷长, 副巷长, 村支部书记, 部门承办人, 热线办): 待办. */
export function canHandleRequests(me: Me): boolean {
  return me.roles.some((held) => (HANDLER_ROLES as readonly string[]).includes(held.role));
}

/** Whether this person looks back at results (热线办, 大网格总支负责人, 镇领导, 县级管理员): 回看. */
export function canLookBack(me: Me): boolean {
  return me.roles.some((held) => roleNameGrants(held.role, 'request.lookBack'));
}

type HeldUnit = Me['roles'][number]['unit'];

/** The distinct units of the roles this person holds that grant `capability`. */
function unitsGranting(me: Me, capability: Capability): HeldUnit[] {
  const seen = new Set<number>();
  return me.roles
    .filter((held) => roleNameGrants(held.role, capability))
    .map((held) => held.unit)
    .filter((unit) => (seen.has(unit.id) ? false : (seen.add(unit.id), true)));
}

/** 未诉先办 (网格巷长, 副巷长): the small grids they patrol. */
export function patrolGrids(me: Me): HeldUnit[] {
  return unitsGranting(me, 'request.patrol').filter((unit) => unit.kind === 'small_grid');
}

export function canPatrol(me: Me): boolean {
  return patrolGrids(me).length > 0;
}

/** 代办 (网格巷长, 副巷长, 村支部书记, 热线办): the units whose matters they may enter for a villager. */
export function proxyAreas(me: Me): HeldUnit[] {
  return unitsGranting(me, 'request.proxy');
}

export function canEnterOnBehalf(me: Me): boolean {
  return proxyAreas(me).length > 0;
}

/** 派单 (热线办, 镇领导, 县级管理员): the towns whose dispatch queue they work. */
export function dispatchAreas(me: Me): HeldUnit[] {
  return unitsGranting(me, 'routing.manage');
}

export function canDispatch(me: Me): boolean {
  return dispatchAreas(me).length > 0;
}

/** 日报 and 周调度 (热线办, 镇领导, 县级管理员): the units whose town reports they read. */
export function reportAreas(me: Me): HeldUnit[] {
  return unitsGranting(me, 'reports.view');
}

export function canViewReports(me: Me): boolean {
  return reportAreas(me).length > 0;
}
