import { CallHandler, ExecutionContext, HttpException, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';

/**
 * An interceptor to bind before FileInterceptor so the multipart parser's failures reach the
 * client as coded errors: a file over the limit is `tooLarge`; a malformed upload (wrong field
 * name, two files, a cut-off body) is VALIDATION_FAILED on `file` with `hint` saying what to send.
 */
export function UploadErrors(tooLarge: ErrorCode, hint: string): Type<NestInterceptor> {
  @Injectable()
  class UploadErrorsInterceptor implements NestInterceptor {
    intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next.handle().pipe(catchError((error: unknown) => throwError(() => uploadError(error))));
    }
  }
  function uploadError(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) return new AppError(tooLarge, 'file');
    // multer's own errors arrive as 400s that carry the multer/busboy error as their cause.
    if (error instanceof HttpException && error.getStatus() === 400 && error.cause) return new AppError(ErrorCode.ValidationFailed, 'file', `上传的内容不完整：${hint}`);
    return error;
  }
  return mixin(UploadErrorsInterceptor);
}
