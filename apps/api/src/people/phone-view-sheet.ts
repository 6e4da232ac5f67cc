import { chinaTimeText } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import type { PhoneViewDto } from './dtos/phone-view-audit.dto';

const COLUMNS = ['查看时间', '查看人', '被查看人', '被查看人手机号', '相关诉求编号'];

/** The audit of full-number views as an .xlsx: one row per view, newest first, the number itself masked. */
export async function writePhoneViewSheet(views: readonly PhoneViewDto[], title: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '网格通';
  const sheet = workbook.addWorksheet('号码查看记录', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.addRow(COLUMNS).font = { bold: true };
  [16, 12, 12, 16, 14].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const view of views)
    sheet.addRow([chinaTimeText(view.viewedAt), view.viewerName, view.subjectName, view.subjectPhoneMasked ?? '', view.requestId ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
