import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { changeText, compositeScoreText, placeText, RANKING_RATES, RATE_LABELS, rankingRuleText, rateText } from '@gridloop/domain/dist/reports/labels';
import { Button, Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { patrolGrids } from '../../../auth/roles';
import { useSession } from '../../../auth/session-store';
import { useLoader } from '../../../lib/use-loader';
import { ROUTES } from '../../../routes';
import { myGridFigures, thisMonthInChina, type GridFigures, type UnitMonth } from './my-grid-api';
import './index.css';

const TOAST = 'my-grid-toast';
/** Hearts drawn at most; the number says the rest. */
const HEARTS_DRAWN = 10;

function GridCard({ figures, month }: { figures: GridFigures; month: string }) {
  const { row } = figures;
  const counts: [string, number][] = [
    ['受理', row.received],
    ['办结', row.resolved],
    ['未诉先办', row.patrolFound],
    ['超期未办结', row.openOverdue],
  ];
  return (
    <View className="my-grid-card">
      <Text className="my-grid-name">{row.unitName}</Text>
      <Text className="my-grid-month">
        {figures.townName} · {Number(month.slice(5))}月
      </Text>
      <View className="my-grid-top">
        <View className="my-grid-rank">
          {/* The board's own words: 第1名, 并列第2名, 件数不足，不排名 (with the rule), or no figures yet. */}
          <Text className="my-grid-big">{row.rank === null && row.unrankedReason !== 'too_few' ? '—' : placeText(row)}</Text>
          <Text className="my-grid-small">
            {row.rank !== null
              ? `全镇 ${figures.rankedCount} 个排名的小网格`
              : row.unrankedReason === 'too_few'
                ? rankingRuleText(figures.minReceived)
                : '本月还没有办理成绩'}
          </Text>
        </View>
        <View className="my-grid-score">
          <Text className="my-grid-big">{compositeScoreText(row.composite)}</Text>
          <Text className="my-grid-small">综合得分 · 环比 {changeText(row.compositeMonthOnMonth)}</Text>
        </View>
      </View>
      <View className="my-grid-hearts">
        {row.hearts > 0 && <Text className="my-grid-hearts-drawn">{'❤'.repeat(Math.min(row.hearts, HEARTS_DRAWN))}</Text>}
        <Text className="my-grid-hearts-count">本月 {row.hearts} 颗红心</Text>
      </View>
      <View className="my-grid-figures">
        {counts.map(([label, value]) => (
          <View key={label} className="my-grid-figure">
            <Text className="my-grid-figure-label">{label}</Text>
            <Text className="my-grid-figure-value">{value} 件</Text>
          </View>
        ))}
        {RANKING_RATES.map((rate) => (
          <View key={rate} className={`my-grid-figure my-grid-${rate}`}>
            <Text className="my-grid-figure-label">{RATE_LABELS[rate]}</Text>
            <Text className="my-grid-figure-value">{rateText(row[rate])}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The composite month by month as bars (a score out of 100), with the rank and hearts of each month. */
function GridTrend({ months }: { months: UnitMonth[] }) {
  return (
    <View className="my-grid-trend">
      <Text className="my-grid-trend-title">近{months.length}个月综合得分</Text>
      {months.map((m) => (
        <View key={m.month} className="my-grid-trend-row">
          <Text className="my-grid-trend-month">{Number(m.month.slice(5))}月</Text>
          <View className="my-grid-trend-track">
            <View className="my-grid-trend-bar" style={{ width: `${Math.round((m.composite ?? 0) * 100)}%` }} />
          </View>
          <Text className="my-grid-trend-score">{compositeScoreText(m.composite)}</Text>
          <Text className="my-grid-trend-rank">{m.rank === null ? (m.unrankedReason === 'too_few' ? '件数不足' : '无成绩') : placeText(m)}</Text>
          <Text className="my-grid-trend-hearts">❤{m.hearts}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 我的网格成绩 (grid leaders, deputies): this month's figures of my own small grid(s) and the red
 * hearts it lit, from the public monthly ranking, with its rank in the town, and its last six
 * months; 红心榜 for the rest.
 */
export default function MyGridPage() {
  const session = useSession();
  const gridIds = useMemo(() => (session ? patrolGrids(session.me).map((unit) => unit.id) : []), [session]);
  const month = useMemo(() => thisMonthInChina(new Date()), []);
  const loader = useLoader(() => myGridFigures(gridIds, month), {
    onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }),
  });
  return (
    <PageShell state={loader.state} onRetry={loader.reload} isEmpty={(list) => list.length === 0} emptyText="没有找到您的小网格">
      {(list) => (
        <View className="my-grid">
          {list.map((figures) => (
            <View key={figures.row.unitId}>
              <GridCard figures={figures} month={month} />
              <GridTrend months={figures.history} />
            </View>
          ))}
          <Text className="my-grid-note">满意亮两颗红心，基本满意亮一颗。成绩每天随办理情况更新。</Text>
          <Button className="my-grid-board" type="primary" fill="outline" size="large" block onClick={() => Taro.navigateTo({ url: ROUTES.board })}>
            看全镇红心榜
          </Button>
          <Toast id={TOAST} className="my-grid-toast" />
        </View>
      )}
    </PageShell>
  );
}
