import { CellValue, Workbook } from 'exceljs';
import { AppError } from './app-error';
import type { ErrorCode } from './error-codes';

/** What an uploaded one-sheet .xlsx must look like, and the codes its failures are reported with. */
export interface SheetFormat {
  /** The header row, exactly (spaces ignored), from column A. */
  columns: readonly string[];
  maxRows: number;
  /** What the zip's entries may declare once unpacked: a guard against a "zip bomb". */
  maxUnpackedBytes: number;
  errors: { unreadable: ErrorCode; header: ErrorCode; tooLarge: ErrorCode; tooManyRows: ErrorCode; empty: ErrorCode };
}

export interface SheetRow {
  /** The row number as Excel shows it (the header is row 1). */
  row: number;
  cells: CellValue[];
}

/**
 * Reads an uploaded sheet: a real .xlsx (a zip whose entries do not unpack to absurd sizes), the
 * header row as the format says, and at most `maxRows` non-blank data rows. File-level problems
 * are AppErrors (the upload is refused); what the cells say is left to the caller's validator.
 */
export async function readSheet(buffer: Buffer, format: SheetFormat): Promise<SheetRow[]> {
  checkZip(buffer, format);
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (a Node Buffer works too, but does not type-check): a copy.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw new AppError(format.errors.unreadable, 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(format.errors.unreadable, 'file');
  const header = sheet.getRow(1);
  if (!format.columns.every((column, i) => cellText(header.getCell(i + 1).value).replace(/\s/g, '') === column))
    throw new AppError(format.errors.header, 'file');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = format.columns.map((_, i) => row.getCell(i + 1).value);
    if (cells.every((value) => cellText(value) === '')) return;
    if (rows.length >= format.maxRows) throw new AppError(format.errors.tooManyRows, 'file');
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw new AppError(format.errors.empty, 'file');
  return rows;
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
function checkZip(buffer: Buffer, options: SheetFormat): void {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL_HEADER) throw new AppError(options.errors.unreadable, 'file');
  const searchFrom = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let i = buffer.length - 22; i >= searchFrom; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new AppError(options.errors.unreadable, 'file');
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) throw new AppError(options.errors.unreadable, 'file');
    // 0xffffffff means a zip64 size: no sheet we take needs one.
    const size = buffer.readUInt32LE(offset + 24);
    unpacked += size;
    if (size === 0xffffffff || unpacked > options.maxUnpackedBytes) throw new AppError(options.errors.tooLarge, 'file');
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
}
