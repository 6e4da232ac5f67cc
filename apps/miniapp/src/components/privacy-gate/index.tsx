import { useEffect, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../nutui';
import { agreeToPrivacy, privacyAgreed } from '../../lib/privacy';
import './privacy-gate.css';

/**
 * Shows `children` (a phone field, the 绑定手机号 button) only once the person has agreed to the
 * privacy guide; until then a short card says what the number is for, with 同意. Agreed once
 * (remembered by the app in the browser, by WeChat in the mini-program: src/lib/privacy).
 */
export function PrivacyGate({ children, className = '' }: { children: ReactNode; className?: string }) {
  const [state, setState] = useState<'checking' | 'ask' | 'agreed' | 'refused'>('checking');
  useEffect(() => {
    let gone = false;
    privacyAgreed().then((agreed) => {
      if (!gone) setState(agreed ? 'agreed' : 'ask');
    });
    return () => {
      gone = true;
    };
  }, []);
  if (state === 'agreed') return <>{children}</>;
  if (state === 'checking') return null;
  const onAgree = async () => setState((await agreeToPrivacy()) ? 'agreed' : 'refused');
  return (
    <View className={`privacy-gate ${className}`}>
      <Text className="privacy-gate-title">关于您的手机号</Text>
      <Text className="privacy-gate-text">
        网格通只用您的手机号联系您、办理您反映的事。工作人员平时只看到隐去中间四位的号码，办理或督办的人给您打电话时才用完整号码，每次都有记录，不会公开，也不会给别人。
      </Text>
      {state === 'refused' && <Text className="privacy-gate-text privacy-gate-refused">您还没有同意，手机号先不填也可以。</Text>}
      <Button className="privacy-gate-agree" type="primary" fill="outline" block onClick={onAgree}>
        同意，填写手机号
      </Button>
    </View>
  );
}
