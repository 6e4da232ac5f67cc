import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RequestShare } from '@gridloop/domain/dist/requests/share';
import { Button } from '../../../components/nutui';

/**
 * 分享进展: in WeChat a button that sends the page's share card (its title comes from
 * useShareAppMessage on the page); in the browser the same facts as text to copy. Only what
 * requestShare (packages/domain) lets out; the page shows nothing here for a 保密 matter.
 */
export function ShareCard({ share }: { share: RequestShare }) {
  const [shown, setShown] = useState(false);
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="req-card share-card">
        <Button className="big-button big-button--plain share-send" type="primary" fill="outline" block openType="share">
          分享进展到群里
        </Button>
        <Text className="form-hint">只分享事情类别、所在村、进展和时间，不含您写的内容和电话</Text>
      </View>
    );
  }
  const copy = () => Taro.setClipboardData({ data: share.text }).catch(() => undefined);
  return (
    <View className="req-card share-card">
      {!shown ? (
        <Button className="big-button big-button--plain share-show" type="primary" fill="outline" block onClick={() => setShown(true)}>
          分享进展
        </Button>
      ) : (
        <View className="share-body">
          <Text className="req-card-title">可以分享的文字</Text>
          <Text className="share-text" userSelect>
            {share.text}
          </Text>
          <Button className="big-button share-copy" type="primary" block onClick={copy}>
            复制文字
          </Button>
        </View>
      )}
      <Text className="form-hint">只分享事情类别、所在村、进展和时间，不含您写的内容和电话</Text>
    </View>
  );
}
