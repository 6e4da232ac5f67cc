import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { Hearts, RequestRow } from '../../../requests/components/request-parts';
import { timeText } from '../../../requests/labels';
import { getLookBackQueue, type RequestListItem } from '../../../requests/requests-api';
import { ReturnVisitSampleList } from './return-visit-sample';
import '../../../requests/components/request.css';

const TOAST = 'look-back-toast';

/** When a row's result came (the queue's order): 「办结 …」, or 「不予受理 …」 for a refusal. */
function readyText(request: RequestListItem): string | undefined {
  if (!request.readyAt) return undefined;
  return `${request.state === 'rejected' ? '不予受理' : '办结'} ${timeText(request.readyAt)}`;
}

/** 回看: results and refusals waiting for someone other than the handler to check, the one waiting longest first. */
export default function LookBackQueuePage() {
  const loader = useLoader(getLookBackQueue, { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  return (
    <>
      <PageShell state={loader.state} onRetry={loader.reload} isEmpty={(list) => list.length === 0} emptyText="现在没有要回看的事">
        {(list) => (
          <View className="req-list look-back-list">
            <Text className="inbox-count">共 {list.length} 件，等得最久的在最上面</Text>
            {list.map((request) => {
              return (
                <RequestRow
                  key={request.id}
                  request={request}
                  time={readyText(request)}
                  onTap={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, request.id) })}
                >
                  {request.resultNote && <Text className="req-row-note">结果：{request.resultNote}</Text>}
                  {request.rating ? <Hearts rating={request.rating} /> : <Text className="req-row-note">群众还没有评价</Text>}
                </RequestRow>
              );
            })}
            <Toast id={TOAST} className="req-toast" />
          </View>
        )}
      </PageShell>
      <ReturnVisitSampleList />
    </>
  );
}
