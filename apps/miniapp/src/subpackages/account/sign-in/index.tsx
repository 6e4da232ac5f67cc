import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { messageOf } from '../../../api/errors';
import { listDemoPeople, signInAsDemoPerson, type DemoPerson } from '../../../auth/account';
import { roleRank } from '../../../auth/roles';
import { signInWithWechat, wechatSignInAvailable } from '../../../auth/wechat-sign-in';
import { ROUTES } from '../../../routes';
import { showError } from '../feedback';
import { useTextRootClass } from '../../../lib/text-size';
import '../account.css';
import './index.css';

const TOAST = 'sign-in-toast';

type DemoState =
  | { kind: 'loading' }
  /** The API runs without the demo login (404). */
  | { kind: 'off' }
  | { kind: 'error'; message: string }
  | { kind: 'on'; people: DemoPerson[] };

interface RoleGroup {
  role: string;
  label: string;
  people: DemoPerson[];
}

function groupByRole(people: DemoPerson[]): RoleGroup[] {
  const groups = new Map<string, RoleGroup>();
  for (const person of people) {
    const group = groups.get(person.role) ?? { role: person.role, label: person.roleLabel, people: [] };
    group.people.push(person);
    groups.set(person.role, group);
  }
  return [...groups.values()].sort((a, b) => roleRank(a.role) - roleRank(b.role));
}

function goHome() {
  Taro.reLaunch({ url: ROUTES.home });
}

export default function SignIn() {
  const textRoot = useTextRootClass();
  const [demo, setDemo] = useState<DemoState>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);

  const loadDemo = () => {
    setDemo({ kind: 'loading' });
    listDemoPeople().then(
      (people) => setDemo(people ? { kind: 'on', people } : { kind: 'off' }),
      (error: unknown) => setDemo({ kind: 'error', message: messageOf(error) }),
    );
  };
  useLoad(loadDemo);

  const groups = useMemo(() => (demo.kind === 'on' ? groupByRole(demo.people) : []), [demo]);

  const signIn = async (how: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await how();
      goHome();
    } catch (error) {
      showError(TOAST, error);
      setBusy(false);
    }
  };

  return (
    <View className={`account ${textRoot}`}>
      <Text className="account-title">登录网格通</Text>

      {wechatSignInAvailable && (
        <Button className="account-button sign-in-wechat" type="primary" size="xlarge" block loading={busy} onClick={() => signIn(signInWithWechat)}>
          微信一键登录
        </Button>
      )}

      {demo.kind === 'loading' && <Text className="account-hint">正在加载…</Text>}
      {demo.kind === 'error' && (
        <View className="account-section">
          <Text className="account-error">{demo.message}</Text>
          <Button className="account-button account-button--plain" type="primary" fill="outline" block onClick={loadDemo}>
            重新加载
          </Button>
        </View>
      )}
      {demo.kind === 'off' && !wechatSignInAvailable && <Text className="account-hint">网页版暂时不能登录，请在微信里打开“网格通”小程序。</Text>}

      {demo.kind === 'on' && (
        <View className="demo">
          <View className="demo-banner">
            <Text className="demo-banner-title">演示模式</Text>
            <Text className="demo-banner-text">选择一位虚拟人员登录，数据均为虚构</Text>
          </View>
          {groups.map((group) => (
            <View className="account-section" key={group.role}>
              <Text className="account-section-title">{group.label}</Text>
              <View className="account-list">
                {group.people.map((person) => (
                  <View
                    className="account-row demo-person"
                    hoverClass="account-row--pressed"
                    key={person.personId}
                    onClick={() => signIn(() => signInAsDemoPerson(person.personId))}
                  >
                    <View className="account-row-main">
                      <Text className="account-row-title">{person.name}</Text>
                      <Text className="account-row-note">{person.unitName}</Text>
                    </View>
                    <Text className="account-row-action">登录 ›</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
        </View>
      )}

      <Toast id={TOAST} className="account-toast" />
    </View>
  );
}
