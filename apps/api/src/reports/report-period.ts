import { chinaMonthRange } from '@gridloop/domain';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';

/** A calendar month in China time, as instants [start, end). */
export interface Period {
  label: string;
  start: Date;
  end: Date;
}

/** `YYYY-MM` → the month in China time; `shift` months earlier (1: the month before, 12: a year before). */
export function monthPeriod(month: string, shift = 0, field = 'month'): Period {
  try {
    return chinaMonthRange(month, shift);
  } catch {
    throw new AppError(ErrorCode.ValidationFailed, field, '月份格式应为 2026-05');
  }
}
