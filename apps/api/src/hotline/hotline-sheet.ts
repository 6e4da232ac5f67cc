import { categoryFromText, chinaDayOf, chinaMinuteOfDay, REQUEST_CATEGORY_LABELS } from '@gridloop/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CellValue, Workbook } from 'exceljs';
import { AppError, type RowProblem } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { cellText, readSheet } from '../common/xlsx-sheet';
import { HotlineOrderDto, HotlineReplyDto, MAX_ORDERS_PER_IMPORT } from './hotline.dto';

/** The hotline office's sheet of 12345 orders, as the city platform's export is usually laid out. */
export const HOTLINE_COLUMNS = ['工单编号', '受理时间', '来电人', '来电号码', '诉求类别', '诉求内容', '办理时限', '是否保密'] as const;
const FIELDS: Record<string, (typeof HOTLINE_COLUMNS)[number]> = {
  orderNo: '工单编号',
  receivedAt: '受理时间',
  callerName: '来电人',
  callerPhone: '来电号码',
  category: '诉求类别',
  content: '诉求内容',
  cityDueAt: '办理时限',
  confidential: '是否保密',
};
export const MAX_HOTLINE_UPLOAD_BYTES = 5 * 1024 * 1024;
const LISTED_ERRORS = 10;

/**
 * The orders of an uploaded sheet, every row checked by the same rules as the JSON import. Any
 * bad row refuses the whole file, naming the rows and columns (the first ten), so a half-imported
 * day cannot happen.
 */
export async function readHotlineSheet(buffer: Buffer): Promise<HotlineOrderDto[]> {
  const rows = await readSheet(buffer, {
    columns: HOTLINE_COLUMNS,
    maxRows: MAX_ORDERS_PER_IMPORT,
    maxUnpackedBytes: 64 * 1024 * 1024,
    errors: {
      unreadable: ErrorCode.HotlineFileUnreadable,
      header: ErrorCode.HotlineHeaderInvalid,
      tooLarge: ErrorCode.HotlineFileTooLarge,
      tooManyRows: ErrorCode.HotlineTooManyRows,
      empty: ErrorCode.HotlineFileEmpty,
    },
  });
  const problems: RowProblem[] = [];
  const orders = rows.map(({ row, cells }) => {
    const [orderNo, receivedAt, callerName, callerPhone, category, content, cityDueAt, confidential] = cells;
    const categoryText = cellText(category ?? null);
    const order = plainToInstance(HotlineOrderDto, {
      orderNo: cellText(orderNo ?? null),
      receivedAt: chinaTime(receivedAt ?? null),
      callerName: cellText(callerName ?? null),
      callerPhone: cellText(callerPhone ?? null).replace(/[\s-]/g, ''),
      category: categoryText === '' ? undefined : (categoryFromText(categoryText) ?? categoryText),
      content: cellText(content ?? null),
      cityDueAt: chinaTime(cityDueAt ?? null),
      confidential: ['是', '保密'].includes(cellText(confidential ?? null)),
    });
    for (const error of validateSync(order, { forbidUnknownValues: true }))
      problems.push({ row, column: FIELDS[error.property] ?? error.property, problem: describe(error) });
    return order;
  });
  if (problems.length > 0) {
    const more = problems.length > LISTED_ERRORS ? `；另有${problems.length - LISTED_ERRORS}处` : '';
    const listed = problems.slice(0, LISTED_ERRORS).map((p) => `第${p.row}行“${p.column}”${p.problem}`);
    throw new AppError(ErrorCode.HotlineFileInvalid, 'file', `表格里有${problems.length}处填写错误：${listed.join('；')}${more}`, problems);
  }
  return orders;
}

function describe(error: ValidationError): string {
  const failed = Object.keys(error.constraints ?? {});
  if (failed.includes('isNotEmpty')) return '不能为空';
  if (error.property === 'callerPhone') return '不是有效的手机号';
  if (error.property === 'receivedAt' || error.property === 'cityDueAt') return '不是有效的时间（如 2026-11-25 09:30）';
  if (error.property === 'category') return `不是可选的类别（${Object.values(REQUEST_CATEGORY_LABELS).join('、')}）`;
  if (error.property === 'orderNo') return '应为4到40位字母、数字或短横线';
  if (failed.includes('maxLength')) return '太长了';
  return '填写有误';
}

/**
 * A time cell as ISO 8601 in China time. Excel keeps wall-clock times without a zone (exceljs
 * reads them as if UTC); text like "2026-11-25 09:30" is China time too.
 */
function chinaTime(value: CellValue): string {
  if (value instanceof Date) return `${value.toISOString().slice(0, 19)}+08:00`;
  const text = cellText(value);
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) return text; // an ISO string with its own offset, or garbage for the validator to name
  const [, y, mo, d, h = '23', mi = '59', s = '00'] = match;
  const two = (n: string) => n.padStart(2, '0');
  // A date alone means the end of that day (a deadline "by the 30th").
  return `${y}-${two(mo!)}-${two(d!)}T${two(h)}:${mi}:${s}+08:00`;
}

export const REPLY_COLUMNS = ['工单编号', '办理状态', '办理结果', '承办单位', '承办人', '办结时间', '是否超期'] as const;

/** The replies to the city for a span of days, one row per order, formatted for printing. */
export async function writeRepliesSheet(replies: readonly HotlineReplyDto[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '网格通';
  const sheet = workbook.addWorksheet('12345工单回复', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [22, 10, 60, 16, 10, 18, 10];
  sheet.columns = REPLY_COLUMNS.map((header, i) => ({ header, width: widths[i], style: { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  for (const reply of replies) {
    sheet.addRow([
      reply.orderNo,
      reply.stateLabel,
      reply.result ?? '',
      reply.handlerUnit,
      reply.handlerName ?? '',
      reply.repliedAt ? chinaText(reply.repliedAt) : '',
      reply.late ? '是' : '否',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "2026-11-25 09:30" in China time. */
function chinaText(date: Date): string {
  const minute = chinaMinuteOfDay(date);
  return `${chinaDayOf(date)} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
