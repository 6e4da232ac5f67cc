import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RANKING_COUNT_LABELS, RANKING_COUNTS, type RankingCount } from '@gridloop/domain/dist/reports/labels';
import { confidentialCountText } from '@gridloop/domain/dist/requests/public-listing';
import { messageOf } from '../../../api/errors';
import { categoryLabel, timeText } from '../../../requests/labels';
import { figureRequests, type FigureRequests, type RankingRow } from '../board-api';

type Listing = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: FigureRequests };

/** The requests behind one count: number, kind, state and times; 保密 matters only counted, in one line after them. */
function FigureList({ listing }: { listing: Listing }) {
  if (listing.kind === 'loading') return <Text className="board-drill-note">正在查…</Text>;
  if (listing.kind === 'failed') return <Text className="board-drill-note board-drill-note--failed">{listing.message}</Text>;
  const { data } = listing;
  const confidentialLine = confidentialCountText(data.confidentialCount);
  return (
    <View className="board-drill-list">
      <Text className="board-drill-note">
        {data.unitName}「{RANKING_COUNT_LABELS[data.figure as RankingCount]}」共 {data.count} 件：
      </Text>
      {data.requests.map((request) => (
        <View key={request.requestId} className="board-drill-row">
          <Text className="board-drill-main">
            第 {request.requestId} 号 · {categoryLabel(request.category)} · {request.stateLabel}
          </Text>
          <Text className="board-drill-times">
            受理 {timeText(request.receivedAt)}，计入 {timeText(request.countedAt)}
          </Text>
        </View>
      ))}
      {confidentialLine && <Text className="board-drill-note board-drill-confidential">{confidentialLine}</Text>}
    </View>
  );
}

/**
 * 一数一查: every count behind a unit's rates, each a tap away from the requests it counted
 * (listFigureRequests, the very query that counts it), so anyone can check a number on the board.
 */
export function FigureDrill({ row, townId, month }: { row: RankingRow; townId: number; month: string }) {
  const [open, setOpen] = useState<RankingCount | null>(null);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const show = async (figure: RankingCount) => {
    if (open === figure) return setOpen(null);
    setOpen(figure);
    setListing({ kind: 'loading' });
    try {
      setListing({ kind: 'ready', data: await figureRequests(townId, month, row.unitId, figure) });
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
