import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** A calendar month in China time, as instants [start, end). */
export interface Period {
  label: string;
  start: Date;
  end: Date;
}

/** `YYYY-MM` → the month in China time; `shift` months earlier (1: the month before, 12: a year before). */
export function monthPeriod(month: string, shift = 0, field = 'month'): Period {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new AppError(ErrorCode.ValidationFailed, field, '月份格式应为 2026-05');
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 - shift;
  const year = Math.floor(index / 12);
  const monthIndex = index % 12;
  const start = new Date(Date.UTC(year, monthIndex, 1) - CHINA_OFFSET_MS);
  const end = new Date(Date.UTC(year, monthIndex + 1, 1) - CHINA_OFFSET_MS);
  return { label: `${year}-${String(monthIndex + 1).padStart(2, '0')}`, start, end };
}
