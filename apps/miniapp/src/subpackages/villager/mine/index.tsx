import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { currentClock } from '../../../requests/due';
import { timeText } from '../../../requests/labels';
import { Hearts, RequestRow } from '../../../requests/components/request-parts';
import { DeadlineExplanation } from '../../../requests/components/deadline-explanation';
import { listMyRequests, type RequestListItem } from '../../../requests/requests-api';
import '../../../requests/components/request.css';

const TOAST = 'mine-toast';

/** What is due when, in one line for the list. */
function dueLine(request: RequestListItem): string | null {
  const clock = currentClock(request);
  if (clock?.kind === 'contact') return `${timeText(clock.dueAt.toISOString())} 前联系您`;
  if (clock?.kind === 'completion') return `预计 ${timeText(clock.dueAt.toISOString())} 前办好`;
  if (request.actions.includes('rate')) return '请您评价办理结果';
  return null;
}

/**
 * 我的诉求: newest first, each with its state, category, time and what is due when, with
 * 「怎么算的？」 beside a deadline (its tap opens the explanation, not the matter).
 */
export default function MyRequestsPage() {
  const loader = useLoader(listMyRequests, { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  return (
    <PageShell
      state={loader.state}
      onRetry={loader.reload}
      isEmpty={(list) => list.length === 0}
      emptyText="您还没有反映过事情"
      emptyAction={
        <Button className="big-button" type="primary" block onClick={() => Taro.redirectTo({ url: ROUTES.report })}>
          我要反映
        </Button>
      }
    >
      {(list) => (
        <View className="req-list mine-list">
          {list.map((request) => {
            const due = dueLine(request);
            return (
              <RequestRow key={request.id} request={request} onTap={() => Taro.navigateTo({ url: requestUrl(ROUTES.myRequest, request.id) })}>
                {due && (
                  <View className="mine-due">
                    <Text className="req-row-note">{due}</Text>
                    {currentClock(request) && <DeadlineExplanation request={request} />}
                  </View>
                )}
                {request.rating && <Hearts rating={request.rating} />}
              </RequestRow>
            );
          })}
          <Toast id={TOAST} className="req-toast" />
        </View>
      )}
    </PageShell>
  );
}
