import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';

/**
 * An interceptor to bind before FileInterceptor so the multipart parser's failures reach the
 * client as coded errors: a file over the limit is `tooLarge` (with `tooLargeMessage` when the
 * limit is a setting, so the message can name it); a malformed upload (wrong field name, two
 * files, a cut-off body) is VALIDATION_FAILED on `file` with `hint` saying what to send.
 */
export function UploadErrors(tooLarge: ErrorCode, hint: string, tooLargeMessage?: (config: AppConfig) => string): Type<NestInterceptor> {
  @Injectable()
  class UploadErrorsInterceptor implements NestInterceptor {
    constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

    intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next.handle().pipe(catchError((error: unknown) => throwError(() => this.uploadError(error))));
    }

    private uploadError(error: unknown): unknown {
      if (error instanceof PayloadTooLargeException) return new AppError(tooLarge, 'file', tooLargeMessage?.(this.config));
      // multer's own errors arrive as 400s that carry the multer/busboy error as their cause.
      if (error instanceof HttpException && error.getStatus() === 400 && error.cause)
        return new AppError(ErrorCode.ValidationFailed, 'file', `上传的内容不完整：${hint}`);
      return error;
    }
  }
  return mixin(UploadErrorsInterceptor);
}

/** "5 MB", "1.5 MB", "300 KB": a size limit as a villager reads it. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}
