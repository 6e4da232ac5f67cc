import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorBody } from './app-error';
import { isDatabaseUnavailable, valueRejectedByDatabase } from './database-errors';
import { ErrorCode, httpStatusOf } from './error-codes';

/** Turns every thrown thing into `{code, message, field}` JSON; nothing leaves as a bare 500 page. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const error = this.toAppError(exception);
    if (error.code === ErrorCode.Internal) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    } else if (error.code === ErrorCode.DatabaseUnavailable) {
      this.logger.warn({ requestId: request.id, reason: String((exception as Error)?.message ?? exception) }, 'database unavailable');
    }
    if ((request as { log?: unknown }).log === undefined) {
      // Rejected before the request logger ran (e.g. by the body parser): still leave one line.
      this.logger.warn({ req: { id: request.id, method: request.method, url: request.originalUrl }, code: error.code }, 'request rejected');
    }
    sendError(response, error, request.id);
  }

  private toAppError(exception: unknown): AppError {
    if (exception instanceof AppError) return exception;
    const parserError = bodyParserError(exception);
    if (parserError) return parserError;
    if (isDatabaseUnavailable(exception)) return new AppError(ErrorCode.DatabaseUnavailable);
    const rejected = valueRejectedByDatabase(exception);
    if (rejected) {
      // Validation should have caught it: say which rule a DTO is missing.
      this.logger.warn({ field: rejected.field, reason: String((exception as Error)?.message ?? exception) }, 'value refused by the database');
      return new AppError(ErrorCode.ValidationFailed, rejected.field, `填写的内容有误：${rejected.field} ${rejected.problem}`);
    }
    if (exception instanceof HttpException) return fromHttpStatus(exception.getStatus());
    return new AppError(ErrorCode.Internal);
  }
}

/** Writes the one error body every failure gets: `{code, message, field?, rows?, requestId}`. */
export function sendError(response: Response, error: AppError, requestId: string | undefined): void {
  if (response.headersSent) return;
  const body: ErrorBody = { code: error.code, message: error.message, requestId };
  if (error.field) body.field = error.field;
  if (error.rows) body.rows = error.rows;
  response.status(httpStatusOf(error.code)).json(body);
}

/**
 * Express's body-parser reports its failures with a `type` (Nest wraps them in an
 * HttpException whose `cause` is the original); they are the client's fault.
 */
function bodyParserError(exception: unknown): AppError | undefined {
  const e = exception as { type?: unknown; cause?: { type?: unknown } } | undefined;
  const type = e?.type ?? e?.cause?.type;
  switch (type) {
    case 'entity.parse.failed':
    case 'entity.verify.failed':
      return new AppError(ErrorCode.BodyNotJson, 'body');
    case 'entity.too.large':
      return new AppError(ErrorCode.BodyTooLarge, 'body');
    case 'encoding.unsupported':
    case 'charset.unsupported':
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new AppError(ErrorCode.BodyNotJson, 'body');
    default:
      return undefined;
  }
}

function fromHttpStatus(status: number): AppError {
  if (status === 404) return new AppError(ErrorCode.NotFound);
  if (status === 405) return new AppError(ErrorCode.MethodNotAllowed);
  if (status === 413) return new AppError(ErrorCode.BodyTooLarge, 'body');
  if (status === 429) return new AppError(ErrorCode.TooManyRequests);
  if (status === 503) return new AppError(ErrorCode.DatabaseUnavailable);
  if (status >= 400 && status < 500) return new AppError(ErrorCode.ValidationFailed);
  return new AppError(ErrorCode.Internal);
}
