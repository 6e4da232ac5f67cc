import { CellValue, Workbook, Worksheet } from 'exceljs';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import {
  COLUMN_FIELDS,
  MAX_DATA_ROWS,
  MAX_UNPACKED_BYTES,
  ROSTER_COLUMNS,
  ROSTER_SHEET_NAME,
  RosterRow,
} from './roster-format';

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
  checkZip(buffer);
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (a Node Buffer works too, but does not type-check): a copy.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw new AppError(ErrorCode.RosterFileUnreadable, 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(ErrorCode.RosterFileUnreadable, 'file');
  checkHeader(sheet);
  const rows: RosterRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts = COLUMN_FIELDS.map((_, i) => cellText(row.getCell(i + 1).value));
    if (texts.every((text) => text === '')) return;
    if (rows.length >= MAX_DATA_ROWS) throw new AppError(ErrorCode.RosterTooManyRows, 'file');
    const parsed: RosterRow = { row: rowNumber, town: '', village: '', largeGrid: '', smallGrid: '', leaderName: '', leaderPhone: '', deputyName: '', deputyPhone: '' };
    COLUMN_FIELDS.forEach(([, field], i) => (parsed[field] = texts[i] ?? ''));
    rows.push(parsed);
  });
  if (rows.length === 0) throw new AppError(ErrorCode.RosterEmpty, 'file');
  return rows;
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

function checkHeader(sheet: Worksheet): void {
  const header = sheet.getRow(1);
  const matches = ROSTER_COLUMNS.every((column, i) => cellText(header.getCell(i + 1).value).replace(/\s/g, '') === column);
  if (!matches) throw new AppError(ErrorCode.RosterHeaderInvalid, 'file');
}

/**
 * What a person sees in a cell, as text: numbers (phones typed as numbers) without exponent,
 * rich text joined, formulas by their result, hyperlinks by their text. Trimmed, including
 * full-width spaces.
 */
export function cellText(value: CellValue): string {
  return rawText(value).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

function rawText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return rawText((value as { result?: CellValue }).result ?? null);
  if ('text' in value) return rawText(value.text as CellValue);
  return '';
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * An .xlsx is a zip: it starts with a local file header. Before unpacking it in memory, the
 * sizes its central directory declares are added up, so a small upload cannot claim gigabytes.
 * (exceljs would also fail on a lying zip, but only after inflating it.)
 */
function checkZip(buffer: Buffer): void {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL_HEADER) throw new AppError(ErrorCode.RosterFileUnreadable, 'file');
  const searchFrom = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let i = buffer.length - 22; i >= searchFrom; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new AppError(ErrorCode.RosterFileUnreadable, 'file');
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) throw new AppError(ErrorCode.RosterFileUnreadable, 'file');
    // 0xffffffff means a zip64 size: no roster needs one.
    const size = buffer.readUInt32LE(offset + 24);
    unpacked += size;
    if (size === 0xffffffff || unpacked > MAX_UNPACKED_BYTES) throw new AppError(ErrorCode.RosterFileTooLarge, 'file');
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
}
