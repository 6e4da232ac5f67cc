import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DUTY_DEFAULT_CATEGORY, DUTY_TYPE_LABELS, DUTY_TYPES, type DutyType } from '@gridloop/domain/dist/requests/patrol';
import { Toast } from '../../../components/nutui';
import { TextArea } from '../../../components/nutui-forms';
import { PageShell } from '../../../components/page-shell';
import { reloadMe } from '../../../auth/account';
import { patrolGrids } from '../../../auth/roles';
import { useSession, type Me } from '../../../auth/session-store';
import { useLoader } from '../../../lib/use-loader';
import { requestUrl, ROUTES } from '../../../routes';
import { CategoryChips, SendingNotice, SubmitButton, WhatWhereFields } from '../../../requests/components/draft-form';
import { EMPTY_BASE, type DraftBase } from '../../../requests/draft';
import { reportPatrolFinding } from '../../../requests/requests-api';
import { useDraftSubmit } from '../../../requests/use-draft-submit';
import '../../../requests/components/request.css';

const TOAST = 'patrol-toast';

interface PatrolDraft extends DraftBase {
  dutyType: DutyType | null;
  unitId: number | null;
  result: string;
}

const EMPTY_PATROL: PatrolDraft = { ...EMPTY_BASE, dutyType: null, unitId: null, result: '' };

type Problem = 'dutyType' | 'category' | 'description' | 'result' | 'unit';

