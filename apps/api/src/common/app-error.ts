import { ERROR_MESSAGES, ErrorCode } from './error-codes';

/** A failure the client can act on. Thrown by services; turned into HTTP only by AppErrorFilter. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    message: string = ERROR_MESSAGES[code],
    /** A refused file: every wrong cell, for a table of them (the message names the first few). */
    readonly rows?: readonly RowProblem[],
  ) {
    super(message);
  }
}

/** One wrong cell of an uploaded sheet: its row number as the sheet shows it, its column's header, and what is wrong (Chinese). */
export interface RowProblem {
  row: number;
  column: string;
  problem: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  rows?: readonly RowProblem[];
  requestId?: string;
}
