import Taro from '@tarojs/taro';

/**
 * Subscribe messages in WeChat: `wx.requestSubscribeMessage` shows WeChat's own "allow" sheet
 * for up to 5 templates. WeChat only shows it when called from a tap, so call this synchronously
 * inside the tap handler (the template ids must already be loaded). The H5 version is
 * `subscribe.ts`.
 */

export const SUBSCRIBE_SUPPORTED = true;

/** WeChat's limit of template ids per call. */
const MAX_PER_CALL = 5;

/** Asks the user for these templates; answers the ids whose result is 'accept' (never rejects). */
export function requestSubscribe(tmplIds: readonly string[]): Promise<string[]> {
  const ids = tmplIds.slice(0, MAX_PER_CALL);
  if (ids.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    Taro.requestSubscribeMessage({
      tmplIds: ids,
      success: (result: Taro.requestSubscribeMessage.SuccessCallbackResult) => {
        const answers = result as unknown as Record<string, string>;
        resolve(ids.filter((id) => answers[id] === 'accept'));
      },
      // Refused, closed, or the user turned subscribe messages off in settings: nothing accepted.
      fail: () => resolve([]),
      // Taro's typings also demand Alipay's entityIds; WeChat takes tmplIds only.
    } as unknown as Taro.requestSubscribeMessage.Option);
  });
}
