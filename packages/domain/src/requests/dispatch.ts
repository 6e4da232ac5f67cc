/**
 * 派单: when a matter waits for the dispatchers (the hotline office's 派单 queue), and which
 * dispatch steps its page offers. Pure; the API's request view and dispatch queue say the same.
 */

/** What the rule reads of a matter: the kind of unit holding it, and whether its handler asked to hand it on. */
export interface DispatchFacts {
  handlerUnitKind: string;
  transferRequested: boolean;
}

/** The kind of unit whose matters wait for dispatch: the town's hotline office. */
export const DISPATCHING_UNIT_KIND = 'hotline_office';

/**
 * It waits for dispatch: held by a hotline office (a 12345 order not yet sent on), or its handler
 * asked to transfer it (申请转办). The dispatch queue's SQL reads the same two facts.
 */
export function awaitsDispatch(matter: DispatchFacts): boolean {
  return matter.handlerUnitKind === DISPATCHING_UNIT_KIND || matter.transferRequested;
}

/**
 * Whether the page offers a dispatch step the workflow allows: 转办 only while the matter waits
 * for dispatch (once dispatched it is the new handler's, and the page says who holds it), and
 * 不同意转办 only on a handler's pending request, 退单 only away from the dispatchers. Any other action: yes.
 */
export function dispatchStepOffered(action: string, matter: DispatchFacts): boolean {
  if (action === 'transfer') return awaitsDispatch(matter);
  if (action === 'declineTransfer') return matter.transferRequested;
  // 退单 goes back to dispatch: nothing to return while the dispatchers hold it.
  if (action === 'returnToDispatch') return matter.handlerUnitKind !== DISPATCHING_UNIT_KIND;
  return true;
}
