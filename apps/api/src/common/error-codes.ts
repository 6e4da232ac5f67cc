/**
 * Stable error codes, published in the OpenAPI document for clients to branch on.
 * Each has the Chinese message a villager reads; `field` says which input was wrong.
 */
export enum ErrorCode {
  BodyNotJson = 'BODY_NOT_JSON',
  BodyTooLarge = 'BODY_TOO_LARGE',
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.BodyNotJson]: '提交的内容格式不对，请刷新后重试',
  [ErrorCode.BodyTooLarge]: '提交的内容太大，请删减后重试',
  [ErrorCode.ValidationFailed]: '填写的内容有误，请检查后重试',
  [ErrorCode.NotFound]: '没有找到您要的内容',
  [ErrorCode.MethodNotAllowed]: '不支持这个操作',
  [ErrorCode.TooManyRequests]: '操作太频繁，请稍后再试',
  [ErrorCode.DatabaseUnavailable]: '系统正在维护，请稍后再试',
  [ErrorCode.Internal]: '系统出了点问题，请稍后再试',
};

/** The one place codes meet HTTP. The switch is exhaustive: a new code without a status fails to compile. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BodyNotJson:
    case ErrorCode.ValidationFailed:
      return 400;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.MethodNotAllowed:
      return 405;
    case ErrorCode.BodyTooLarge:
      return 413;
    case ErrorCode.TooManyRequests:
      return 429;
    case ErrorCode.DatabaseUnavailable:
      return 503;
    case ErrorCode.Internal:
      return 500;
  }
}
