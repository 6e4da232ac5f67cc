import { Text, View } from '@tarojs/components';
import { hasRequester } from '@gridloop/domain/dist/requests/sources';

export { hasRequester };

/** 反映人 and 电话 on a staff page; 「巡查发现」 for a patrol finding, which nobody raised. */
export function RequesterLines({
  request,
  phoneClassName = '',
}: {
  request: { source: string; requesterName: string; contactPhone?: string | null };
  phoneClassName?: string;
}) {
  if (!hasRequester(request.source))
    return (
      <View className="req-person">
        <Text className="req-phone req-patrol-found">巡查发现</Text>
      </View>
    );
  return (
    <View className="req-person">
      <Text className="req-phone">反映人：{request.requesterName}</Text>
      <Text className={`req-phone ${phoneClassName}`.trim()}>电话：{request.contactPhone ?? '没有留电话'}</Text>
    </View>
  );
}
