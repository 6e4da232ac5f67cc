import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { RequestRow } from '../../../requests/components/request-parts';
import { timeText } from '../../../requests/labels';
import { getDispatchQueue } from '../../../requests/requests-api';
import '../../../requests/components/request.css';

const TOAST = 'dispatch-toast';

/** 派单: 12345 orders waiting at the hotline office and handlers' transfer requests, oldest first. */
/** A 12345 order opens with its 转办 form open (its one step); a transfer request opens as it is (转办 or 不同意). */
function dispatchUrl(request: { id: number; hotlineOrderNo?: string | null; transferRequested: boolean }): string {
  const url = requestUrl(ROUTES.lookBackRequest, request.id);
  return request.hotlineOrderNo && !request.transferRequested ? `${url}&dispatch=1` : url;
}

export default function DispatchQueuePage() {
  const loader = useLoader(getDispatchQueue, { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  return (
    <PageShell state={loader.state} onRetry={loader.reload} isEmpty={(list) => list.length === 0} emptyText="现在没有要派的单">
      {(list) => (
        <View className="req-list dispatch-list">
          <Text className="inbox-count">共 {list.length} 件，最早的在最上面</Text>
          {list.map((request) => (
            <RequestRow key={request.id} request={request} onTap={() => Taro.navigateTo({ url: dispatchUrl(request) })}>
              {request.transferRequested && <Text className="req-row-note dispatch-transfer">承办人申请转办 · {request.handlerUnitName}</Text>}
              {request.hotlineOrderNo && <Text className="req-row-note dispatch-order">12345 工单 {request.hotlineOrderNo}</Text>}
              {request.cityDueAt && <Text className="req-row-note dispatch-city-due">市里要求 {timeText(request.cityDueAt)} 前办结</Text>}
            </RequestRow>
          ))}
          <Toast id={TOAST} className="req-toast" />
        </View>
      )}
    </PageShell>
  );
}
