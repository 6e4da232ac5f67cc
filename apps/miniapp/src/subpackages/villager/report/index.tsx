import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { Input } from '../../../components/nutui-forms';
import { PageShell } from '../../../components/page-shell';
import { PrivacyGate } from '../../../components/privacy-gate';
import { ApiError } from '../../../api/errors';
import { reloadMe } from '../../../auth/account';
import { useSession, type Me } from '../../../auth/session-store';
import { useCurrentVillage } from '../../../group/village-context';
import { useLoader } from '../../../lib/use-loader';
import { chooseUnitUrl, requestUrl, ROUTES } from '../../../routes';
import { CategoryChips, ConfidentialSwitch, SendingNotice, SubmitButton, WhatWhereFields } from '../../../requests/components/draft-form';
import { VoiceNoteField } from '../../../requests/components/voice-note';
import { EMPTY_DRAFT } from '../../../requests/draft';
import { submitRequest, type SubmitInput } from '../../../requests/requests-api';
import { useDraftSubmit } from '../../../requests/use-draft-submit';
import '../../../requests/components/request.css';
import './index.css';

const TOAST = 'report-toast';
const PHONE = /^1[3-9]\d{9}$/;

function ReportForm({ me }: { me: Me }) {
  const village = useCurrentVillage();
  const unit = village ?? me.homeUnit ?? null;
  const { draft, change, sending, uploading, submit: send, photos, voice } = useDraftSubmit('report', me.id, EMPTY_DRAFT);
  const [problems, setProblems] = useState<Partial<Record<'category' | 'description' | 'contactPhone' | 'unit', string>>>({});

  const check = (): boolean => {
    const found: typeof problems = {};
    if (!draft.category) found.category = '请选择是哪一类事情';
    if (!draft.description.trim() && !draft.voice) found.description = '请说一说是什么事（写字，或者按住下面的按钮说话）';
    if (draft.contactPhone && !PHONE.test(draft.contactPhone)) found.contactPhone = '请填写11位手机号';
    if (!unit) found.unit = '请先选择您所在的村';
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  const submit = async () => {
    if (!check() || !draft.category || !unit) return;
    const category = draft.category;
    const created = await send(
      (clientRequestId) => {
        const body: SubmitInput = {
          clientRequestId,
          category,
          unitId: unit.id,
          ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
          ...(draft.voice ? { voiceNoteId: draft.voice.id } : {}),
          confidential: draft.confidential,
          ...(draft.addressNote.trim() ? { addressNote: draft.addressNote.trim() } : {}),
          ...(draft.contactPhone ? { contactPhone: draft.contactPhone } : {}),
          ...(draft.photos.length ? { photoIds: draft.photos.map((photo) => photo.id) } : {}),
        };
        return submitRequest(body);
      },
      (error) => (error instanceof ApiError && error.code === 'UNIT_NOT_CHOSEN' ? '请先选择您所在的村' : null),
    );
    if (created) Taro.redirectTo({ url: `${requestUrl(ROUTES.myRequest, created.id)}&submitted=1` });
  };

  return (
    <View className="report">
      <View className="req-card report-unit">
        <Text className="form-label">反映到</Text>
        {unit ? (
          <View className="report-unit-row">
            <Text className="report-unit-name">{unit.name}</Text>
            <Text className="report-unit-change" onClick={() => Taro.navigateTo({ url: chooseUnitUrl('home') })}>
              更换 ›
            </Text>
          </View>
        ) : (
          <Button
            className="big-button big-button--plain report-choose-unit"
            type="primary"
            fill="outline"
            block
            onClick={() => Taro.navigateTo({ url: chooseUnitUrl('home') })}
          >
            选择您所在的村
          </Button>
        )}
        {problems.unit && <Text className="form-error">{problems.unit}</Text>}
      </View>

      <CategoryChips
        value={draft.category}
        error={problems.category}
        onChange={(category) => {
          change({ category });
          setProblems((p) => ({ ...p, category: undefined }));
        }}
      />

      <View className="req-card">
        <WhatWhereFields
          draft={draft}
          onChange={(patch) => {
            change(patch);
            if (patch.description !== undefined) setProblems((p) => ({ ...p, description: undefined }));
          }}
          photos={photos}
          onPhotoError={(message) => Toast.show(TOAST, { content: message, duration: 3 })}
          prefix="report"
          label="什么事"
          placeholder="请写清楚是什么事、在哪里、从什么时候开始"
          error={problems.description}
          besideText={
            <VoiceNoteField
              voice={voice.voice}
              onChange={(note) => {
                voice.onChange(note);
                if (note) setProblems((p) => ({ ...p, description: undefined }));
              }}
              onBusyChange={voice.onBusyChange}
              onError={(message) => Toast.show(TOAST, { content: message, duration: 3 })}
            />
          }
        />

        <View className="form-field">
          <Text className="form-label">联系电话（可不填）</Text>
          <PrivacyGate className="report-privacy">
            <Input
              className="form-input report-phone"
              type="number"
              value={draft.contactPhone}
              onChange={(contactPhone) => {
                change({ contactPhone: contactPhone.replace(/\D/g, '').slice(0, 11) });
                setProblems((p) => ({ ...p, contactPhone: undefined }));
              }}
              placeholder="留个电话，网格员好联系您"
              maxLength={11}
            />
          </PrivacyGate>
          {problems.contactPhone && <Text className="form-error">{problems.contactPhone}</Text>}
        </View>

        <ConfidentialSwitch checked={draft.confidential} onChange={(confidential) => change({ confidential })} />
      </View>

      <SendingNotice sending={sending} />
      <SubmitButton label="提交" busy={sending.kind === 'sending'} uploading={uploading} onSubmit={submit} />
      <Toast id={TOAST} className="req-toast" />
    </View>
  );
}

/** 我要反映: what, where, photos, how to reach me; a draft that survives; a submit that never duplicates. */
export default function ReportPage() {
  const session = useSession();
  // Fresh home village and roles (a sign-in that expired is renewed on the way).
  const loader = useLoader(() => (session ? reloadMe() : Promise.resolve(null)));

  if (!session) {
    return (
      <View className="shell">
        <View className="shell-state">
          <Text className="shell-state-text">请先登录，再反映您的事情</Text>
          <Button className="big-button report-sign-in" type="primary" block onClick={() => Taro.navigateTo({ url: ROUTES.signIn })}>
            登录
          </Button>
        </View>
      </View>
    );
  }
  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {(me) => <ReportForm me={me ?? session.me} />}
    </PageShell>
  );
}
