/**
 * The town roster as town offices keep it: one sheet, one row per small grid, these columns in
 * this order. Import and export share this file, so an exported roster imports unchanged.
 */
export const ROSTER_COLUMNS = ['镇', '村', '大网格', '小网格', '巷长姓名', '巷长手机号', '副巷长姓名', '副巷长手机号'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** One data row of the sheet, cell texts as read (trimmed, not yet checked). */
export interface RosterRow {
  /** The row number as Excel shows it (the header is row 1). */
  row: number;
  town: string;
  village: string;
  largeGrid: string;
  smallGrid: string;
  leaderName: string;
  leaderPhone: string;
  deputyName: string;
  deputyPhone: string;
}

/** Which RosterRow field each column fills, in column order. */
export const COLUMN_FIELDS: readonly (readonly [RosterColumn, Exclude<keyof RosterRow, 'row'>])[] = [
  ['镇', 'town'],
  ['村', 'village'],
  ['大网格', 'largeGrid'],
  ['小网格', 'smallGrid'],
  ['巷长姓名', 'leaderName'],
  ['巷长手机号', 'leaderPhone'],
  ['副巷长姓名', 'deputyName'],
  ['副巷长手机号', 'deputyPhone'],
];

export { XLSX_CONTENT_TYPE } from '../common/xlsx-download';
export const ROSTER_SHEET_NAME = '网格花名册';

/** Upload limits (the messages of ROSTER_FILE_TOO_LARGE / ROSTER_TOO_MANY_ROWS quote them). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 5000;
/** What the zip's entries may declare once unpacked: a guard against a "zip bomb" posing as a roster. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Row errors kept on a rejected import; `errorCount` still tells how many there were. */
export const MAX_LISTED_ERRORS = 200;

export const PERSON_NAME_MAX = 32;
export const UNIT_NAME_MAX = 64;
