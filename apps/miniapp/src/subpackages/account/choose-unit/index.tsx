import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { messageOf } from '../../../api/errors';
import { setHomeUnit } from '../../../auth/account';
import { getSession, type UnitRef } from '../../../auth/session-store';
import { setCurrentVillage, setGroupEntry } from '../../../group/village-context';
import { ROUTES, type ChooseUnitPurpose } from '../../../routes';
import { bindOpenedGroup, confirmBinding } from '../bind';
import { showError } from '../feedback';
import { choicesUnder, listTowns, opensFurther, SELECTABLE_KINDS } from './units';
import { useTextRootClass } from '../../../lib/text-size';
import '../account.css';
import './index.css';

const TOAST = 'choose-toast';

const TITLES: Record<ChooseUnitPurpose, string> = {
  home: '选择所在的村',
  village: '选择所在的村',
  bind: '选择本群对应的村或网格',
};

function purposeOf(value: string | undefined): ChooseUnitPurpose {
  return value === 'bind' || value === 'village' ? value : 'home';
}

function rootOf(params: Record<string, string | undefined>): UnitRef | null {
  const id = Number(params.rootId);
  if (!Number.isInteger(id) || id <= 0 || !params.rootName || !params.rootKind) return null;
  return { id, name: decodeURIComponent(params.rootName), kind: params.rootKind };
}

function goBackOr(url: string) {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
  else Taro.redirectTo({ url });
}

type Listing = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; units: UnitRef[] };

/**
 * The village picker: town → village → (optionally) small grid, from the public tree.
 * What choosing does depends on `purpose` (see routes.ts).
 */
export default function ChooseUnit() {
  const textRoot = useTextRootClass();
  const router = useRouter();
  const purpose = purposeOf(router.params.purpose);
  const root = rootOf(router.params);
  /** The units opened so far, from the top; empty = the towns (or the root's children). */
  const [trail, setTrail] = useState<UnitRef[]>(root ? [root] : []);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);

  useLoad(() => {
    Taro.setNavigationBarTitle({ title: TITLES[purpose] });
  });

  const current = trail[trail.length - 1];
  useEffect(() => {
    let live = true;
    setListing({ kind: 'loading' });
    (current ? choicesUnder(current) : listTowns()).then(
      (units) => live && setListing({ kind: 'ready', units }),
      (error: unknown) => live && setListing({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [current, reload]);

  /** The nearest village opened so far: it can be chosen as a whole. */
  const village = [...trail].reverse().find((unit) => unit.kind === 'village');

  const choose = async (unit: UnitRef) => {
    if (saving) return;
    if (purpose === 'bind' && !(await confirmBinding(unit))) return;
    setSaving(true);
    try {
      if (purpose === 'home') {
        await setHomeUnit(unit.id);
        goBackOr(ROUTES.me);
      } else if (purpose === 'village') {
        if (getSession()) await setHomeUnit(unit.id);
        setCurrentVillage(unit);
        setGroupEntry({ state: 'none' });
        Taro.reLaunch({ url: ROUTES.home });
      } else {
        await bindOpenedGroup(unit);
        Taro.reLaunch({ url: ROUTES.home });
      }
    } catch (error) {
      showError(TOAST, error);
      setSaving(false);
    }
  };

  const onTap = (unit: UnitRef) => {
    if (opensFurther(unit)) setTrail([...trail, unit]);
    else choose(unit);
  };

  const canGoUp = trail.length > (root ? 1 : 0);

  return (
    <View className={`account ${textRoot}`}>
      <Text className="choose-trail">{trail.length ? trail.map((unit) => unit.name).join(' › ') : '请选择镇（街道）'}</Text>

      {village && SELECTABLE_KINDS.includes(village.kind) && (
        <Button className="account-button choose-pick" type="primary" size="xlarge" block loading={saving} onClick={() => choose(village)}>
          {`就选 ${village.name}`}
        </Button>
      )}

      {listing.kind === 'loading' && <Text className="account-hint">正在加载…</Text>}
      {listing.kind === 'error' && (
        <View className="account-section">
          <Text className="account-error">{listing.message}</Text>
          <Button className="account-button account-button--plain" type="primary" fill="outline" block onClick={() => setReload(reload + 1)}>
            重新加载
          </Button>
        </View>
      )}
      {listing.kind === 'ready' && (
        <View className="account-section">
          {village && listing.units.length > 0 && <Text className="account-section-title">或者选择网格</Text>}
          {listing.units.length === 0 ? (
            <Text className="account-hint">这里没有可以选择的村或网格</Text>
          ) : (
            <View className="account-list">
              {listing.units.map((unit) => (
                <View className="account-row choose-unit" hoverClass="account-row--pressed" key={unit.id} onClick={() => onTap(unit)}>
                  <View className="account-row-main">
                    <Text className="account-row-title">{unit.name}</Text>
                  </View>
                  <Text className="account-row-action">{opensFurther(unit) ? '›' : '选择'}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}

      {canGoUp && (
        <Button className="account-button account-button--plain choose-up" type="default" fill="outline" block onClick={() => setTrail(trail.slice(0, -1))}>
          返回上一级
        </Button>
      )}

      <Toast id={TOAST} className="account-toast" />
    </View>
  );
}
