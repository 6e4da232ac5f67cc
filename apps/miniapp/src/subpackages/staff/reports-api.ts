import { chinaDayNumberOf, formatDayNumber, parseDayString, weekdayOf } from '@gridloop/domain/dist/calendar/china-time';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components, operations } from '../../api/schema';
import { reportAreas } from '../../auth/roles';
import type { Me, UnitRef } from '../../auth/session-store';
import { townOf } from '../../requests/units';

export type DailyBulletin = components['schemas']['DailyBulletinDto'];
export type WeeklyDispatch = components['schemas']['WeeklyDispatchDto'];
export type DispatchUnit = components['schemas']['DispatchUnitDto'];

/** getDailyBulletin (reports.view): one China day of a town. */
export function dailyBulletin(townId: number, day: string): Promise<DailyBulletin> {
  return unwrap(api.GET('/api/reports/daily', { params: { query: { townId, day } } }));
}

export type BulletinFigure = operations['listBulletinRequests']['parameters']['query']['figure'];
export type ReportRequests = components['schemas']['ReportRequestsDto'];

/** listBulletinRequests (reports.view): the requests behind one figure of a day's bulletin (一数一查); a by-line (bySource, …) names its `key`. */
export function bulletinRequests(townId: number, day: string, figure: BulletinFigure, key?: string): Promise<ReportRequests> {
  return unwrap(api.GET('/api/reports/daily/requests', { params: { query: { townId, day, figure, ...(key === undefined ? {} : { key }) } } }));
}

/** getWeeklyDispatch (reports.view): the town's open matters now, by the unit holding each. */
export function weeklyDispatch(townId: number): Promise<WeeklyDispatch> {
  return unwrap(api.GET('/api/reports/weekly-dispatch', { params: { query: { townId } } }));
}

/**
 * The towns whose reports this person reads: a town leader's town, the town of the hotline office,
 * every town for a county role. Distinct, in the order of the roles.
 */
export async function reportTowns(me: Me): Promise<UnitRef[]> {
  const towns: UnitRef[] = [];
  const add = (town: UnitRef) => {
    if (!towns.some((t) => t.id === town.id)) towns.push(town);
  };
  for (const unit of reportAreas(me)) {
    if (unit.kind === 'county') {
      const all = await unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } }));
      all.forEach((town) => add({ id: town.id, name: town.name, kind: 'town' }));
    } else {
      add(await townOf(unit));
    }
  }
  return towns;
}

/** Yesterday in China (YYYY-MM-DD): the bulletin's default day, the last whole one. */
export function yesterdayInChina(now: Date): string {
  return formatDayNumber(chinaDayNumberOf(now) - 1);
}

export function todayInChina(now: Date): string {
  return formatDayNumber(chinaDayNumberOf(now));
}

/** The day `by` days after `day` (negative: before). */
export function dayAfter(day: string, by: number): string {
  return formatDayNumber(parseDayString(day) + by);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026-11-24 → 2026年11月24日 星期二 */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日 星期${WEEKDAYS[weekdayOf(parseDayString(day))]}`;
}
