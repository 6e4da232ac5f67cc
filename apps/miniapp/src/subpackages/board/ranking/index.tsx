import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  changeText,
  compositeScoreText,
  placeText,
  RANKING_LEVEL_LABELS,
  RANKING_LEVELS,
  RANKING_RATES,
  RATE_LABELS,
  rankingRuleText,
  rateText,
  type RankingLevel,
} from '@gridloop/domain/dist/reports/labels';
import type { UnrankedReason } from '@gridloop/domain/dist/reports/ranking';
import { Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { useSession, type UnitRef } from '../../../auth/session-store';
import { useCurrentVillage } from '../../../group/village-context';
import { monthlyRanking, monthText, recentMonths, townChoice, type RankingRow, type TownChoice } from '../board-api';
import { FigureDrill } from './figure-drill';
import './index.css';

const TOAST = 'board-toast';
/** Hearts drawn at most; the number says the rest. */
const HEARTS_DRAWN = 10;
/** Units without data shown per tap of the toggle (a town has hundreds of small grids). */
const NO_DATA_PAGE = 30;

function Change({ label, change }: { label: string; change: number | null }) {
  const tone = change === null || change === 0 ? '' : change > 0 ? 'board-change--up' : 'board-change--down';
  return (
    <Text className={`board-change ${tone}`}>
      {label} {changeText(change)}
    </Text>
  );
}

/** The rates, then every count behind them, each listing its requests on a tap. */
function Details({ row, townId, month }: { row: RankingRow; townId: number; month: string }) {
  return (
    <View>
      <View className="board-details">
        {RANKING_RATES.map((rate) => (
          <View key={rate} className="board-detail">
            <Text className="board-detail-label">{RATE_LABELS[rate]}</Text>
            <Text className={`board-detail-value board-rate-${rate}`}>{rateText(row[rate])}</Text>
          </View>
        ))}
      </View>
      <FigureDrill row={row} townId={townId} month={month} />
    </View>
  );
}

/** The row's look by its place: top three, ranked, too few matters (figures shown, not ranked), no data. */
function rowClass(row: RankingRow): string {
  if (row.unrankedReason === 'too_few') return 'board-row--too-few';
  if (row.rank === null) return 'board-row--no-data';
  return row.rank <= 3 ? `board-row--top board-row--top${row.rank}` : '';
}

function BoardRow({ row, open, onTap, townId, month }: { row: RankingRow; open: boolean; onTap(): void; townId: number; month: string }) {
  const place = { rank: row.rank, tied: row.tied, unrankedReason: row.unrankedReason as UnrankedReason | null };
  return (
    <View className={`board-row ${rowClass(row)}`} onClick={onTap}>
      <View className="board-row-main">
        <Text className="board-rank">{row.rank ?? '—'}</Text>
        <View className="board-unit">
          <Text className="board-unit-name">{row.unitName}</Text>
          {(row.tied || row.unrankedReason === 'too_few') && <Text className="board-place">{placeText(place)}</Text>}
          {row.leaderName && <Text className="board-leader">网格巷长 {row.leaderName}</Text>}
          <View className="board-hearts">
            {row.hearts > 0 && <Text className="board-hearts-drawn">{'❤'.repeat(Math.min(row.hearts, HEARTS_DRAWN))}</Text>}
            <Text className="board-hearts-count">{row.hearts} 颗红心</Text>
          </View>
        </View>
        <View className="board-score">
          <Text className="board-score-value">{compositeScoreText(row.composite)}</Text>
          <Text className="board-score-unit">综合得分</Text>
          <Text className="board-received">受理 {row.received} 件</Text>
          {row.excluded > 0 && <Text className="board-excluded">另不计入 {row.excluded} 件</Text>}
        </View>
      </View>
      <View className="board-changes">
        <Change label="环比" change={row.compositeMonthOnMonth} />
        <Change label="同比" change={row.compositeYearOnYear} />
        <Text className="board-expand">{open ? '收起 ▲' : '详情 ▼'}</Text>
      </View>
      {open && <Details row={row} townId={townId} month={month} />}
    </View>
  );
}

/** One month's ranking at one level; remounted (key) when the town, month or level changes. */
function RankingList({ townId, month, level, mineId }: { townId: number; month: string; level: RankingLevel; mineId: number | null }) {
  const loader = useLoader(() => monthlyRanking(townId, month, level), {
    onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }),
  });
  const [open, setOpen] = useState<number | null>(null);
  const [noDataShown, setNoDataShown] = useState(0);
  const [mineOpen, setMineOpen] = useState(true);
  const toggle = (unitId: number) => setOpen((current) => (current === unitId ? null : unitId));
  return (
    <PageShell state={loader.state} onRetry={loader.reload} isEmpty={(ranking) => ranking.rows.length === 0} emptyText="这一级还没有单位">
      {(ranking) => {
        const ranked = ranking.rows.filter((row) => row.rank !== null);
        const tooFew = ranking.rows.filter((row) => row.unrankedReason === 'too_few');
        const noData = ranking.rows.filter((row) => row.unrankedReason === 'no_data');
        const rowOf = (row: RankingRow) => (
          <BoardRow key={row.unitId} row={row} open={open === row.unitId} onTap={() => toggle(row.unitId)} townId={townId} month={month} />
        );
        const mine = mineId === null ? undefined : ranking.rows.find((row) => row.unitId === mineId);
        return (
          <View className="board-list">
            {mine && (
              // My own unit first, opened, wherever it stands (a grid without data sits far down).
              <View className="board-mine">
                <Text className="board-section">我所在的{RANKING_LEVEL_LABELS[level]}</Text>
                <BoardRow row={mine} open={mineOpen} onTap={() => setMineOpen(!mineOpen)} townId={townId} month={month} />
              </View>
            )}
            <Text className="board-rule">{rankingRuleText(ranking.minReceived)}</Text>
            {ranked.length === 0 && tooFew.length === 0 && <Text className="board-none">{monthText(month)}还没有办理成绩</Text>}
            {ranked.map(rowOf)}
            {tooFew.length > 0 && (
              <View className="board-too-few">
                <Text className="board-section">件数不足，不排名（{tooFew.length} 个）</Text>
                {tooFew.map(rowOf)}
              </View>
            )}
            {noData.length > 0 && (
              <View className="board-no-data">
                {noData.slice(0, noDataShown).map(rowOf)}
                {noDataShown < noData.length && (
                  <View className="board-toggle" onClick={() => setNoDataShown(noDataShown + NO_DATA_PAGE)}>
                    <Text className="board-toggle-text">
                      {noDataShown === 0 ? `显示无数据的单位（${noData.length} 个）` : `再显示 ${Math.min(NO_DATA_PAGE, noData.length - noDataShown)} 个`}
                    </Text>
                  </View>
                )}
                {noDataShown > 0 && (
                  <View className="board-toggle" onClick={() => setNoDataShown(0)}>
                    <Text className="board-toggle-text">收起无数据的单位</Text>
                  </View>
                )}
              </View>
            )}
          </View>
        );
      }}
    </PageShell>
  );
}

