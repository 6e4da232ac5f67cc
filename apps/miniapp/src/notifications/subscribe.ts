/**
 * Subscribe messages outside WeChat (H5): there is no WeChat to ask, so nothing is asked and
 * nothing is accepted. Messages still reach everyone in the message centre. The WeChat version is
 * `subscribe.weapp.ts` (Taro picks it in the weapp build); both export the same names.
 */

/** Whether this platform can ask for subscribe messages at all. */
export const SUBSCRIBE_SUPPORTED = false;

/** Asks the user for these templates; answers the ids they accepted. Here: none. */
export function requestSubscribe(_tmplIds: readonly string[]): Promise<string[]> {
  return Promise.resolve([]);
}
