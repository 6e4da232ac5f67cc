import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { showError, showMessage } from '../feedback';

type DeskSignIn = components['schemas']['DeskSignInDto'];

/** Asks first: the whole row takes the tap, and a mis-tap would sign out a desk in the middle of its work. */
async function confirmSignOut(desk: DeskSignIn): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '让这台电脑退出登录？',
    content: `${desk.browser}，${chinaTimeText(new Date(desk.signedInAt))} 扫码登录。退出后要在电脑上重新扫码。`,
    confirmText: '退出',
    cancelText: '不退出',
  });
  return confirm;
}

/**
 * 电脑登录: the desks signed in as me by scanning (扫码登录), each with 退出 (its sign-in is revoked, so
 * the console is signed out on its next call). Nothing is shown when there are none.
 */
export function DeskSignIns({ toast }: { toast: string }) {
  const [desks, setDesks] = useState<DeskSignIn[]>([]);
  const load = () => unwrap(api.GET('/api/me/desk-sign-ins')).then(setDesks, (error: unknown) => showError(toast, error));
  useDidShow(() => {
    void load();
  });
  if (desks.length === 0) return null;

  const signOut = async (desk: DeskSignIn) => {
    if (!(await confirmSignOut(desk))) return;
    try {
      await unwrap(api.POST('/api/me/desk-sign-ins/{deskSignInId}/revoke', { params: { path: { deskSignInId: desk.id } } }));
      showMessage(toast, '这台电脑已退出登录');
      await load();
    } catch (error) {
      showError(toast, error);
    }
  };

  return (
    <View className="account-section me-desks">
      <Text className="account-section-title">电脑登录</Text>
      <View className="account-list">
        {desks.map((desk) => (
          <View className="account-row me-desk" key={desk.id} hoverClass="account-row--pressed" onClick={() => void signOut(desk)}>
            <View className="account-row-main">
              <Text className="account-row-title">{desk.browser}</Text>
              <Text className="account-row-note">{chinaTimeText(new Date(desk.signedInAt))} 扫码登录</Text>
            </View>
            <Text className="account-row-action">退出</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
