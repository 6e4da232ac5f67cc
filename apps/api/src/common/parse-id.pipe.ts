import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';

/** Ids are INT columns: 1 … 2^31 − 1. */
const MAX_ID = 2_147_483_647;

/**
 * A path id (`/requests/:requestId`): a positive whole number that fits an INT column, or
 * VALIDATION_FAILED naming the parameter (Nest's ParseIntPipe names no field and takes "-1").
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!(id <= MAX_ID)) throw new AppError(ErrorCode.ValidationFailed, metadata.data ?? 'id', '编号应当是正整数');
    return id;
  }
}
