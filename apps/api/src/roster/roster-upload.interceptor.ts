import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';

/**
 * Wraps the multipart parser (FileInterceptor, bound after this one) so its failures reach the
 * client as the roster's own codes: a file over the limit is ROSTER_FILE_TOO_LARGE, a malformed
 * upload (wrong field name, two files, a cut-off body) is VALIDATION_FAILED on `file`.
 */
@Injectable()
export class RosterUploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => uploadError(error))));
  }
}

function uploadError(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) return new AppError(ErrorCode.RosterFileTooLarge, 'file');
  // multer's own errors arrive as 400s that carry the multer/busboy error as their cause.
  if (error instanceof HttpException && error.getStatus() === 400 && error.cause) {
    return new AppError(ErrorCode.ValidationFailed, 'file', '上传的内容不完整：请在 file 字段上传一个 .xlsx 文件');
  }
  return error;
}
