import { chinaDayOf, chinaTimeText, listDueAt, RATING_LABELS, REQUEST_CATEGORY_LABELS, REQUEST_SOURCE_LABELS, REQUEST_STATE_LABELS } from '@gridloop/domain';
import { stream } from 'exceljs';
import type { Writable } from 'node:stream';
import type { RequestListItemDto } from '../dtos/request.dto';

export const SEARCH_SHEET_COLUMNS = [
  '编号',
  '受理时间',
  '来源',
  '类别',
  '状态',
  '诉求内容',
  '所属网格',
  '办理单位',
  '反映人',
  '联系电话',
  '办理时限',
  '超时',
  '督办',
  '保密',
  '评价',
] as const;
const WIDTHS = [8, 17, 10, 10, 8, 50, 16, 16, 8, 14, 17, 6, 6, 6, 8];

/**
 * 诉求检索's set as an .xlsx written to `out` as the rows come (exceljs's streaming writer:
 * each row is committed and leaves memory), so tens of thousands of matters never sit in memory.
 * The rows are what the caller saw in the table: names and phones masked as there.
 */
export async function writeSearchSheet(out: Writable, pages: AsyncIterable<RequestListItemDto[]>): Promise<number> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '网格通';
  const sheet = workbook.addWorksheet('诉求检索', { views: [{ state: 'frozen', ySplit: 1 }] });
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const header = sheet.addRow([...SEARCH_SHEET_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const page of pages) {
    for (const item of page) {
      sheet.addRow(rowOf(item)).commit();
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

function rowOf(item: RequestListItemDto): (string | number)[] {
  const late = item.contactLate || item.completionLate;
  return [
    item.id,
    dateTime(item.createdAt),
    REQUEST_SOURCE_LABELS[item.source],
    REQUEST_CATEGORY_LABELS[item.category],
    REQUEST_STATE_LABELS[item.state],
    item.description,
    item.unitName,
    item.handlerUnitName,
    item.requesterName,
    item.contactPhone ?? '',
    dateTime(listDueAt(item)),
    late ? '是' : '',
    item.supervised ? '是' : '',
    item.confidential ? '是' : '',
    item.rating ? RATING_LABELS[item.rating] : '',
  ];
}

/** `2026-11-02 09:00`, China time: a sheet kept for a year needs the year. */
function dateTime(instant: Date): string {
  return `${chinaDayOf(instant)} ${chinaTimeText(instant).split(' ')[1]}`;
}
