import { chinaDayOf, chinaDayRange, REQUEST_SOURCES, type RequestSource } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { requestsWithin } from './requests-within';
import { rawDate } from '../../common/raw-date';

export const INTAKE_DAYS = 30;
const MS_PER_DAY = 24 * 3600_000;

/** Matters received a day, by source, over the last INTAKE_DAYS China calendar days (today the last). */
export interface IntakeByDay {
  days: string[];
  series: { source: RequestSource; counts: number[] }[];
}

/**
 * The desk console's 30-day intake chart. A day is a China calendar day (as in 工作台’s counts),
 * the last one today; a matter counts on the day it arrived (createdAt; a 12345 order when it was
 * imported), within `span` (its place or its handler in it, as in the lists). Every source has a
 * series, in the sources table's order, zeros included, so the chart's legend does not move.
 */
export async function intakeByDay(dataSource: DataSource, span: readonly string[], now: Date): Promise<IntakeByDay> {
  const end = chinaDayRange(chinaDayOf(now)).end.getTime();
  const start = end - INTAKE_DAYS * MS_PER_DAY;
  const rows: { source: string; createdAt: Date | string }[] = await requestsWithin(dataSource, span)
    .select(['r.source AS source', 'r.createdAt AS createdAt'])
    .andWhere('r.createdAt >= :start AND r.createdAt < :end', { start: new Date(start), end: new Date(end) })
    .getRawMany();
  const counts = new Map(REQUEST_SOURCES.map((source) => [source as string, new Array<number>(INTAKE_DAYS).fill(0)]));
  for (const row of rows) {
    // China has one fixed offset, so a day is MS_PER_DAY long and the index is plain arithmetic.
    const index = Math.floor((rawDate(row.createdAt).getTime() - start) / MS_PER_DAY);
    const line = counts.get(row.source);
    if (line && index >= 0 && index < INTAKE_DAYS) line[index] = (line[index] ?? 0) + 1;
  }
  return {
    days: Array.from({ length: INTAKE_DAYS }, (_, i) => chinaDayOf(new Date(start + i * MS_PER_DAY))),
    series: REQUEST_SOURCES.map((source) => ({ source, counts: counts.get(source)! })),
  };
}
