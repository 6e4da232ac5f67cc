import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { Switch } from '../../../components/nutui-forms';
import { PrivacyGate } from '../../../components/privacy-gate';
import { bindPhone, reloadMe, signOut } from '../../../auth/account';
import { roleRank } from '../../../auth/roles';
import { useSession } from '../../../auth/session-store';
import { chooseUnitUrl, ROUTES } from '../../../routes';
import { showError, showMessage } from '../feedback';
import { DeskSignIns } from './desk-sign-ins';
import { setTextSize, useTextRootClass, useTextSize } from '../../../lib/text-size';
import '../account.css';
import './index.css';

const TOAST = 'me-toast';

export default function MePage() {
  const textRoot = useTextRootClass();
  const textSize = useTextSize();
  const session = useSession();
  const [busy, setBusy] = useState<'phone' | 'sign-out' | null>(null);

  useDidShow(() => {
    if (!session) {
      Taro.redirectTo({ url: ROUTES.signIn });
      return;
    }
    // Roles and home village as the server has them now (renews an expired sign-in on the way).
    reloadMe().catch((error: unknown) => showError(TOAST, error));
  });

  if (!session) {
    return (
      <View className={`account ${textRoot}`}>
        <Text className="account-hint">您已退出登录</Text>
      </View>
    );
  }
  const { me } = session;
  const roles = [...me.roles].sort((a, b) => roleRank(a.role) - roleRank(b.role));

  // weapp only: WeChat hands the button a one-time code for the number the user agreed to share.
  const onPhoneNumber = async (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const code = event.detail.code;
    if (!code) return; // refused, or an old WeChat without codes: nothing to do
    setBusy('phone');
    try {
      const next = await bindPhone(code);
      showMessage(TOAST, next.me.id === me.id ? '手机号已绑定' : `已绑定，欢迎您，${next.me.name}`);
    } catch (error) {
      showError(TOAST, error);
    } finally {
      setBusy(null);
    }
  };

  const onSignOut = async () => {
    setBusy('sign-out');
    await signOut();
    Taro.reLaunch({ url: ROUTES.home });
  };

  return (
    <View className={`account ${textRoot}`}>
      <View className="account-section">
        <View className="account-card">
          <Text className="me-name">{me.name}</Text>
          <Text className="me-phone">手机号：{me.phoneMasked ?? '未绑定'}</Text>
          {process.env.TARO_ENV === 'weapp' && (
            // WeChat's privacy agreement first (src/lib/privacy.weapp.ts), then the phone button.
            <PrivacyGate className="me-privacy">
              <Button
                className="account-button account-button--plain me-phone-button"
                type="primary"
                fill="outline"
                block
                openType="getPhoneNumber"
                loading={busy === 'phone'}
                onGetPhoneNumber={onPhoneNumber}
              >
                {me.phoneMasked ? '更换手机号' : '绑定手机号'}
              </Button>
            </PrivacyGate>
          )}
        </View>
      </View>

      <View className="account-section">
        <Text className="account-section-title">我的身份</Text>
        <View className="account-list">
          {roles.length === 0 ? (
            <View className="account-row">
              <Text className="account-row-title">村民</Text>
            </View>
          ) : (
            roles.map((held) => (
              <View className="account-row me-role" key={`${held.role}-${held.unit.id}`}>
                <View className="account-row-main">
                  <Text className="account-row-title">{held.roleLabel}</Text>
                  <Text className="account-row-note">{held.unit.name}</Text>
                </View>
              </View>
            ))
          )}
        </View>
      </View>

      <View className="account-section">
        <Text className="account-section-title">所在村</Text>
        <View className="account-list">
          <View className="account-row me-home" hoverClass="account-row--pressed" onClick={() => Taro.navigateTo({ url: chooseUnitUrl('home') })}>
            <View className="account-row-main">
              <Text className="account-row-title">{me.homeUnit?.name ?? '还没有选择'}</Text>
            </View>
            <Text className="account-row-action">更换 ›</Text>
          </View>
        </View>
      </View>

      <View className="account-section">
        <Text className="account-section-title">看得清</Text>
        <View className="account-list">
          <View className="account-row me-large-text">
            <View className="account-row-main">
              <Text className="account-row-title">大字模式</Text>
              <Text className="account-row-note">打开后，所有页面的字都变大</Text>
            </View>
            <Switch className="me-large-text-switch" checked={textSize === 'large'} onChange={(on: boolean) => setTextSize(on ? 'large' : 'normal')} />
          </View>
        </View>
      </View>

      {roles.length > 0 && <DeskSignIns toast={TOAST} />}

      <Button
        className="account-button account-button--plain me-sign-out"
        type="default"
        fill="outline"
        block
        loading={busy === 'sign-out'}
        onClick={onSignOut}
      >
        退出登录
      </Button>

      <Toast id={TOAST} className="account-toast" />
    </View>
  );
}
