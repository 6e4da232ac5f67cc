import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { requestUrl, ROUTES } from '../../../routes';
import { Hearts, RequestRow } from '../../../requests/components/request-parts';
import { getReturnVisitSample, type ReturnVisitSample } from '../../../requests/return-visits-api';

/**
 * 回访抽查 under the look-back queue: the week's random sample of matters closed last week (the same
 * for everyone, whatever their in-app rating), still to be called; each opens the matter, where 回访
 * records the call. Quiet when it cannot load: the look-back queue above is the page's work.
 */
export function ReturnVisitSampleList() {
  const [sample, setSample] = useState<ReturnVisitSample | null>(null);
  useEffect(() => {
    getReturnVisitSample().then(setSample, () => setSample(null));
  }, []);
  if (!sample || sample.drawn === 0) return null;
  return (
    <View className="req-list return-visit-sample">
      <Text className="inbox-count">
        回访抽查：上周关闭的事随机抽了 {sample.drawn} 件，已回访 {sample.visited} 件，还剩 {sample.items.length} 件
      </Text>
      {sample.items.map((request) => (
        <RequestRow key={request.id} request={request} onTap={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, request.id) })}>
          {request.rating ? <Hearts rating={request.rating} /> : <Text className="req-row-note">群众没有评价</Text>}
        </RequestRow>
      ))}
    </View>
  );
}
