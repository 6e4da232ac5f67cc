import { chinaTimeText, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import type { WeeklyDispatchDto } from './dtos/weekly-dispatch.dto';

const COLUMNS = ['承办单位', '所在村', '编号', '类别', '状态', '受理时间', '已办天数', '时限', '是否超期'];

/** The weekly dispatch as an .xlsx for the meeting: A4 landscape, one block per unit with its totals. */
export async function writeWeeklyDispatchSheet(report: WeeklyDispatchDto): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '网格通';
  const sheet = workbook.addWorksheet('办理进度调度', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  sheet.addRow([`${report.townName}办理进度调度（截至${chinaTimeText(report.asOf)}）：未办结${report.open}件，其中超期${report.overdue}件`]).font = {
    bold: true,
    size: 14,
  };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.addRow(COLUMNS).font = { bold: true };
  [20, 12, 8, 10, 10, 16, 9, 16, 9].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const unit of report.units) {
    for (const r of unit.requests) {
      const row = sheet.addRow([
        unit.unitName,
        unit.villageName ?? '',
        r.requestId,
        REQUEST_CATEGORY_LABELS[r.category as RequestCategory] ?? r.category,
        r.stateLabel,
        chinaTimeText(r.receivedAt),
        r.ageDays,
        chinaTimeText(r.dueAt),
        r.overdue ? '是' : '否',
      ]);
      if (r.overdue) row.getCell(9).font = { color: { argb: 'FFB3191F' }, bold: true };
    }
    sheet.addRow([`${unit.unitName} 小计`, '', '', '', '', '', '', `未办结 ${unit.open}`, `超期 ${unit.overdue}`]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
