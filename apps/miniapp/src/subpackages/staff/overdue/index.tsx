import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { useNow } from '../../../lib/use-now';
import { requestUrl, ROUTES } from '../../../routes';
import { DueCountdown, RequestRow } from '../../../requests/components/request-parts';
import { LADDER_RUNG_LABELS, LADDER_RUNGS, rungText } from '../../../requests/ladder';
import { getOverdueBoard, type RequestListItem } from '../../../requests/requests-api';
import '../../../requests/components/request.css';
import './index.css';

const TOAST = 'overdue-toast';

/** The ladder as five steps, those reached filled in red. */
function Ladder({ rung }: { rung: number }) {
  return (
    <View className="ladder">
      {LADDER_RUNGS.map((name, index) => (
        <View key={name} className={`ladder-step ${index < rung ? 'ladder-step--reached' : ''} ${index === rung - 1 ? 'ladder-step--top' : ''}`}>
          <Text className="ladder-step-text">{LADDER_RUNG_LABELS[name]}</Text>
        </View>
      ))}
    </View>
  );
}

function OverdueRow({ request, now }: { request: RequestListItem; now: Date }) {
  return (
    <RequestRow request={request} onTap={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, request.id) })}>
      <View className="overdue-marks">
        {request.unitName !== request.handlerUnitName && <Text className="req-row-note overdue-unit">{request.unitName}</Text>}
        {request.supervised && <Text className="req-mark req-mark--supervised">督办</Text>}
      </View>
      <Text className="overdue-rung">{rungText(request.escalationRung)}</Text>
      <Ladder rung={request.escalationRung} />
      <DueCountdown request={request} now={now} />
    </RequestRow>
  );
}

interface UnitGroup {
  unitId: number;
  unitName: string;
  requests: RequestListItem[];
}

/** The matters by the unit handling each; units and matters keep the API's order (the most severe first). */
export function byHandlingUnit(list: readonly RequestListItem[]): UnitGroup[] {
  const groups = new Map<number, UnitGroup>();
  for (const request of list) {
    const group = groups.get(request.handlerUnitId) ?? { unitId: request.handlerUnitId, unitName: request.handlerUnitName, requests: [] };
    group.requests.push(request);
    groups.set(request.handlerUnitId, group);
  }
  return [...groups.values()];
}

/**
 * 超时督办: open matters in my area whose clock ran out, by the unit handling them (a grid, a
 * department), each unit's worst first as the API orders them (highest rung of the escalation
 * ladder first), with how far up the ladder each has climbed and the 督办 mark. Tapping one opens
 * it for 催办 / 督办.
 */
export default function OverdueBoardPage() {
  const loader = useLoader(getOverdueBoard, { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  const now = useNow(60_000);
  return (
    <PageShell state={loader.state} onRetry={loader.reload} isEmpty={(list) => list.length === 0} emptyText="现在没有超时的事">
      {(list) => (
        <View className="req-list overdue-list">
          <Text className="inbox-count">
            共 {list.length} 件超时，涉及 {byHandlingUnit(list).length} 个单位，最严重的在最上面
          </Text>
          {byHandlingUnit(list).map((group) => (
            <View key={group.unitId} className="overdue-group">
              <View className="overdue-group-head">
                <Text className="overdue-group-name">{group.unitName}</Text>
                <Text className="overdue-group-count">{group.requests.length} 件</Text>
              </View>
              {group.requests.map((request) => (
                <OverdueRow key={request.id} request={request} now={now} />
              ))}
            </View>
          ))}
          <Toast id={TOAST} className="req-toast" />
        </View>
      )}
    </PageShell>
  );
}
