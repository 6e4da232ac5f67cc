import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONTACT_METHOD_LABELS, CONTACT_METHODS, type ContactMethod } from '@gridloop/domain/dist/requests/acceptance';
import { Toast } from '../../../components/nutui';
import { Input } from '../../../components/nutui-forms';
import { PageShell } from '../../../components/page-shell';
import { reloadMe } from '../../../auth/account';
import { proxyAreas } from '../../../auth/roles';
import { useSession, type Me, type UnitRef } from '../../../auth/session-store';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { CategoryChips, ConfidentialSwitch, SendingNotice, SubmitButton, WhatWhereFields } from '../../../requests/components/draft-form';
import { ChosenUnit, MATTER_UNITS, UnitPicker } from '../../../requests/components/unit-picker';
import { EMPTY_BASE, type DraftBase } from '../../../requests/draft';
import { submitRequestOnBehalf } from '../../../requests/requests-api';
import { useDraftSubmit } from '../../../requests/use-draft-submit';
import { townOf } from '../../../requests/units';
import '../../../requests/components/request.css';

const TOAST = 'proxy-toast';
const PHONE = /^1[3-9]\d{9}$/;

interface ProxyDraft extends DraftBase {
  requesterName: string;
  requesterPhone: string;
  unit: UnitRef | null;
  confidential: boolean;
  /** How the leader reached the villager: entering it is then the first contact (left out of drafts kept before it was asked). */
  contactMethod?: ContactMethod;
}

const EMPTY_PROXY: ProxyDraft = { ...EMPTY_BASE, requesterName: '', requesterPhone: '', unit: null, confidential: false, contactMethod: 'visit' };

type Problem = 'requesterName' | 'requesterPhone' | 'unit' | 'category' | 'description';

/** Where the caller may enter matters: a grid or village of their own is chosen straight away; a larger area opens the picker. */
function WhereField({ me, roots, unit, onChange, error }: { me: Me; roots: UnitRef[]; unit: UnitRef | null; onChange(unit: UnitRef): void; error?: string }) {
  const direct = proxyAreas(me).filter((area) => MATTER_UNITS.selectable.includes(area.kind));
  const [root, setRoot] = useState<UnitRef | null>(null);
  return (
    <View className="req-card proxy-where">
      <ChosenUnit unit={unit} hint="是哪个村、哪个网格的事" />
      {direct.length > 0 && (
        <View className="chips">
          {direct.map((area) => (
            <View key={area.id} className={`chip proxy-unit ${unit?.id === area.id ? 'chip--on' : ''}`} onClick={() => onChange(area)}>
              <Text className="chip-text">{area.name}</Text>
            </View>
          ))}
        </View>
      )}
      {roots.length > 0 &&
        (root ? (
          <UnitPicker root={root} rules={MATTER_UNITS} value={unit} onChange={onChange} />
        ) : (
          <View className="chips">
            {roots.map((area) => (
              <View key={area.id} className="chip proxy-open-area" onClick={() => setRoot(area)}>
                <Text className="chip-text">在{area.name}里选 ›</Text>
              </View>
            ))}
          </View>
        ))}
      {error && <Text className="form-error">{error}</Text>}
    </View>
  );
}

/**
 * 代办 is the first contact (the leader is with the villager, or on the phone): how, so the matter
 * is accepted as it is entered. Face to face to start with, the usual case. Not asked of hotline
 * staff, whose calls the grid still has to follow up.
 */
function ContactMethodField({ value, onChange }: { value: ContactMethod; onChange(method: ContactMethod): void }) {
  return (
    <View className="req-card proxy-contact">
      <View className="form-field">
        <Text className="form-label">您是怎么联系群众的</Text>
        <View className="chips">
          {CONTACT_METHODS.map((m) => (
            <View key={m} className={`chip proxy-contact-method ${value === m ? 'chip--on' : ''}`} onClick={() => onChange(m)}>
              <Text className="chip-text">{CONTACT_METHOD_LABELS[m]}</Text>
            </View>
          ))}
        </View>
        <Text className="form-hint">代办登记就算已经联系过群众，提交后直接受理</Text>
      </View>
    </View>
  );
}