function PatrolForm({ me }: { me: Me }) {
  const grids = patrolGrids(me);
  const { draft, change, sending, uploading, submit: send, photos } = useDraftSubmit('patrol', me.id, EMPTY_PATROL);
  const [problems, setProblems] = useState<Partial<Record<Problem, string>>>({});
  // Which of the two buttons was tapped (it shows the spinner): 现场已处置 (true) or 上报 (false).
  const [outcome, setOutcome] = useState<boolean | null>(null);
  // The leader's own small grid; one who holds several picks (the last one used is kept).
  const grid = grids.find((g) => g.id === draft.unitId) ?? (grids.length === 1 ? grids[0] : undefined);
  const fix = (patch: Partial<PatrolDraft>, problem: Problem) => {
    change(patch);
    setProblems((p) => ({ ...p, [problem]: undefined }));
  };

  // The hat proposes its category (the leader may pick another); a category picked by hand stays.
  const chooseDuty = (duty: DutyType) => {
    const proposed = !draft.category || (draft.dutyType !== null && draft.category === DUTY_DEFAULT_CATEGORY[draft.dutyType]);
    change(proposed ? { dutyType: duty, category: DUTY_DEFAULT_CATEGORY[duty] } : { dutyType: duty });
    setProblems((p) => ({ ...p, dutyType: undefined, category: undefined }));
  };

  const check = (settledOnSpot: boolean): boolean => {
    const found: typeof problems = {};
    if (!draft.dutyType) found.dutyType = '请选择您以什么身份发现的';
    if (!draft.category) found.category = '请选择是哪一类事情';
    if (!draft.description.trim()) found.description = '请写一写发现了什么';
    if (settledOnSpot && !draft.result.trim()) found.result = '请写一写现场是怎么处置的';
    if (!grid) found.unit = '请选择在哪个网格发现的';
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  const submit = async (settledOnSpot: boolean) => {
    if (!check(settledOnSpot) || !draft.dutyType || !draft.category || !grid) return;
    const { dutyType, category } = draft;
    setOutcome(settledOnSpot);
    const created = await send((clientRequestId) =>
      reportPatrolFinding({
        clientRequestId,
        dutyType,
        category,
        description: draft.description.trim(),
        unitId: grid.id,
        settledOnSpot,
        ...(settledOnSpot ? { result: draft.result.trim() } : {}),
        ...(draft.addressNote.trim() ? { addressNote: draft.addressNote.trim() } : {}),
        ...(draft.photos.length ? { photoIds: draft.photos.map((photo) => photo.id) } : {}),
      }),
    );
    if (created) {
      Taro.showToast({ title: settledOnSpot ? '已记录，现场处置完成' : '已上报', icon: 'success', duration: 2000 });
      Taro.redirectTo({ url: requestUrl(ROUTES.handleRequest, created.id) });
    }
  };

  return (
    <View className="patrol">
      {grids.length > 1 && (
        <View className="req-card patrol-grids">
          <Text className="form-label">在哪个网格</Text>
          <View className="chips">
            {grids.map((g) => (
              <View key={g.id} className={`chip patrol-grid ${grid?.id === g.id ? 'chip--on' : ''}`} onClick={() => fix({ unitId: g.id }, 'unit')}>
                <Text className="chip-text">{g.name}</Text>
              </View>
            ))}
          </View>
          {problems.unit && <Text className="form-error">{problems.unit}</Text>}
        </View>
      )}
      {grids.length === 1 && grid && <Text className="form-hint patrol-grid-name">网格：{grid.name}</Text>}

      <View className="req-card">
        <Text className="form-label">第一步：以什么身份发现的</Text>
        <View className="duty-grid">
          {DUTY_TYPES.map((duty: DutyType) => (
            <View key={duty} className={`big-choice duty-button ${draft.dutyType === duty ? 'big-choice--on' : ''}`} onClick={() => chooseDuty(duty)}>
              <Text className="big-choice-text">{DUTY_TYPE_LABELS[duty]}</Text>
            </View>
          ))}
        </View>
        {problems.dutyType && <Text className="form-error">{problems.dutyType}</Text>}
      </View>

      <CategoryChips value={draft.category} error={problems.category} onChange={(category) => fix({ category }, 'category')} />

      <View className="req-card">
        <WhatWhereFields
          draft={draft}
          onChange={(patch) => fix(patch, 'description')}
          photos={photos}
          onPhotoError={(message) => Toast.show(TOAST, { content: message, duration: 3 })}
          prefix="patrol"
          label="第二步：发现了什么"
          placeholder="例如：大桥边护栏松动，有安全隐患"
          error={problems.description}
        />
      </View>

      <View className="req-card">
        <Text className="form-label">第三步：怎么办</Text>
        <View className="form-field patrol-result-field">
          <Text className="form-label">现场处置了的，写一写怎么处置的</Text>
          <TextArea
            className="form-textarea patrol-result"
            value={draft.result}
            onChange={(result) => fix({ result: result.slice(0, 2000) }, 'result')}
            placeholder="例如：已找人把护栏重新固定好（上报的不用写）"
            maxLength={2000}
            autoSize
          />
          {problems.result && <Text className="form-error">{problems.result}</Text>}
        </View>
        <Text className="form-hint">上报后，这件事进入网格待办，按时限办理</Text>
      </View>

      <SendingNotice sending={sending} />
      <SubmitButton
        label="提交：现场已处置"
        busy={sending.kind === 'sending' && outcome === true}
        uploading={uploading}
        onSubmit={() => void submit(true)}
        className="patrol-submit patrol-settle"
        draftNote={false}
      />
      <SubmitButton
        label="提交：上报"
        busy={sending.kind === 'sending' && outcome === false}
        uploading={uploading}
        onSubmit={() => void submit(false)}
        className="patrol-submit patrol-pass-on"
      />
      <Toast id={TOAST} className="req-toast" />
    </View>
  );
}

/**
 * 未诉先办: what a patrol found, in two taps (身份, which proposes the category; 现场已处置 or 上报)
 * and a line of text (and, settled on the spot, a line on what was done).
 */
export default function PatrolPage() {
  const session = useSession();
  const loader = useLoader(() => (session ? reloadMe() : Promise.resolve(null)));
  if (!session) return null;
  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {(me) => {
        const who = me ?? session.me;
        return patrolGrids(who).length === 0 ? (
          <View className="shell-state">
            <Text className="shell-state-text">网格巷长、副巷长才能上报巡查发现</Text>
          </View>
        ) : (
          <PatrolForm me={who} />
        );
      }}
    </PageShell>
  );
}
