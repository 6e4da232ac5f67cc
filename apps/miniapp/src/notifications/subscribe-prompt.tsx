import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../components/nutui';
import type { NotificationKind } from './notifications-api';
import { askToSubscribe, loadTemplateIds } from './subscriptions';

/**
 * 接收微信提醒: a card that asks WeChat for subscribe messages from a tap (WeChat shows its sheet
 * only from one). Shown once per visit of the page, only in WeChat and only when templates are
 * configured for these kinds; otherwise it renders nothing. Never in the way: 不用了 hides it.
 */
export function SubscribePrompt({ kinds, text, className = '' }: { kinds: readonly NotificationKind[]; text: string; className?: string }) {
  const [ids, setIds] = useState<string[]>([]);
  const [state, setState] = useState<'ask' | 'done' | 'dismissed'>('ask');

  useEffect(() => {
    let live = true;
    void loadTemplateIds(kinds).then((loaded) => {
      if (live) setIds(loaded);
    });
    return () => {
      live = false;
    };
    // The kinds are constants of the calling page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (ids.length === 0 || state === 'dismissed') return null;
  if (state === 'done') {
    return (
      <View className={`req-notice subscribe-prompt ${className}`}>
        <Text className="req-notice-text">好的。有新进展，微信会提醒您；消息中心里也都能看到。</Text>
      </View>
    );
  }
  const ask = () => {
    // Synchronously inside the tap: WeChat refuses the sheet after an await.
    void askToSubscribe(ids);
    setState('done');
  };
  return (
    <View className={`req-notice subscribe-prompt ${className}`}>
      <Text className="req-notice-text">{text}</Text>
      <Button className="big-button subscribe-accept" type="primary" block onClick={ask}>
        接收微信提醒
      </Button>
      <Button className="big-button big-button--plain subscribe-dismiss" type="default" fill="outline" block onClick={() => setState('dismissed')}>
        不用了
      </Button>
    </View>
  );
}
