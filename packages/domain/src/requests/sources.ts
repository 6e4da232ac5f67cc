import type { Capability } from '../access/capabilities';
import { HOME_UNIT_KINDS, type UnitKind } from '../grid/org';

/** Where a matter came from; the reports count them apart (未诉先办 above all). */
export const REQUEST_SOURCES = ['villager', 'patrol', 'hotline_12345', 'staff', 'proxy'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

/**
 * The forms a matter is entered through, one API operation each: a villager's own (submitRequest),
 * a patrol report (reportPatrolFinding), an entry for someone else (submitRequestOnBehalf) and the
 * city's 12345 orders (importHotlineOrders and its sheet).
 */
export const INTAKE_FORMS = ['own', 'patrol', 'on_behalf', 'city_order'] as const;
export type IntakeForm = (typeof INTAKE_FORMS)[number];

/**
 * Who the requester of a new matter is: the caller (signed in), the person with the phone number
 * entered (found, or added), or nobody (what a patrol found: the reporter stands in the requester
 * column, which every matter has).
 */
export type RequesterFrom = 'caller' | 'phone' | 'none';

/** Everything the way in decides about a matter from one source. */
export interface SourceRule {
  /** Shown to people (and in the reports). */
  label: string;
  form: IntakeForm;
  /** Kinds of unit a matter from this source may be entered into. */
  landsIn: readonly UnitKind[];
  /** Whose span that unit must be in: the capability's span of the one entering it; null: anywhere. */
  landsWithin: Capability | null;
  requester: RequesterFrom;
  /** The handler is picked by the category's route (a department); otherwise the unit it lands in handles it. */
  routedByCategory: boolean;
  /** May be accepted and resolved by the one entering it, in the same transaction (现场处置). */
  settlesOnSpot: boolean;
  /** Carries the city's order number, received time and deadline (办理时限). */
  cityDeadline: boolean;
  /**
   * Entering it is the first contact with the requester, when the one entering it handles the
   * matter and says how they reached them (the form's contactMethod): the intake records the accept
   * step with that method in the same transaction, so the matter never waits in 待联系 for the
   * person who just spoke to the requester. A matter routed to someone else (a department's
   * category) still waits for its handler's first contact.
   */
  entryIsFirstContact: boolean;
  /** Counts toward the one entering it's matters per hour (REQUEST_HOURLY_LIMIT_PER_PERSON). */
  hourlyLimited: boolean;
  /** Its texts go through the content check (a 12345 order's are the city's own, already taken down). */
  contentChecked: boolean;
}

/**
 * The one table of sources. Sources of one form share its retries (a clientRequestId is the
 * caller's for the form) and land alike: an entry for someone else becomes a staff call or 代办 by
 * the caller's role where it lands, so what the landing needs cannot wait for which one it is.
 *
 * On the hourly limit: a villager's own matters, and a grid leader's 代办 and patrol reports (typed
 * on one phone like a villager's; 代办 files matters in other people's names and patrol reports
 * raise the grid's own 未诉先办 count) count; calls entered by hotline staff and 12345 orders are
 * the office's work, whatever their number.
 */
export const REQUEST_SOURCE_RULES: Readonly<Record<RequestSource, SourceRule>> = {
  villager: {
    label: '群众反映',
    form: 'own',
    landsIn: HOME_UNIT_KINDS,
    landsWithin: null,
    requester: 'caller',
    routedByCategory: true,
    settlesOnSpot: false,
    cityDeadline: false,
    entryIsFirstContact: false,
    hourlyLimited: true,
    contentChecked: true,
  },
  patrol: {
    label: '未诉先办',
    form: 'patrol',
    landsIn: ['small_grid'],
    landsWithin: 'request.patrol',
    requester: 'none',
    routedByCategory: true,
    settlesOnSpot: true,
    cityDeadline: false,
    entryIsFirstContact: false,
    hourlyLimited: true,
    contentChecked: true,
  },
  hotline_12345: {
    label: '12345热线',
    form: 'city_order',
    // At the town's hotline office until it is dispatched to a grid or a department.
    landsIn: ['hotline_office'],
    landsWithin: 'hotline.orders',
    requester: 'phone',
    routedByCategory: false,
    settlesOnSpot: false,
    cityDeadline: true,
    // The city took the call: the town's handler still owes the caller the first contact.
    entryIsFirstContact: false,
    hourlyLimited: false,
    contentChecked: false,
  },
  staff: {
    label: '热线办代录',
    form: 'on_behalf',
    landsIn: HOME_UNIT_KINDS,
    landsWithin: 'request.proxy',
    requester: 'phone',
    routedByCategory: true,
    settlesOnSpot: false,
    cityDeadline: false,
    // The office took the call, but the grid or department that handles it has yet to reach the caller.
    entryIsFirstContact: false,
    hourlyLimited: false,
    contentChecked: true,
  },
  proxy: {
    label: '网格代办',
    form: 'on_behalf',
    landsIn: HOME_UNIT_KINDS,
    landsWithin: 'request.proxy',
    requester: 'phone',
    routedByCategory: true,
    settlesOnSpot: false,
    cityDeadline: false,
    // The grid leader entering it is with the villager (or on the phone): that is the first contact.
    entryIsFirstContact: true,
    hourlyLimited: true,
    contentChecked: true,
  },
};

export const REQUEST_SOURCE_LABELS = labels();

/** Sources counted toward the hourly limit of the one entering them. */
export const HOURLY_LIMITED_SOURCES: readonly RequestSource[] = REQUEST_SOURCES.filter((source) => REQUEST_SOURCE_RULES[source].hourlyLimited);

/** The sources entered through `form`, in table order: where a retry through that form is looked for. */
export function sourcesEnteredThrough(form: IntakeForm): RequestSource[] {
  return REQUEST_SOURCES.filter((source) => REQUEST_SOURCE_RULES[source].form === form);
}

function labels(): Record<RequestSource, string> {
  const out = {} as Record<RequestSource, string>;
  for (const source of REQUEST_SOURCES) out[source] = REQUEST_SOURCE_RULES[source].label;
  return out;
}

/**
 * Whether a matter from `source` has someone who raised it: a patrol finding (未诉先办) has none
 * (its reporter only stands in the requester column), so there is nobody to show or call.
 */
export function hasRequester(source: string): boolean {
  return REQUEST_SOURCE_RULES[source as RequestSource]?.requester !== 'none';
}
