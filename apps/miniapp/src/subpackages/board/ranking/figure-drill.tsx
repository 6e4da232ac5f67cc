import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { RANKING_COUNT_LABELS, RANKING_COUNTS, type RankingCount } from '@gridloop/domain/dist/reports/labels';
import { confidentialCountText } from '@gridloop/domain/dist/requests/public-listing';
import { messageOf } from '../../../api/errors';
import { useSession } from '../../../auth/session-store';
import { categoryLabel, timeText } from '../../../requests/labels';
import { requestUrl } from '../../../routes';
import { casePage, exclusionRegister, figureRequests, type ExclusionRegister, type FigureRequests, type RankingRow } from '../board-api';

type Loaded = { kind: 'requests'; data: FigureRequests } | { kind: 'exclusions'; data: ExclusionRegister };
type Listing = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; loaded: Loaded };

/** Opens a case I may open (the API marks it openable) on the page my roles use; the public never gets here. */
function useOpenCase(): (requestId: number) => void {
  const session = useSession();
  return (requestId) => void Taro.navigateTo({ url: requestUrl(casePage(session?.me), requestId) });
}

/** The requests behind one count: number, kind, state and times; 保密 matters only counted, in one line after them. */
function RequestList({ data }: { data: FigureRequests }) {
  const open = useOpenCase();
  const confidentialLine = confidentialCountText(data.confidentialCount);
  return (
    <View className="board-drill-list">
      <Text className="board-drill-note">
        {data.unitName}「{RANKING_COUNT_LABELS[data.figure as RankingCount]}」共 {data.count} 件：
      </Text>
      {data.requests.map((request) => (
        <View
          key={request.requestId}
          className={`board-drill-row ${request.openable ? 'board-drill-row--openable' : ''}`}
          onClick={() => request.openable && open(request.requestId)}
        >
          <Text className="board-drill-main">
            第 {request.requestId} 号 · {categoryLabel(request.category)} · {request.stateLabel}
          </Text>
          <Text className="board-drill-times">
            受理 {timeText(request.receivedAt)}，计入 {timeText(request.countedAt)}
          </Text>
          {request.openable && <Text className="board-drill-open">查看办理详情 ›</Text>}
        </View>
      ))}
      {confidentialLine && <Text className="board-drill-note board-drill-confidential">{confidentialLine}</Text>}
    </View>
  );
}

const who = (by: { roleLabel: string | null; name: string | null }) => [by.roleLabel, by.name].filter(Boolean).join(' ') || '（未记录）';

/** 不计入名单: each matter refused as unreasonable and confirmed at look-back, who decided, and the reason for those who may open it. */
function ExclusionList({ data }: { data: ExclusionRegister }) {
  const open = useOpenCase();
  const confidentialLine = confidentialCountText(data.confidentialCount);
  return (
    <View className="board-drill-list board-exclusions">
      <Text className="board-drill-note">
        {data.unitName}不予受理并经回看确认、不计入成绩的共 {data.count} 件：
      </Text>
      {data.entries.map((entry) => (
        <View
          key={entry.requestId}
          className={`board-drill-row board-exclusion ${entry.openable ? 'board-drill-row--openable' : ''}`}
          onClick={() => entry.openable && open(entry.requestId)}
        >
          <Text className="board-drill-main">
            第 {entry.requestId} 号 · {categoryLabel(entry.category)}
          </Text>
          <Text className="board-drill-times board-exclusion-rejected">
            不予受理：{who(entry.rejectedBy)}
            {entry.rejectedAt ? `（${timeText(entry.rejectedAt)}）` : ''}
          </Text>
          <Text className="board-drill-times board-exclusion-confirmed">
            回看确认：{who(entry.lookedBackBy)}
            {entry.lookedBackAt ? `（${timeText(entry.lookedBackAt)}）` : ''}
          </Text>
          {entry.reasonLabel && <Text className="board-drill-times board-exclusion-kind">理由类别：{entry.reasonLabel}</Text>}
          <Text className="board-drill-times board-exclusion-reason">
            {entry.reason !== null
              ? `理由：${entry.reason}`
              : entry.reasonRecorded
                ? '已记录理由（可能涉及个人信息，仅有权查看该件的工作人员可见）'
                : '未记录理由'}
          </Text>
          {entry.openable && <Text className="board-drill-open">查看办理详情 ›</Text>}
        </View>
      ))}
      {confidentialLine && <Text className="board-drill-note board-drill-confidential">{confidentialLine}</Text>}
    </View>
  );
}

function FigureList({ listing }: { listing: Listing }) {
  if (listing.kind === 'loading') return <Text className="board-drill-note">正在查…</Text>;
  if (listing.kind === 'failed') return <Text className="board-drill-note board-drill-note--failed">{listing.message}</Text>;
  return listing.loaded.kind === 'exclusions' ? <ExclusionList data={listing.loaded.data} /> : <RequestList data={listing.loaded.data} />;
}

/**
 * 一数一查: every count behind a unit's rates, each a tap away from the requests it counted
 * (listFigureRequests, the very query that counts it), so anyone can check a number on the board;
 * 确认不予受理 opens the exclusion register (listExclusions). A line I may open leads to the case.
 */
export function FigureDrill({ row, townId, month }: { row: RankingRow; townId: number; month: string }) {
  const [open, setOpen] = useState<RankingCount | null>(null);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const show = async (figure: RankingCount) => {
    if (open === figure) return setOpen(null);
    setOpen(figure);
    setListing({ kind: 'loading' });
    try {
      const loaded: Loaded =
        figure === 'excluded'
          ? { kind: 'exclusions', data: await exclusionRegister(townId, month, row.unitId) }
          : { kind: 'requests', data: await figureRequests(townId, month, row.unitId, figure) };
      setListing({ kind: 'ready', loaded });
    } catch (error) {
      setListing({ kind: 'failed', message: messageOf(error) });
    }
  };
  return (
    <View className="board-drill" onClick={(event) => event.stopPropagation()}>
      <Text className="board-drill-title">一数一查：点数字看是哪几件</Text>
      <View className="board-drill-counts">
        {RANKING_COUNTS.map((figure) => (
          <View
            key={figure}
            className={`board-drill-count board-drill-${figure} ${open === figure ? 'board-drill-count--on' : ''} ${row[figure] === 0 ? 'board-drill-count--zero' : ''}`}
            onClick={() => row[figure] > 0 && void show(figure)}
          >
            <Text className="board-drill-label">{RANKING_COUNT_LABELS[figure]}</Text>
            <Text className="board-drill-value">{row[figure]}</Text>
          </View>
        ))}
      </View>
      {open && <FigureList listing={listing} />}
    </View>
  );
}
