import { ERROR_MESSAGES, ErrorCode } from './error-codes';

/** A failure the client can act on. Thrown by services; turned into HTTP only by AppErrorFilter. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message);
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  requestId?: string;
}
