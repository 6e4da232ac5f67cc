import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { messageOf } from '../../../api/errors';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { categoryLabel, timeText } from '../../../requests/labels';
import { BarChart } from '../charts/bar-chart';
import { Figure, ReportTown } from '../report-town';
import { weeklyDispatch, type DispatchUnit, type WeeklyDispatch } from '../reports-api';
import { downloadSheet } from '../sheet-download';

const TOAST = 'weekly-toast';
/** Units charted at most (most overdue first, as the API orders them). */
const UNITS_CHARTED = 12;
const SERIES = [
  { name: '未超时', color: '#d9a441' },
  { name: '已超时', color: '#b3191f' },
];

function chartBars(report: WeeklyDispatch) {
  return report.units.slice(0, UNITS_CHARTED).flatMap((unit) => [
    { label: unit.unitName, value: unit.open - unit.overdue, series: SERIES[0].name },
    { label: unit.unitName, value: unit.overdue, series: SERIES[1].name },
  ]);
}

function UnitBlock({ unit }: { unit: DispatchUnit }) {
  const [open, setOpen] = useState(unit.overdue > 0);
  return (
    <View className="report-section weekly-unit">
      <View className="weekly-unit-head" onClick={() => setOpen(!open)}>
        <View className="weekly-unit-names">
          <Text className="report-item-name">{unit.unitName}</Text>
          {unit.villageName && <Text className="report-note">{unit.villageName}</Text>}
        </View>
        <Text className="weekly-unit-counts">
          未办结 {unit.open}
          {unit.overdue > 0 ? ` · 超时 ${unit.overdue}` : ''} {open ? '▲' : '▼'}
        </Text>
      </View>
      {open &&
        unit.requests.map((item) => (
          <View key={item.requestId} className="report-item" onClick={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, item.requestId) })}>
            <Text className="report-item-name">
              {categoryLabel(item.category)} · {item.stateLabel} · 已 {item.ageDays} 天
            </Text>
            <Text className={item.overdue ? 'report-item-bad' : 'report-note'}>
              {item.overdue ? '已超时，' : ''}应在 {timeText(item.dueAt)} 前
            </Text>
          </View>
        ))}
    </View>
  );
}

function Dispatch({ townId, report }: { townId: number; report: WeeklyDispatch }) {
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      const outcome = await downloadSheet(`/api/reports/weekly-dispatch.xlsx?townId=${townId}`, 'weekly-dispatch.xlsx');
      if (outcome === 'saved') Toast.show(TOAST, { content: '表格已下载', duration: 2 });
    } catch (error) {
      Toast.show(TOAST, { content: messageOf(error), duration: 3 });
    } finally {
      setExporting(false);
    }
  };
  return (
    <View className="weekly">
      <Text className="report-note weekly-as-of">截至 {timeText(report.asOf)}</Text>
      <View className="report-figures">
        <Figure label="未办结" value={report.open} />
        <Figure label="其中已超时" value={report.overdue} tone={report.overdue > 0 ? 'bad' : ''} />
        <Figure label="承办单位" value={report.units.length} unit="个" />
      </View>
      <Button className="report-export" type="primary" size="large" block loading={exporting} disabled={exporting} onClick={onExport}>
        导出表格（打印用）
      </Button>
      <BarChart
        id="weekly-by-unit"
        title={`各单位未办结（超时多的在前${report.units.length > UNITS_CHARTED ? `，前 ${UNITS_CHARTED} 个` : ''}）`}
        bars={chartBars(report)}
        series={SERIES}
      />
      {report.units.map((unit) => (
        <UnitBlock key={unit.unitId} unit={unit} />
      ))}
    </View>
  );
}

function DispatchOfTown({ townId }: { townId: number }) {
  const loader = useLoader(() => weeklyDispatch(townId), {
    onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }),
  });
  return (
    <PageShell state={loader.state} onRetry={loader.reload} className="report-shell" isEmpty={(report) => report.open === 0} emptyText="全镇没有未办结的事">
      {(report) => <Dispatch townId={townId} report={report} />}
    </PageShell>
  );
}

/**
 * 办理周调度 (办理进度一周一调度, getWeeklyDispatch): the town's open matters now, by the unit
 * handling each (most overdue first) as a stacked chart and a list, and the same as an .xlsx for
 * printing (exportWeeklyDispatch): saved by the browser, opened by WeChat.
 */
export default function WeeklyDispatchPage() {
  return (
    <ReportTown>
      {(town) => (
        <View>
          <View className="report-header">
            <Text className="report-title">{town.name} · 办理进度调度</Text>
            <Text className="report-subtitle">一周一调度</Text>
          </View>
          <DispatchOfTown key={town.id} townId={town.id} />
          <Toast id={TOAST} className="report-toast" />
        </View>
      )}
    </ReportTown>
  );
}
