import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Wraps the multipart parser (FileInterceptor, bound after this one) so its failures reach the
 * client as coded errors: a file over PHOTO_MAX_BYTES is PHOTO_TOO_LARGE (413), naming the limit;
 * a malformed upload (another field name, a text field, two files, a cut-off body) is
 * VALIDATION_FAILED on `file`.
 */
@Injectable()
export class PhotoUploadErrors implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.uploadError(error))));
  }

  private uploadError(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) {
      return new AppError(ErrorCode.PhotoTooLarge, 'file', `照片太大了，每张不能超过 ${megabytes(this.config.photos.maxBytes)}，请压缩后再上传`);
    }
    // multer's own errors arrive as 400s that carry the multer/busboy error as their cause.
    if (error instanceof HttpException && error.getStatus() === 400 && error.cause) {
      return new AppError(ErrorCode.ValidationFailed, 'file', '上传的内容不完整：请在 file 字段上传一张照片（不带其他字段）');
    }
    return error;
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}
