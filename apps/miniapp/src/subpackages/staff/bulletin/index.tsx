import { useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { messageOf } from '../../../api/errors';
import { Button, Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { timeText } from '../../../requests/labels';
import { BarChart } from '../charts/bar-chart';
import '../../../requests/components/request.css';
import { Figure, ReportTown } from '../report-town';
import {
  bulletinRequests,
  dailyBulletin,
  dayAfter,
  dayText,
  todayInChina,
  yesterdayInChina,
  type BulletinFigure,
  type DailyBulletin,
  type ReportRequests,
} from '../reports-api';
import { downloadSheet } from '../sheet-download';

const TOAST = 'bulletin-toast';
/** Villages charted at most; the rest are summed up in words. */
const VILLAGES_CHARTED = 10;

const CLOCK_TEXT: Record<DailyBulletin['overdue'][number]['clock'], string> = {
  contact: '超时未联系',
  completion: '超时未办结',
};

function toBars(counts: DailyBulletin['bySource']) {
  return counts.map((count) => ({ label: count.label, value: count.count }));
}

type Listing = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: ReportRequests };

/** 一数一查: the requests behind the figure tapped; each opens for the staff. */
function FigureRequests({ label, listing }: { label: string; listing: Listing }) {
  if (listing.kind === 'loading') return <Text className="report-note">正在查…</Text>;
  if (listing.kind === 'failed') return <Text className="report-note report-item-bad">{listing.message}</Text>;
  return (
    <View className="report-section bulletin-drill">
      <Text className="report-section-title">
        「{label}」共 {listing.data.count} 件
      </Text>
      {listing.data.requests.map((item) => (
        <View
          key={item.requestId}
          className="report-item bulletin-drill-row"
          onClick={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, item.requestId) })}
        >
          <Text className="report-item-name">
            第 {item.requestId} 号 · {item.categoryLabel} · {item.stateLabel}
          </Text>
          <Text className="report-note">
            {item.unitName} · 受理 {timeText(item.receivedAt)}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Bulletin({ bulletin, townId }: { bulletin: DailyBulletin; townId: number }) {
  const villages = [...bulletin.byVillage].sort((a, b) => b.count - a.count);
  const villagesLeft = villages.slice(VILLAGES_CHARTED);
  const [open, setOpen] = useState<{ figure: BulletinFigure; label: string; key?: string } | null>(null);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [exporting, setExporting] = useState(false);
  const drill = (figure: BulletinFigure, label: string, value: number, key?: string) => async () => {
    if (value === 0 || (open?.figure === figure && open.key === key)) return setOpen(null);
    setOpen({ figure, label, key });
    setListing({ kind: 'loading' });
    try {
      setListing({ kind: 'ready', data: await bulletinRequests(townId, bulletin.day, figure, key) });
    } catch (error) {
      setListing({ kind: 'failed', message: messageOf(error) });
    }
  };
  const figure = (name: BulletinFigure, label: string, value: number, tone: 'bad' | 'good' | '' = '') => (
    <Figure label={label} value={value} tone={tone} on={open?.figure === name} onTap={drill(name, label, value)} className={`bulletin-figure-${name}`} />
  );
  // A chart's lines as chips under it, each listing its requests on a tap.
  const lines = (name: 'bySource' | 'byCategory' | 'byVillage', counts: DailyBulletin['bySource']) => (
    <View className={`chips bulletin-lines bulletin-lines-${name}`}>
      {counts.map((line) => (
        <View
          key={line.key}
          className={`chip bulletin-line ${open?.figure === name && open.key === line.key ? 'chip--on' : ''}`}
          onClick={drill(name, line.label, line.count, line.key)}
        >
          <Text className="chip-text">
            {line.label} {line.count}
          </Text>
        </View>
      ))}
    </View>
  );
  const onExport = async () => {
    setExporting(true);
    try {
      const outcome = await downloadSheet(`/api/reports/daily.xlsx?townId=${townId}&day=${bulletin.day}`, `daily-bulletin-${bulletin.day}.xlsx`);
      if (outcome === 'saved') Toast.show(TOAST, { content: '表格已下载', duration: 2 });
    } catch (error) {
      Toast.show(TOAST, { content: messageOf(error), duration: 3 });
    } finally {
      setExporting(false);
    }
  };
  return (
    <View className="bulletin">
      <View className="report-figures">
        {figure('received', '当天受理', bulletin.received)}
        {figure('resolved', '当天办结', bulletin.resolved, 'good')}
        {figure('contactsOnTime', '按时联系', bulletin.contactsOnTime, 'good')}
        {figure('contactsLate', '超时联系', bulletin.contactsLate, bulletin.contactsLate > 0 ? 'bad' : '')}
        {figure('open', '日末未办结', bulletin.open)}
        {figure('overdue', '日末已超时', bulletin.overdue.length, bulletin.overdue.length > 0 ? 'bad' : '')}
      </View>
      <Text className="report-note bulletin-drill-hint">点数字看是哪几件（图下面的每一项也能点）</Text>
      {open && !open.key && <FigureRequests label={open.label} listing={listing} />}
      <Button className="report-export bulletin-export" type="primary" size="large" block loading={exporting} disabled={exporting} onClick={onExport}>
        导出表格（打印用）
      </Button>
      <BarChart id="bulletin-by-source" title="按来源" bars={toBars(bulletin.bySource)} />
      {lines('bySource', bulletin.bySource)}
      {open?.figure === 'bySource' && <FigureRequests label={open.label} listing={listing} />}
      <BarChart id="bulletin-by-category" title="按类别" bars={toBars(bulletin.byCategory)} />
      {lines('byCategory', bulletin.byCategory)}
      {open?.figure === 'byCategory' && <FigureRequests label={open.label} listing={listing} />}
      <BarChart id="bulletin-by-village" title="按村" bars={toBars(villages.slice(0, VILLAGES_CHARTED))} />
      {lines('byVillage', villages)}
      {open?.figure === 'byVillage' && <FigureRequests label={open.label} listing={listing} />}
      {villagesLeft.length > 0 && (
        <Text className="report-note">
          另有 {villagesLeft.length} 个村共 {villagesLeft.reduce((sum, v) => sum + v.count, 0)} 件
        </Text>
      )}
      <View className="report-section">
        <Text className="report-section-title">日末超时的事（{bulletin.overdue.length} 件）</Text>
        {bulletin.overdue.length === 0 && <Text className="report-note">没有超时的事</Text>}
        {bulletin.overdue.map((item) => (
          <View
            key={item.requestId}
            className="report-item bulletin-overdue"
            onClick={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, item.requestId) })}
          >
            <Text className="report-item-name">{item.unitName}</Text>
            <Text className="report-item-bad">
              {CLOCK_TEXT[item.clock]} · 应在 {timeText(item.dueAt)} 前
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** One day's bulletin; remounted (key) when the town or day changes. */
function BulletinOfDay({ townId, day }: { townId: number; day: string }) {
  const loader = useLoader(() => dailyBulletin(townId, day), {
    onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }),
  });
  return (
    <PageShell state={loader.state} onRetry={loader.reload} className="report-shell">
      {(bulletin) => <Bulletin bulletin={bulletin} townId={townId} />}
    </PageShell>
  );
}

/**
 * 受理日报 (受理情况一天一通报, getDailyBulletin): a town's day — received by source, category and
 * village as charts, first contacts on time and late, results, open and overdue at the day's end.
 * Any day can be picked; it opens on yesterday (China time), the last whole day.
 */
export default function DailyBulletinPage() {
  const today = useMemo(() => todayInChina(new Date()), []);
  const [day, setDay] = useState(() => yesterdayInChina(new Date()));
  return (
    <ReportTown>
      {(town) => (
        <View>
          <View className="report-header">
            <Text className="report-title">{town.name} · 受理情况日报</Text>
            <Text className="report-subtitle">一天一通报</Text>
          </View>
          <View className="report-day">
            <View className="report-day-step report-day-before" onClick={() => setDay(dayAfter(day, -1))}>
              <Text className="report-day-arrow">‹ 前一天</Text>
            </View>
            <Picker mode="date" value={day} end={today} onChange={(event) => setDay(String(event.detail.value))}>
              <Text className="report-day-text">{dayText(day)}</Text>
            </Picker>
            <View
              className={`report-day-step report-day-after ${day >= today ? 'report-day-step--off' : ''}`}
              onClick={() => day < today && setDay(dayAfter(day, 1))}
            >
              <Text className="report-day-arrow">后一天 ›</Text>
            </View>
          </View>
          <BulletinOfDay key={`${town.id}-${day}`} townId={town.id} day={day} />
          <Toast id={TOAST} className="report-toast" />
        </View>
      )}
    </ReportTown>
  );
}
