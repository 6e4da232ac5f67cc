import { chinaTimeText } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import type { CountByKeyDto, DailyBulletinDto } from './dtos/daily-bulletin.dto';

/** The daily bulletin as an .xlsx for the town's office: the figures, each breakdown, and the overdue list. A4 portrait. */
export async function writeDailyBulletinSheet(report: DailyBulletinDto): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '网格通';
  const sheet = workbook.addWorksheet('受理情况通报', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  [22, 12, 16, 18].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const [year, month, day] = report.day.split('-').map(Number);
  sheet.addRow([`${report.townName}受理情况通报（${year}年${month}月${day}日）`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 4);
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true };
  };
  heading('总体情况');
  for (const [label, value] of [
    ['受理诉求', report.received],
    ['按时首次联系', report.contactsOnTime],
    ['超时首次联系', report.contactsLate],
    ['办结', report.resolved],
    ['当日结束时未办结', report.open],
    ['其中超期', report.overdue.length],
  ] as const)
    sheet.addRow([label, value]);
  const breakdown = (title: string, rows: readonly CountByKeyDto[]) => {
    heading(title);
    if (rows.length === 0) sheet.addRow(['（无）']);
    for (const row of rows) sheet.addRow([row.label, row.count]);
  };
  breakdown('按来源', report.bySource);
  breakdown('按村', report.byVillage);
  breakdown('按类别', report.byCategory);
  heading('超期未办结');
  sheet.addRow(['承办单位', '编号', '超期环节', '时限']).font = { bold: true };
  if (report.overdue.length === 0) sheet.addRow(['（无）']);
  for (const item of report.overdue) {
    sheet.addRow([item.unitName, item.requestId, item.clock === 'contact' ? '首次联系' : '办结', chinaTimeText(item.dueAt)]).getCell(3).font = {
      color: { argb: 'FFB3191F' },
      bold: true,
    };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
