import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session-store';
import { Button } from '../../components/nutui';
import { ROUTES } from '../../routes';
import './index.css';

type Info = { browser: string; createdAt: string };
type View_ = { kind: 'loading' } | { kind: 'asking'; info: Info } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/**
 * 扫码登录's confirm page: the code on the desk's screen opens it with the ticket as WeChat's `scene`
 * (URL-encoded in the query). 确认登录 gives that browser a sign-in of its own for this person;
 * 取消 ends the ticket. Refusals (expired, used, another's, 村民) are the API's Chinese messages.
 */
export default function DeskSignInPage() {
  const router = useRouter();
  const scene = decodeURIComponent(router.params.scene ?? '');
  const session = useSession();
  const [view, setView] = useState<View_>({ kind: 'loading' });
  const [busy, setBusy] = useState<'confirm' | 'cancel' | null>(null);

  useEffect(() => {
    if (!session || scene === '') return;
    let live = true;
    unwrap(api.GET('/api/desk-tickets/{scene}', { params: { path: { scene } } })).then(
      (info) => live && setView({ kind: 'asking', info }),
      (error: unknown) => live && setView({ kind: 'failed', text: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [session, scene]);

  const decide = async (decision: 'confirm' | 'cancel') => {
    setBusy(decision);
    try {
      const path = decision === 'confirm' ? '/api/desk-tickets/{scene}/confirm' : '/api/desk-tickets/{scene}/cancel';
      await unwrap(api.POST(path, { params: { path: { scene } } }));
      setView({ kind: 'done', text: decision === 'confirm' ? '已确认，电脑上马上就能用了' : '已取消，电脑不会登录' });
    } catch (error) {
      setView({ kind: 'failed', text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  if (!session) {
    return (
      <View className="desk">
        <Text className="desk-title">请先登录网格通</Text>
        <Text className="desk-note">登录后，再用微信扫一扫电脑上的二维码</Text>
        <Button className="desk-button desk-sign-in" type="primary" block onClick={() => Taro.navigateTo({ url: ROUTES.signIn })}>
          去登录
        </Button>
      </View>
    );
  }
  if (scene === '') {
    return (
      <View className="desk">
        <Text className="desk-title">二维码无法识别，请重新扫码</Text>
      </View>
    );
  }

  return (
    <View className="desk">
      <Text className="desk-title">在电脑上登录网格通？</Text>
      {view.kind === 'loading' && <Text className="desk-line">正在读取…</Text>}
      {view.kind === 'asking' && (
        <>
          <Text className="desk-line desk-browser">{view.info.browser}</Text>
          <Text className="desk-line desk-time">{chinaTimeText(new Date(view.info.createdAt))} 请求登录</Text>
          <Text className="desk-note">确认后，这台电脑将以{session.me.name}的身份登录；不是您本人在操作，请点取消。</Text>
          <Button
            className="desk-button desk-confirm"
            type="primary"
            block
            loading={busy === 'confirm'}
            disabled={busy !== null}
            onClick={() => void decide('confirm')}
          >
            确认登录
          </Button>
          <Button className="desk-button desk-cancel" type="default" fill="outline" block disabled={busy !== null} onClick={() => void decide('cancel')}>
            取消
          </Button>
        </>
      )}
      {(view.kind === 'done' || view.kind === 'failed') && <Text className={`desk-line desk-${view.kind}`}>{view.text}</Text>}
    </View>
  );
}
