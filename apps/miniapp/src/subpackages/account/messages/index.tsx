import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { messageOf } from '../../../api/errors';
import { useSession } from '../../../auth/session-store';
import { useLoader } from '../../../lib/use-loader';
import { timeText } from '../../../requests/labels';
import { listMyNotifications, markNotificationsRead, type NotificationPage, type NotificationView } from '../../../notifications/notifications-api';
import { notificationRequestUrl } from '../../../notifications/open-request';
import '../../../requests/components/request.css';
import './index.css';

const TOAST = 'messages-toast';
const PAGE_SIZE = 20;

function MessageRow({ message, onTap }: { message: NotificationView; onTap(): void }) {
  const unread = message.readAt === null;
  return (
    <View className={`message-row ${unread ? 'message-row--unread' : ''}`} hoverClass="message-row--pressed" onClick={onTap}>
      <View className="message-row-top">
        {unread && <View className="message-dot" />}
        <Text className="message-title">{message.title}</Text>
        {unread && <Text className="message-unread">未读</Text>}
      </View>
      <Text className="message-body">{message.body}</Text>
      <View className="message-row-bottom">
        <Text className="message-time">{timeText(message.createdAt)}</Text>
        {message.requestId !== null && <Text className="message-open">查看 ›</Text>}
      </View>
    </View>
  );
}

/**
 * 消息中心: my messages, newest first, unread marked; 加载更多 pages back with the `before`
 * cursor; tapping one marks it read and opens its request; 全部已读.
 */
export default function MessagesPage() {
  const session = useSession();
  const toast = (content: string) => Toast.show(TOAST, { content, duration: 3 });
  const loader = useLoader(() => listMyNotifications({ limit: PAGE_SIZE }), { onQuietError: toast });
  const [more, setMore] = useState(false);
  const [marking, setMarking] = useState(false);
  const shown = (): NotificationPage | null => (loader.state.kind === 'ready' ? loader.state.data : null);

  const loadMore = async () => {
    const page = shown();
    if (!page || page.nextBefore === null || more) return;
    setMore(true);
    try {
      const older = await listMyNotifications({ before: page.nextBefore, limit: PAGE_SIZE });
      const seen = new Set(page.items.map((item) => item.id));
      loader.replace({
        items: [...page.items, ...older.items.filter((item) => !seen.has(item.id))],
        unreadCount: older.unreadCount,
        nextBefore: older.nextBefore,
      });
    } catch (error) {
      toast(messageOf(error));
    } finally {
      setMore(false);
    }
  };

  const open = (message: NotificationView) => {
    const page = shown();
    if (page && message.readAt === null) {
      // Shown as read at once; the page reloads quietly when it is shown again.
      const readAt = new Date().toISOString();
      loader.replace({
        ...page,
        items: page.items.map((item) => (item.id === message.id ? { ...item, readAt } : item)),
        unreadCount: Math.max(0, page.unreadCount - 1),
      });
      markNotificationsRead({ ids: [message.id] }).catch((error: unknown) => toast(messageOf(error)));
    }
    if (message.requestId !== null && session) Taro.navigateTo({ url: notificationRequestUrl(message.kind, message.requestId, session.me) });
  };

  const markAll = async () => {
    const page = shown();
    if (!page || marking) return;
    setMarking(true);
    try {
      const result = await markNotificationsRead({ all: true });
      const readAt = new Date().toISOString();
      const latest = shown() ?? page;
      loader.replace({ ...latest, items: latest.items.map((item) => (item.readAt === null ? { ...item, readAt } : item)), unreadCount: result.unreadCount });
      toast('已全部标为已读');
    } catch (error) {
      toast(messageOf(error));
    } finally {
      setMarking(false);
    }
  };

  return (
    <PageShell state={loader.state} onRetry={loader.reload} isEmpty={(page) => page.items.length === 0} emptyText="还没有消息。诉求有了进展，会在这里告诉您">
      {(page) => (
        <View className="messages">
          <View className="messages-head">
            <Text className="messages-count">{page.unreadCount > 0 ? `${page.unreadCount} 条未读` : '没有未读消息'}</Text>
            {page.unreadCount > 0 && (
              <Button className="messages-read-all" type="primary" fill="outline" size="large" loading={marking} disabled={marking} onClick={markAll}>
                全部已读
              </Button>
            )}
          </View>
          {page.items.map((message) => (
            <MessageRow key={message.id} message={message} onTap={() => open(message)} />
          ))}
          {page.nextBefore !== null ? (
            <Button
              className="big-button big-button--plain messages-more"
              type="primary"
              fill="outline"
              block
              loading={more}
              disabled={more}
              onClick={loadMore}
            >
              加载更多
            </Button>
          ) : (
            <Text className="messages-end">没有更早的消息了</Text>
          )}
          <Toast id={TOAST} className="req-toast" />
        </View>
      )}
    </PageShell>
  );
}
