import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { canBindGroups } from '../../../auth/roles';
import { useSession, type UnitRef } from '../../../auth/session-store';
import { useGroupEntry } from '../../../group/village-context';
import { chooseUnitUrl, ROUTES } from '../../../routes';
import { bindOpenedGroup, confirmBinding } from '../bind';
import { showError } from '../feedback';
import { SELECTABLE_KINDS } from '../choose-unit/units';
import { useTextRootClass } from '../../../lib/text-size';
import '../account.css';

const TOAST = 'bind-toast';

/** Units above a village that the picker can start from (the API checks the span when binding). */
const BROWSABLE_KINDS = ['county', 'town', 'large_grid'];

/**
 * 绑定本群: someone whose role allows it (grid leaders, secretaries, staff…) says which village or
 * small grid the group they opened the app in serves. Once bound, it stays bound.
 */
export default function BindGroup() {
  const textRoot = useTextRootClass();
  const session = useSession();
  const entry = useGroupEntry();
  const [saving, setSaving] = useState(false);

  if (!session || !canBindGroups(session.me)) {
    return (
      <View className={`account ${textRoot}`}>
        <Text className="account-hint">只有网格巷长、村支部书记和镇村工作人员可以绑定群。</Text>
      </View>
    );
  }
  if (entry.state === 'bound') {
    return (
      <View className={`account ${textRoot}`}>
        <Text className="account-hint">本群已绑定到：{entry.unit.name}</Text>
      </View>
    );
  }
  if (entry.state !== 'unbound') {
    return (
      <View className={`account ${textRoot}`}>
        <Text className="account-hint">请在村里的微信群中点开“网格通”卡片，再来绑定。</Text>
      </View>
    );
  }

  const seen = new Set<number>();
  const direct: UnitRef[] = [];
  const browse: UnitRef[] = [];
  for (const held of session.me.roles) {
    if (seen.has(held.unit.id)) continue;
    seen.add(held.unit.id);
    if (SELECTABLE_KINDS.includes(held.unit.kind)) direct.push(held.unit);
    else if (BROWSABLE_KINDS.includes(held.unit.kind)) browse.push(held.unit);
  }

  const bind = async (unit: UnitRef) => {
    if (saving || !(await confirmBinding(unit))) return;
    setSaving(true);
    try {
      await bindOpenedGroup(unit);
      Taro.reLaunch({ url: ROUTES.home });
    } catch (error) {
      showError(TOAST, error);
      setSaving(false);
    }
  };

  return (
    <View className={`account ${textRoot}`}>
      <Text className="account-title">本群服务哪个村或网格？</Text>

      {direct.length > 0 && (
        <View className="account-section">
          <Text className="account-section-title">您负责的</Text>
          <View className="account-list">
            {direct.map((unit) => (
              <View className="account-row" hoverClass="account-row--pressed" key={unit.id} onClick={() => bind(unit)}>
                <View className="account-row-main">
                  <Text className="account-row-title">{unit.name}</Text>
                </View>
                <Text className="account-row-action">绑定</Text>
              </View>
            ))}
          </View>
        </View>
      )}

      {browse.map((unit) => (
        <View className="account-section" key={unit.id}>
          <Button
            className="account-button account-button--plain"
            type="primary"
            fill="outline"
            block
            onClick={() => Taro.navigateTo({ url: chooseUnitUrl('bind', unit.kind === 'county' ? undefined : unit) })}
          >
            {`在${unit.name}中选择`}
          </Button>
        </View>
      ))}
      {direct.length === 0 && browse.length === 0 && (
        <Button
          className="account-button account-button--plain"
          type="primary"
          fill="outline"
          block
          onClick={() => Taro.navigateTo({ url: chooseUnitUrl('bind') })}
        >
          按镇、村选择
        </Button>
      )}

      <Toast id={TOAST} className="account-toast" />
    </View>
  );
}
