import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';

/** WeChat's own error codes we act on (see the domain brief and WeChat's server API docs). */
export const WX_SYSTEM_BUSY = -1;
export const WX_INVALID_CREDENTIAL = 40001;
export const WX_INVALID_CODE = 40029;
/** Reported by WeChat for a code redeemed twice (besides 40029). */
export const WX_CODE_USED = 40163;
export const WX_MISSING_CODE = 41008;
export const WX_ACCESS_TOKEN_EXPIRED = 42001;
export const WX_RATE_LIMITED = 45011;
/** The API's daily quota is spent (getwxacodeunlimit among others). */
export const WX_DAILY_QUOTA = 45009;

/** Raised by WechatApiClient for a response carrying a non-zero errcode. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path} answered ${errcode} ${errmsg}`);
  }

  get isTokenRejected(): boolean {
    return this.errcode === WX_INVALID_CREDENTIAL || this.errcode === WX_ACCESS_TOKEN_EXPIRED;
  }
}

/** What a villager is told when WeChat says no. */
export function toAppError(error: unknown, field?: string): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof WechatApiError)) return new AppError(ErrorCode.WechatUnavailable);
  switch (error.errcode) {
    case WX_INVALID_CODE:
    case WX_CODE_USED:
    case WX_MISSING_CODE:
      return new AppError(ErrorCode.WechatCodeInvalid, field);
    case WX_RATE_LIMITED:
    case WX_DAILY_QUOTA:
      return new AppError(ErrorCode.WechatRateLimited);
    case WX_SYSTEM_BUSY:
      return new AppError(ErrorCode.WechatBusy);
    default:
      return new AppError(ErrorCode.WechatError);
  }
}
