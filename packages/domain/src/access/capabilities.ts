import type { Role } from '../grid/org';
import { HeldRole, spanOf } from './spans';

/**
 * What each role may do. A person holds roles in places, so a capability is granted per held
 * role, and its span is the union of the spans of the roles that grant it.
 */
export const CAPABILITY_ROLES = {
  /** See the roster of grids and their leaders (names shown, phones masked). */
  'roster.view': ['grid_leader', 'deputy_grid_leader', 'large_grid_head', 'village_secretary', 'hotline_staff', 'town_leader', 'county_admin'],
  /** Import and export a town's roster. */
  'roster.manage': ['hotline_staff', 'town_leader', 'county_admin'],
  /** Bind a village WeChat group to a village or small grid. */
  'group.bind': ['grid_leader', 'deputy_grid_leader', 'large_grid_head', 'village_secretary', 'hotline_staff', 'town_leader', 'county_admin'],
  /** See and work on requests within the span (handling or supervising them). */
  'request.view': [
    'grid_leader',
    'deputy_grid_leader',
    'large_grid_head',
    'village_secretary',
    'department_handler',
    'hotline_staff',
    'town_leader',
    'county_admin',
  ],
  /** Report what a patrol found (未诉先办) in a grid within the span. */
  'request.patrol': ['grid_leader', 'deputy_grid_leader'],
  /** Enter a matter for someone else: a grid leader for an elderly villager (代办), hotline staff for a caller. */
  'request.proxy': ['grid_leader', 'deputy_grid_leader', 'village_secretary', 'hotline_staff'],
  /** Import the city's 12345 work orders and export the replies to them. */
  'hotline.orders': ['hotline_staff', 'town_leader', 'county_admin'],
  /** Dispatch (派单): route categories to departments, see what waits for dispatch, transfer. */
  'routing.manage': ['hotline_staff', 'town_leader', 'county_admin'],
  /** The town's bulletins and dispatch sheets (三个一), which name units and open matters. */
  'reports.view': ['hotline_staff', 'town_leader', 'county_admin'],
  /** 评价核实: per unit, in-app verdicts against what the sampled return visits heard; the flags are for the town's leaders, never on the public board. */
  'reports.ratingAgreement': ['town_leader', 'county_admin'],
  /** Look back at (回看), close and send back results within the span: the supervisors of requests. */
  'request.lookBack': ['hotline_staff', 'large_grid_head', 'town_leader', 'county_admin'],
  /** See a person's full phone number (logged every time). */
  'phone.viewFull': ['grid_leader', 'deputy_grid_leader', 'large_grid_head', 'village_secretary', 'hotline_staff', 'town_leader', 'county_admin'],
  /**
   * Read the audit of full-number views (who saw whose number, when, for which matter) and export
   * it: a view is in the span when its viewer or the person whose number it was belongs there.
   */
  'phone.auditViews': ['town_leader', 'county_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITY_ROLES;

export function grants(role: Role, capability: Capability): boolean {
  return (CAPABILITY_ROLES[capability] as readonly Role[]).includes(role);
}

/**
 * Whether a role named in an answer (a string off the wire: an unknown one grants nothing) gives
 * `capability`; the apps ask this of the roles GET /api/me lists.
 */
export function roleNameGrants(role: string, capability: Capability): boolean {
  return (CAPABILITY_ROLES[capability] as readonly string[]).includes(role);
}

/** The span in which `held` roles give `capability`; empty when none of them grants it. */
export function capabilitySpan(held: readonly HeldRole[], capability: Capability): string[] {
  return spanOf(held.filter((h) => grants(h.role, capability)));
}
