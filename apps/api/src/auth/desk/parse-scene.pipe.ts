import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';

/** A ticket's scene as the mini-program passes it: 1–32 of WeChat's scene characters (ours are base64url). */
@Injectable()
export class ParseScenePipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(value)) throw new AppError(ErrorCode.ValidationFailed, metadata.data ?? 'scene', '二维码无法识别，请重新扫码');
    return value;
  }
}
