import { Workbook } from 'exceljs';
import { ErrorCode } from '../common/error-codes';
import { cellText, readSheet } from '../common/xlsx-sheet';
import { COLUMN_FIELDS, MAX_DATA_ROWS, MAX_UNPACKED_BYTES, ROSTER_COLUMNS, ROSTER_SHEET_NAME, RosterRow } from './roster-format';

/** One small grid of a town as the export writes it (and as an import would read it back). */
export interface RosterSheetRow {
  town: string;
  village: string;
  largeGrid: string;
  smallGrid: string;
  leader: { name: string; phone: string } | null;
  deputy: { name: string; phone: string } | null;
}

/**
 * Reads an uploaded roster: a real .xlsx (a zip whose entries do not unpack to absurd sizes), the
 * header row exactly as the format says, and at most MAX_DATA_ROWS non-blank data rows.
 * File-level problems are AppErrors (the upload is refused); cell-level ones are left to the
 * validator, which reports every row.
 */
export async function readRosterWorkbook(buffer: Buffer): Promise<RosterRow[]> {
  const sheet = await readSheet(buffer, {
    columns: ROSTER_COLUMNS,
    maxRows: MAX_DATA_ROWS,
    maxUnpackedBytes: MAX_UNPACKED_BYTES,
    errors: {
      unreadable: ErrorCode.RosterFileUnreadable,
      header: ErrorCode.RosterHeaderInvalid,
      tooLarge: ErrorCode.RosterFileTooLarge,
      tooManyRows: ErrorCode.RosterTooManyRows,
      empty: ErrorCode.RosterEmpty,
    },
  });
  return sheet.map(({ row, cells }) => {
    const parsed: RosterRow = { row, town: '', village: '', largeGrid: '', smallGrid: '', leaderName: '', leaderPhone: '', deputyName: '', deputyPhone: '' };
    COLUMN_FIELDS.forEach(([, field], i) => (parsed[field] = cellText(cells[i] ?? null)));
    return parsed;
  });
}

/** The roster as the town office's .xlsx: the import format exactly, phones as text. */
export async function writeRosterWorkbook(rows: readonly RosterSheetRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '网格通';
  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [10, 14, 18, 20, 12, 16, 12, 16];
  sheet.columns = ROSTER_COLUMNS.map((header, i) => ({
    header,
    width: widths[i],
    // Phone numbers are text: as numbers Excel would show 1.38E+10 and drop nothing, but look wrong.
    style: header.endsWith('手机号') ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow([
      row.town,
      row.village,
      row.largeGrid,
      row.smallGrid,
      row.leader?.name ?? '',
      row.leader?.phone ?? '',
      row.deputy?.name ?? '',
      row.deputy?.phone ?? '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
