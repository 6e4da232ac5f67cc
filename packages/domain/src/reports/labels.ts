// Labels of the monthly ranking (红心榜 / 办理成绩晾晒), shared by the API's docs and the mini-program.
import type { UnitRates, UnitTally } from './rates';
import { shownScore, type BoardPlace } from './ranking';

/** The rates shown per unit, in the order the board lists them. */
export const RANKING_RATES = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate', 'rehandleRate'] as const;
export type RankingRate = (typeof RANKING_RATES)[number] & keyof UnitRates;

export const RATE_LABELS: Record<RankingRate, string> = {
  responseRate: '响应率',
  onTimeRate: '按时办结率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  rehandleRate: '重办率',
};

/** The counts behind a unit's rates (UnitTally without its hearts), each of which lists its requests (一数一查). */
export type RankingCount = Exclude<keyof UnitTally, 'hearts'>;

/** The counts in the order the board lists them, with their names on the board. */
export const RANKING_COUNT_LABELS: Record<RankingCount, string> = {
  received: '受理',
  contactedOnTime: '按时联系',
  contactPending: '未到联系时限',
  resolved: '已有结果',
  withdrawn: '群众撤回',
  closedOnTime: '按时办结',
  closedLate: '超时办结',
  openOverdue: '超期未办结',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  rehandled: '重办',
  patrolFound: '未诉先办',
  excluded: '确认不予受理',
};

/** The counts in that order: what the ranking counts per unit, and what can be listed (一数一查). */
export const RANKING_COUNTS = Object.keys(RANKING_COUNT_LABELS) as RankingCount[];

/** The levels a town's ranking is drawn up at (GET /api/public/reports/ranking `level`). */
export const RANKING_LEVELS = ['small_grid', 'large_grid', 'village', 'department'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

export const RANKING_LEVEL_LABELS: Record<RankingLevel, string> = {
  small_grid: '小网格',
  large_grid: '大网格',
  village: '村',
  department: '镇直部门',
};

/** What a rate without data (denominator 0) reads as: never 0 % or 100 %. */
export const NO_DATA_TEXT = '暂无数据';

/** A rate as a whole percentage ("100%", "66.7%"), or 暂无数据. */
export function rateText(rate: number | null): string {
  if (rate === null) return NO_DATA_TEXT;
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}

/** The composite (0–1) as a score out of 100, one decimal ("87.5"); "—" without data. */
export function compositeScoreText(composite: number | null): string {
  if (composite === null) return '—';
  return String(shownScore(composite));
}

/** A unit's place on the board: 第1名, 并列第2名, 件数不足，不排名 (its figures still shown), or 暂无数据. */
export function placeText(place: BoardPlace): string {
  if (place.unrankedReason === 'too_few') return '件数不足，不排名';
  if (place.rank === null) return NO_DATA_TEXT;
  return `${place.tied ? '并列' : ''}第${place.rank}名`;
}

/** The ranking rule in one line, for the board (minReceived from the ranking's answer). */
export function rankingRuleText(minReceived: number): string {
  return minReceived > 0 ? `受理不足${minReceived}件的单位不排名；得分相同的并列` : '得分相同的并列';
}

/** 环比 / 同比 as an arrow and a percentage ("↑12.5%", "↓3%", "→0%"); "—" without data. */
export function changeText(change: number | null): string {
  if (change === null) return '—';
  const percent = Math.round(Math.abs(change) * 1000) / 10;
  if (percent === 0) return '→0%';
  return `${change > 0 ? '↑' : '↓'}${percent}%`;
}