function ProxyForm({ me, roots }: { me: Me; roots: UnitRef[] }) {
  const { draft, change, sending, uploading, submit: send, photos } = useDraftSubmit('proxy', me.id, EMPTY_PROXY);
  const [problems, setProblems] = useState<Partial<Record<Problem, string>>>({});
  const fix = (patch: Partial<ProxyDraft>, problem: Problem) => {
    change(patch);
    setProblems((p) => ({ ...p, [problem]: undefined }));
  };
  // A grid leader's own small grid (the only place they may enter) is preselected.
  const areas = proxyAreas(me);
  const only = areas.length === 1 && areas[0] && MATTER_UNITS.selectable.includes(areas[0].kind) ? areas[0] : null;
  const unit = draft.unit ?? only;
  // Grid leaders and village secretaries enter 代办 where they work; hotline staff enter calls in their office's town.
  const asksContact = areas.some((area) => area.kind !== 'hotline_office');
  const contactMethod = draft.contactMethod ?? 'visit';

  const check = (): boolean => {
    const found: typeof problems = {};
    if (!draft.requesterName.trim()) found.requesterName = '请填写群众的姓名';
    if (!PHONE.test(draft.requesterPhone)) found.requesterPhone = '请填写群众的11位手机号';
    if (!unit) found.unit = '请选择是哪个村、哪个网格的事';
    if (!draft.category) found.category = '请选择是哪一类事情';
    if (!draft.description.trim()) found.description = '请说一说是什么事';
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  const submit = async () => {
    if (!check() || !draft.category || !unit) return;
    const category = draft.category;
    const created = await send((clientRequestId) =>
      submitRequestOnBehalf({
        clientRequestId,
        requesterName: draft.requesterName.trim(),
        requesterPhone: draft.requesterPhone,
        unitId: unit.id,
        category,
        description: draft.description.trim(),
        confidential: draft.confidential,
        contactPhone: draft.requesterPhone,
        ...(asksContact ? { contactMethod } : {}),
        ...(draft.addressNote.trim() ? { addressNote: draft.addressNote.trim() } : {}),
        ...(draft.photos.length ? { photoIds: draft.photos.map((photo) => photo.id) } : {}),
      }),
    );
    if (created) {
      Taro.showToast({ title: '已代为提交', icon: 'success', duration: 2000 });
      Taro.redirectTo({ url: requestUrl(ROUTES.handleRequest, created.id) });
    }
  };

  return (
    <View className="proxy">
      <View className="req-card">
        <View className="form-field">
          <Text className="form-label">替谁反映：姓名</Text>
          <Input
            className="form-input proxy-name"
            value={draft.requesterName}
            onChange={(requesterName) => fix({ requesterName }, 'requesterName')}
            placeholder="例如：孙大爷"
            maxLength={40}
          />
          {problems.requesterName && <Text className="form-error">{problems.requesterName}</Text>}
        </View>
        <View className="form-field">
          <Text className="form-label">他的手机号</Text>
          <Input
            className="form-input proxy-phone"
            type="number"
            value={draft.requesterPhone}
            onChange={(phone) => fix({ requesterPhone: phone.replace(/\D/g, '').slice(0, 11) }, 'requesterPhone')}
            placeholder="用这个号码登录就能看到办理进度"
            maxLength={11}
          />
          {problems.requesterPhone && <Text className="form-error">{problems.requesterPhone}</Text>}
        </View>
      </View>

      <WhereField me={me} roots={roots} unit={unit} onChange={(picked) => fix({ unit: picked }, 'unit')} error={problems.unit} />

      {asksContact && <ContactMethodField value={contactMethod} onChange={(method) => change({ contactMethod: method })} />}

      <CategoryChips value={draft.category} error={problems.category} onChange={(category) => fix({ category }, 'category')} />

      <View className="req-card">
        <WhatWhereFields
          draft={draft}
          onChange={(patch) => fix(patch, 'description')}
          photos={photos}
          onPhotoError={(message) => Toast.show(TOAST, { content: message, duration: 3 })}
          prefix="proxy"
          label="什么事"
          placeholder="请写清楚是什么事、在哪里、从什么时候开始"
          error={problems.description}
        />
        <ConfidentialSwitch checked={draft.confidential} onChange={(confidential) => change({ confidential })} className="proxy-confidential" />
      </View>

      <SendingNotice sending={sending} />
      <SubmitButton label="代为提交" busy={sending.kind === 'sending'} uploading={uploading} onSubmit={submit} className="proxy-submit" />
      <Toast id={TOAST} className="req-toast" />
    </View>
  );
}

/** 代办: a matter entered for an elderly villager, who then sees it as their own. */
export default function OnBehalfPage() {
  const session = useSession();
  // Fresh roles; areas larger than a village are chosen in (hotline staff sit in the town's
  // hotline office: they choose in the town).
  const loader = useLoader(async () => {
    const me = await reloadMe();
    const larger = proxyAreas(me).filter((area) => !MATTER_UNITS.selectable.includes(area.kind));
    const roots = await Promise.all(larger.map((area) => (area.kind === 'hotline_office' ? townOf(area) : Promise.resolve(area))));
    return { me, roots };
  });
  if (!session) return null;
  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {({ me, roots }) => <ProxyForm me={me} roots={roots} />}
    </PageShell>
  );
}
