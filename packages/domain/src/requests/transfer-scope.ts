/**
 * Where a matter may be transferred (转办). Within its town, by whoever supervises it. To another
 * town only by someone who dispatches for both towns (a county admin): that is how the city's
 * re-dispatch of a 12345 order from one town to another is recorded, since a town cannot import an
 * order another town holds (HOTLINE_ORDER_HELD_ELSEWHERE).
 */
import { isInSpan, pathIdAt } from '../access/spans';

/** Whether a matter whose unit is at `fromPath` may go to the unit at `toPath`; `dispatchSpan` is the actor's routing.manage span. */
export function mayTransferTo(dispatchSpan: readonly string[], fromPath: string, toPath: string): boolean {
  if (crossesTowns(fromPath, toPath)) return isInSpan(fromPath, dispatchSpan) && isInSpan(toPath, dispatchSpan);
  return true;
}

export function crossesTowns(fromPath: string, toPath: string): boolean {
  return pathIdAt(fromPath, 1) !== pathIdAt(toPath, 1);
}

/** The kinds of unit a matter can be transferred to (a home kind, a grid or a village, also becomes where it belongs). */
export const TRANSFER_TARGET_KINDS: readonly string[] = ['small_grid', 'village', 'department', 'hotline_office'];

/**
 * What a picker of one town's units offers (派单, the app's 转办): the transfer kinds but the hotline
 * office, which is a target only from another town (a county admin's re-dispatch of a 12345 order).
 */
export const IN_TOWN_TRANSFER_KINDS: readonly string[] = TRANSFER_TARGET_KINDS.filter((kind) => kind !== 'hotline_office');
