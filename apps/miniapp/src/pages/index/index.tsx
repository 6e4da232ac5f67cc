import { useCallback, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button, Cell, Toast } from '../../components/nutui';
import { checkHealth, type ServiceState } from '../../api/health';
import { reloadMe } from '../../auth/account';
import { canBindGroups, canEnterOnBehalf, canPatrol, canViewReports } from '../../auth/roles';
import { useSession, type Me } from '../../auth/session-store';
import { getGroupEntry, useCurrentVillage, useGroupEntry, type GroupEntry } from '../../group/village-context';
import { useTextRootClass } from '../../lib/text-size';
import { useLatest } from '../../lib/use-latest';
import { unreadCount } from '../../notifications/notifications-api';
import { getMyWork, type WorkSummary } from '../../requests/work-api';
import { chooseUnitUrl, ROUTES } from '../../routes';
import { WorkTiles, worksFromLists } from './work-tiles';
import { getTownMonth, ledTown, TownFigures, type TownMonth } from './town-figures';
import './index.css';

const STATUS_TEXT: Record<ServiceState, string> = {
  checking: '正在检查…',
  up: '服务正常',
  down: '服务暂不可用',
};

/** The signed-in entries of each role's own work (its lists are the work tiles above them). */
const HOME_ENTRIES: readonly { label: string; className: string; route: string; shownTo: (me: Me) => boolean }[] = [
  { label: '未诉先办', className: 'home-patrol', route: ROUTES.patrol, shownTo: canPatrol },
  { label: '代办', className: 'home-on-behalf', route: ROUTES.onBehalf, shownTo: canEnterOnBehalf },
  { label: '我的网格成绩', className: 'home-my-grid', route: ROUTES.myGrid, shownTo: canPatrol },
  { label: '受理日报', className: 'home-bulletin', route: ROUTES.dailyBulletin, shownTo: canViewReports },
  { label: '办理周调度', className: 'home-weekly', route: ROUTES.weeklyDispatch, shownTo: canViewReports },
];

/** What a card shared from here says in a group: the app, never the person sharing it. */
const SHARE_TITLE = '网格通 · 有事找网格';

/** Roles shown on the greeting card; the rest are on 我的. */
const ROLES_SHOWN = 3;

function Greeting({ me, villageText }: { me: Me; villageText: string | null }) {
  const roles = me.roles.slice(0, ROLES_SHOWN);
  return (
    <View className="home-card home-greeting">
      <Text className="home-greeting-name">{me.name}，您好</Text>
      {roles.map((held) => (
        <Text className="home-greeting-role" key={`${held.role}-${held.unit.id}`}>
          {held.roleLabel} · {held.unit.name}
        </Text>
      ))}
      {me.roles.length > ROLES_SHOWN && <Text className="home-greeting-role">等 {me.roles.length} 项职务</Text>}
      {villageText && <Text className="home-greeting-village">{villageText}</Text>}
    </View>
  );
}

function GroupNotice({ entry, me }: { entry: GroupEntry; me: Me | null }) {
  if (entry.state === 'none' || entry.state === 'bound') return null;
  if (entry.state === 'resolving') {
    return (
      <View className="home-card home-notice">
        <Text className="home-notice-text">正在识别您所在的群…</Text>
      </View>
    );
  }
  if (entry.state === 'failed') {
    return (
      <View className="home-card home-notice">
        <Text className="home-notice-text">{entry.message}</Text>
      </View>
    );
  }
  const canBind = entry.state === 'unbound' && me !== null && canBindGroups(me);
  const text =
    entry.state === 'unrecognised' ? entry.message : canBind ? '这个群还没有绑定村庄或网格，请您绑定' : '这个群还没有绑定村庄，您可以先手动选择所在的村';
  return (
    <View className="home-card home-notice">
      <Text className="home-notice-text">{text}</Text>
      <Button
        className="home-secondary"
        type="primary"
        fill="outline"
        size="large"
        block
        onClick={() => Taro.navigateTo({ url: canBind ? ROUTES.bindGroup : chooseUnitUrl('village') })}
      >
        {canBind ? '绑定本群' : '手动选择所在的村'}
      </Button>
    </View>
  );
}

