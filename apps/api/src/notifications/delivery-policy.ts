import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { WechatUnreachableError } from '../wechat/wechat-api.client';
import { WechatApiError } from '../wechat/wechat-errors';

/** WeChat's "user refused or used up the subscription". */
export const WX_SUBSCRIBE_REFUSED = 43101;
/** Quota errors that pass: daily call quota, per-minute rate limit. */
const WX_TRANSIENT = new Set([-1, 45009, 45011]);

/** The longest wait between two tries of one message. */
export const MAX_RETRY_DELAY_SECONDS = 3600;

/**
 * What to do after a failed send:
 * - retry: WeChat did not take the message (unreachable, timeout, HTTP 5xx, -1 busy, a quota, or
 *   a token still refused after the one refresh) — try later, the grant is given back;
 * - refused: 43101, the user has no grant left on WeChat's side — in the app only, grant zeroed;
 * - permanent: WeChat refused the message itself (47003 bad data, 40037 bad template, 40003 bad
 *   openid, …) — trying again cannot help; failed with the reason, the grant given back.
 */
export type SendFailure = { action: 'retry' | 'refused' | 'permanent'; reason: string };

export function classifySendFailure(error: unknown): SendFailure {
  if (error instanceof WechatApiError) {
    const reason = `WeChat ${error.errcode} ${error.errmsg}`.trim();
    if (error.errcode === WX_SUBSCRIBE_REFUSED) return { action: 'refused', reason };
    if (WX_TRANSIENT.has(error.errcode) || error.isTokenRejected) return { action: 'retry', reason };
    return { action: 'permanent', reason };
  }
  if (error instanceof WechatUnreachableError) return { action: 'retry', reason: `WeChat unreachable: ${error.reason}` };
  if (error instanceof AppError && error.code === ErrorCode.WechatNotConfigured)
    return { action: 'permanent', reason: 'WeChat is not configured (WECHAT_APPID, WECHAT_SECRET)' };
  // Anything else (a token reply without a token, the database for the token cache): not the message's fault.
  return { action: 'retry', reason: `error before the send: ${String((error as Error)?.message ?? error)}` };
}

/** Seconds before the next try after `attempts` failed ones: base, 2×base, 4×base, … at most an hour. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(MAX_RETRY_DELAY_SECONDS, baseSeconds * 2 ** exponent);
}