function isRankingLevel(kind: string | undefined): kind is RankingLevel {
  return (RANKING_LEVELS as readonly string[]).includes(kind ?? '');
}

/**
 * 红心榜 (办理成绩晾晒): the town's public monthly ranking (getMonthlyRanking), for everyone,
 * signed in or not. The town is the one the app is "in" (the group's village, my home, my
 * role's unit: getUnitTown) when there is one, else chosen here; it opens on that unit's level
 * with the unit itself first (「我所在的小网格」, opened); month and level are picked on the page.
 */
export default function BoardPage() {
  const session = useSession();
  const village = useCurrentVillage();
  const where: UnitRef | null = village ?? session?.me.homeUnit ?? session?.me.roles[0]?.unit ?? null;
  const towns = useLoader<TownChoice>(() => townChoice(where));
  const months = useMemo(() => recentMonths(new Date()), []);
  const [monthIndex, setMonthIndex] = useState(0);
  // Opens on the level of the unit I am in (a villager's home grid: 小网格), that unit shown first.
  const [level, setLevel] = useState<RankingLevel>(isRankingLevel(where?.kind) ? where.kind : 'small_grid');
  const [picked, setPicked] = useState<UnitRef | null>(null);
  const month = months[monthIndex];

  return (
    <PageShell state={towns.state} onRetry={towns.reload} isEmpty={(choice) => choice.towns.length === 0} emptyText="还没有镇">
      {(choice) => {
        const town = picked ?? choice.guess;
        return (
          <View className="board">
            <View className="board-header">
              <Text className="board-title">{town ? `${town.name} · ` : ''}办理成绩晾晒</Text>
              <Text className="board-subtitle">满意亮两颗红心，基本满意亮一颗</Text>
            </View>
            {(choice.towns.length > 1 || !town) && (
              <View className="board-towns">
                {!town && <Text className="board-ask">请选择您所在的镇</Text>}
                <View className="board-tabs">
                  {choice.towns.map((t) => (
                    <View
                      key={t.id}
                      className={`board-tab board-town ${town?.id === t.id ? 'board-tab--on' : ''}`}
                      onClick={() => setPicked({ id: t.id, name: t.name, kind: 'town' })}
                    >
                      <Text className="board-tab-text">{t.name}</Text>
                    </View>
                  ))}
                </View>
              </View>
            )}
            <View className="board-month">
              <View
                className={`board-month-step ${monthIndex >= months.length - 1 ? 'board-month-step--off' : ''}`}
                onClick={() => setMonthIndex(Math.min(monthIndex + 1, months.length - 1))}
              >
                <Text className="board-month-arrow">‹ 上月</Text>
              </View>
              <Text className="board-month-text">{monthText(month)}</Text>
              <View
                className={`board-month-step ${monthIndex === 0 ? 'board-month-step--off' : ''}`}
                onClick={() => setMonthIndex(Math.max(monthIndex - 1, 0))}
              >
                <Text className="board-month-arrow">下月 ›</Text>
              </View>
            </View>
            <View className="board-tabs board-levels">
              {RANKING_LEVELS.map((l) => (
                <View key={l} className={`board-tab board-level ${level === l ? 'board-tab--on' : ''}`} onClick={() => setLevel(l)}>
                  <Text className="board-tab-text">{RANKING_LEVEL_LABELS[l]}</Text>
                </View>
              ))}
            </View>
            {town && (
              <RankingList
                key={`${town.id}-${month}-${level}`}
                townId={town.id}
                month={month}
                level={level}
                mineId={where && where.kind === level && town.id === choice.guess?.id ? where.id : null}
              />
            )}
            <Text className="board-note">点一行看各项比率和数字，点数字看是哪几件事。综合得分 = 响应率 × 0.1 + 解决率 × 0.5 + 满意率 × 0.4（满分 100）</Text>
            <Toast id={TOAST} className="board-toast" />
          </View>
        );
      }}
    </PageShell>
  );
}
