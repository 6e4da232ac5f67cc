import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../components/nutui';
import { canDispatch, canHandleRequests, canLookBack } from '../../auth/roles';
import type { Me } from '../../auth/session-store';
import { ROUTES } from '../../routes';
import type { WorkSummary } from '../../requests/work-api';

/** A badge's number as WeChat shows one. */
const countText = (n: number) => (n > 99 ? '99+' : String(n));

interface Tile {
  key: string;
  label: string;
  route: string;
  shownTo: (me: Me) => boolean;
  count: (work: WorkSummary) => number | null;
}

/** The work tiles, most personal first: my own matters, then the office queues my roles reach. */
const TILES: readonly Tile[] = [
  { key: 'inbox', label: '待办', route: ROUTES.inbox, shownTo: canHandleRequests, count: (w) => w.handling },
  { key: 'dispatch', label: '待派单', route: ROUTES.dispatchQueue, shownTo: canDispatch, count: (w) => w.dispatch },
  { key: 'look-back', label: '待回看', route: ROUTES.lookBackQueue, shownTo: canLookBack, count: (w) => w.lookBack },
  { key: 'overdue', label: '超时督办', route: ROUTES.overdueBoard, shownTo: canLookBack, count: (w) => w.supervision },
];

/** Whether any of this person's roles works from a list (the home then leads with the tiles). */
export function worksFromLists(me: Me): boolean {
  return TILES.some((tile) => tile.shownTo(me));
}

/**
 * 今天要做的事: a tile per list the person's roles work from (shown from the roles, so a weak network
 * never hides the way in), each with how many wait in it once the counts come; under them, how many
 * of 待办 are about to run out (即将超时) or already have (已超时).
 */
export function WorkTiles({ me, work }: { me: Me; work: WorkSummary | null }) {
  const tiles = TILES.filter((tile) => tile.shownTo(me));
  if (tiles.length === 0) return null;
  const urgent = [
    { n: work?.overdue ?? 0, text: '已超时', className: 'home-urgent--overdue' },
    { n: work?.dueSoon ?? 0, text: '即将超时', className: 'home-urgent--soon' },
  ].filter((u) => u.n > 0);
  return (
    <View className="home-card home-work">
      <Text className="home-work-title">今天要做的事</Text>
      <View className={`home-work-tiles${tiles.length === 1 ? ' home-work-tiles--one' : ''}`}>
        {tiles.map((tile) => {
          const n = work ? tile.count(work) : null;
          return (
            <Button
              key={tile.key}
              className={`home-tile home-${tile.key}${n ? ' home-tile--busy' : ''}`}
              fill="outline"
              type="primary"
              onClick={() => Taro.navigateTo({ url: tile.route })}
            >
              <View className="home-tile-body">
                <Text className="home-tile-count">{n === null ? '·' : countText(n)}</Text>
                <Text className="home-tile-label">{tile.label}</Text>
              </View>
            </Button>
          );
        })}
      </View>
      {urgent.length > 0 && (
        <View className="home-urgent" onClick={() => Taro.navigateTo({ url: ROUTES.inbox })}>
          {urgent.map((u) => (
            <Text key={u.className} className={`home-urgent-item ${u.className}`}>
              {`${u.text} ${countText(u.n)} 件`}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
