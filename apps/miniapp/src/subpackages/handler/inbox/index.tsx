import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../api/errors';
import { Button, Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { useNow } from '../../../lib/use-now';
import { SubscribePrompt } from '../../../notifications/subscribe-prompt';
import { HANDLER_KINDS } from '../../../notifications/subscriptions';
import { requestUrl, ROUTES } from '../../../routes';
import { DueCountdown, RequestRow } from '../../../requests/components/request-parts';
import { getInbox, INBOX_PAGE, type RequestListItem } from '../../../requests/requests-api';
import '../../../requests/components/request.css';

const TOAST = 'inbox-toast';

/**
 * 待办: the open matters I handle, in the API's order (soonest due first), each with a live
 * countdown to its contact or completion deadline, red once overdue.
 */
export default function InboxPage() {
  const loader = useLoader(() => getInbox(), { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  const now = useNow(1000);
  // Later pages, appended below the first; a fresh first page (coming back, pull-to-refresh) starts over.
  const [more, setMore] = useState<{ rows: RequestListItem[]; done: boolean; loading: boolean }>({ rows: [], done: false, loading: false });
  useEffect(() => setMore({ rows: [], done: false, loading: false }), [loader.state]);
  const loadMore = async (shown: RequestListItem[]) => {
    setMore((m) => ({ ...m, loading: true }));
    try {
      const page = await getInbox(shown[shown.length - 1]);
      setMore((m) => ({ rows: [...m.rows, ...page], done: page.length < INBOX_PAGE, loading: false }));
    } catch (error) {
      setMore((m) => ({ ...m, loading: false }));
      Toast.show(TOAST, { content: messageOf(error), duration: 3 });
    }
  };
  return (
    <PageShell
      state={loader.state}
      onRetry={loader.reload}
      isEmpty={(list) => list.length === 0}
      emptyText="现在没有待办的事，辛苦了"
      emptyAction={<SubscribePrompt kinds={HANDLER_KINDS} text="在微信里接收新待办、快到时限和超时的提醒" className="inbox-subscribe" />}
    >
      {(firstPage) => {
        const list = [...firstPage, ...more.rows];
        const mayHaveMore = !more.done && list.length > 0 && list.length % INBOX_PAGE === 0;
        return (
          <View className="req-list inbox-list">
            {/* Once per visit, from a tap (WeChat only, when templates are configured): new matters,
              reminders, overdue, 催办 and 督办 as WeChat messages. */}
            <SubscribePrompt kinds={HANDLER_KINDS} text="在微信里接收新待办、快到时限和超时的提醒" className="inbox-subscribe" />
            <Text className="inbox-count">{mayHaveMore ? `最急的 ${list.length} 件` : `共 ${list.length} 件`}，最急的在最上面</Text>
            {list.map((request) => (
              <RequestRow key={request.id} request={request} onTap={() => Taro.navigateTo({ url: requestUrl(ROUTES.handleRequest, request.id) })}>
                {request.addressNote && <Text className="req-row-note">地点：{request.addressNote}</Text>}
                {request.transferRequested && <Text className="req-row-note">已申请转办，等待热线办答复</Text>}
                <DueCountdown request={request} now={now} />
              </RequestRow>
            ))}
            {mayHaveMore && (
              <Button className="inbox-more" size="large" block fill="outline" loading={more.loading} onClick={() => loadMore(list)}>
                加载更多
              </Button>
            )}
            <Toast id={TOAST} className="req-toast" />
          </View>
        );
      }}
    </PageShell>
  );
}