export default function Index() {
  const [service, setService] = useState<ServiceState>('checking');
  const latest = useRef(0);
  const session = useSession();
  const groupEntry = useGroupEntry();
  const village = useCurrentVillage();
  const textRoot = useTextRootClass();

  // The badge on 消息中心 (all my unread messages) and the work tiles' counts, read again on each show.
  const personId = session?.me.id ?? null;
  const [unread, refreshUnread] = useLatest(
    useMemo(() => (personId === null ? null : unreadCount), [personId]),
    0,
  );
  const staff = session ? worksFromLists(session.me) : false;
  const [work, refreshWork] = useLatest<WorkSummary | null>(
    // Only staff have work counts: a villager's home (often on a weak network) does not ask.
    useMemo(() => (staff && personId !== null ? getMyWork : null), [staff, personId]),
    null,
  );

  // A town leader's home: the month's key figures of the town, read again on each show too.
  const town = session ? ledTown(session.me) : null;
  const townId = town?.id ?? null;
  const [townMonth, refreshTownMonth] = useLatest<TownMonth | null>(
    useMemo(() => (townId === null ? null : () => getTownMonth(townId)), [townId]),
    null,
  );

  const refreshStatus = useCallback(() => {
    const attempt = ++latest.current;
    setService('checking');
    checkHealth().then((state) => {
      if (attempt === latest.current) setService(state);
    });
  }, []);

  useLoad(() => {
    // Cards shared from here carry a shareTicket, so opening one in a group tells us the group.
    if (process.env.TARO_ENV === 'weapp') Taro.showShareMenu({ withShareTicket: true });
  });

  useShareAppMessage(() => ({ title: SHARE_TITLE, path: ROUTES.home }));

  // Also re-checks when the user comes back to the page.
  useDidShow(() => {
    refreshStatus();
    // Roles follow the roster: refresh them quietly (an expired sign-in clears itself). Not while
    // a group card is being resolved: the API may place the villager in the group's village, and
    // the resolution reads me again once it has; a read now could answer after it, with no home.
    if (session && getGroupEntry().state !== 'resolving') reloadMe().catch(() => undefined);
    refreshUnread();
    refreshWork();
    refreshTownMonth();
  });

  // Signed out, 我要反映 asks to sign in first.
  const onReport = () => Taro.navigateTo({ url: session ? ROUTES.report : ROUTES.signIn });
  const go = (url: string) => () => Taro.navigateTo({ url });

  const ownEntries = (me: Me) =>
    HOME_ENTRIES.filter((entry) => entry.shownTo(me)).map((entry) => (
      <Button key={entry.className} className={`home-secondary ${entry.className}`} type="primary" fill="outline" size="large" block onClick={go(entry.route)}>
        {entry.label}
      </Button>
    ));
  // 红心榜: public, signed in or not.
  const boardButton = (
    <Button className="home-secondary home-board" type="primary" fill="outline" size="large" block onClick={go(ROUTES.board)}>
      红心榜 · 办理成绩晾晒
    </Button>
  );
  const commonEntries = (
    <>
      <Button className="home-secondary home-mine" type="primary" fill="outline" size="large" block onClick={go(ROUTES.myRequests)}>
        我的诉求
      </Button>
      <Button className="home-secondary home-messages" type="primary" fill="outline" size="large" block onClick={go(ROUTES.messages)}>
        <View className="home-messages-label">
          <Text>消息中心</Text>
          {unread > 0 && <Text className="home-badge">{unread > 99 ? '99+' : unread}</Text>}
        </View>
      </Button>
      <Button className="home-secondary home-me" type="primary" fill="outline" size="large" block onClick={go(ROUTES.me)}>
        我的
      </Button>
    </>
  );

  const villageText = village ? `您在：${village.name}` : session?.me.homeUnit ? `所在村：${session.me.homeUnit.name}` : null;

  return (
    <View className={`home ${textRoot}`}>
      <View className="home-header">
        <Text className="home-title">网格通</Text>
        <Text className="home-subtitle">台头镇 · 有事找网格</Text>
      </View>

      {session ? (
        <Greeting me={session.me} villageText={villageText} />
      ) : (
        <View className="home-card home-signed-out">
          <Text className="home-signed-out-title">您还没有登录</Text>
          {village && <Text className="home-greeting-village">{villageText}</Text>}
          <Text className="home-signed-out-text">登录后可以查看您所在的网格</Text>
          <Button
            className="home-secondary home-sign-in"
            type="primary"
            fill="outline"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: ROUTES.signIn })}
          >
            登录
          </Button>
        </View>
      )}

      <GroupNotice entry={groupEntry} me={session?.me ?? null} />

      {session && staff ? (
        // Staff: their lists and counts first, then their own entries; reporting a matter of their own comes after.
        <>
          {town && <TownFigures town={town} month={townMonth} />}
          <WorkTiles me={session.me} work={work} />
          <View className="home-entries">
            {ownEntries(session.me)}
            <Button className="home-secondary home-report" type="primary" fill="outline" size="large" block onClick={onReport}>
              我要反映
            </Button>
            {boardButton}
            {commonEntries}
          </View>
        </>
      ) : (
        <>
          {!session && (
            <View className="home-intro">
              <Text className="home-intro-line">遇到难事、烦心事，在这里反映。</Text>
              <Text className="home-intro-line">网格巷长及时办理，镇热线办跟踪回访。</Text>
            </View>
          )}
          <Button className="home-report" type="primary" size="xlarge" block onClick={onReport}>
            我要反映
          </Button>
          {boardButton}
          {session && (
            <View className="home-entries">
              {ownEntries(session.me)}
              {commonEntries}
            </View>
          )}
        </>
      )}

      <Cell
        className="home-status"
        title="服务状态"
        extra={
          <View className={`home-status-value home-status-value--${service}`}>
            <View className="home-status-dot" />
            <Text className="home-status-text">{STATUS_TEXT[service]}</Text>
          </View>
        }
        clickable={service === 'down'}
        onClick={service === 'down' ? refreshStatus : undefined}
      />
      {service === 'down' && <Text className="home-status-hint">轻点上方可重新检查</Text>}

      <Toast id="home-toast" className="home-toast" />
    </View>
  );
}
