import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  complexityNeedsReason,
  CONTACT_METHOD_LABELS,
  CONTACT_METHODS,
  proposedComplexity,
  type ContactMethod,
} from '@gridloop/domain/dist/requests/acceptance';
import { COMPLEXITIES, COMPLEXITY_LABELS, type Complexity } from '@gridloop/domain/dist/requests/sla';
import { Button, Toast } from '../../../components/nutui';
import { messageOf } from '../../../api/errors';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { useNow } from '../../../lib/use-now';
import { ActionForm, type ActionFormValues } from '../../../requests/components/action-form';
import { DueCountdown, RequestSummary, Timeline } from '../../../requests/components/request-parts';
import { DuplicateCandidates } from '../../../requests/components/duplicates';
import { ExtensionAskForm } from '../../../requests/components/extension-forms';
import { ParkAskForm, planDateText } from '../../../requests/components/park-forms';
import { timeText } from '../../../requests/labels';
import { chinaDayOf } from '@gridloop/domain/dist/calendar/china-time';
import { RejectForm } from '../../../requests/components/refusal-forms';
import { dialRequester } from '../../../requests/dial-requester';
import { getRequest, type RequestView } from '../../../requests/requests-api';
import { hasRequester, RequesterLines } from '../../../requests/requester';
import { useRequestActions } from '../../../requests/use-request-actions';
import '../../../requests/components/request.css';
import './index.css';

const TOAST = 'handle-toast';

type Open =
  'accept' | 'followUp' | 'resolve' | 'requestTransfer' | 'requestExtension' | 'requestPark' | 'parkProgress' | 'unpark' | 'returnToDispatch' | 'reject' | null;

/** 记录联系并受理: how the requester was reached, and the proposed time limit (changing it needs a reason). */
function AcceptForm({
  request,
  method: initialMethod,
  busy,
  onAccept,
  onCancel,
}: {
  request: RequestView;
  method: ContactMethod;
  busy: boolean;
  onAccept(method: ContactMethod, complexity: Complexity, values: ActionFormValues): void;
  onCancel(): void;
}) {
  const proposed = proposedComplexity(request.category);
  const [method, setMethod] = useState<ContactMethod>(initialMethod);
  const [complexity, setComplexity] = useState<Complexity>(proposed);
  const changed = complexityNeedsReason(request.category, complexity);
  return (
    <ActionForm
      action="accept"
      title="记录联系并受理"
      confirmText="确认受理"
      noteLabel={changed ? '改变时限的原因' : '情况说明'}
      notePlaceholder={changed ? '请说明为什么改变办理时限' : '和群众谈了什么'}
      noteRequired={changed}
      // Photos of what a visit found; a call or a message leaves nothing to photograph.
      withPhotos={method === 'visit'}
      busy={busy}
      onSubmit={(values) => onAccept(method, complexity, values)}
      onCancel={onCancel}
      className="accept-form"
    >
      <View className="form-field">
        <Text className="form-label">怎么联系的</Text>
        <View className="chips">
          {CONTACT_METHODS.map((m) => (
            <View key={m} className={`chip contact-method ${method === m ? 'chip--on' : ''}`} onClick={() => setMethod(m)}>
              <Text className="chip-text">{CONTACT_METHOD_LABELS[m]}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="form-field">
        <Text className="form-label">办理时限</Text>
        <View className="chips">
          {COMPLEXITIES.map((c) => (
            <View key={c} className={`chip complexity ${complexity === c ? 'chip--on' : ''}`} onClick={() => setComplexity(c)}>
              <Text className="chip-text">{COMPLEXITY_LABELS[c]}</Text>
            </View>
          ))}
        </View>
        <Text className="form-hint">按类别建议：{COMPLEXITY_LABELS[proposed]}</Text>
      </View>
    </ActionForm>
  );
}

/**
 * A matter I handle: who raised it (masked; one tap calls through 拨打, then record the contact), the
 * live clock, and the steps open now: follow-up and result with photos, ask for a transfer.
 */
export default function HandleRequestPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  const loader = useLoader(() => getRequest(id), { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  const current = () => (loader.state.kind === 'ready' ? loader.state.data : null);
  const { busy, act } = useRequestActions({ toastId: TOAST, current, replace: loader.replace, reload: loader.reload });
  const [open, setOpen] = useState<Open>(null);
  const [contactMethod, setContactMethod] = useState<ContactMethod>('call');
  const now = useNow(1000);

  const done = (ok: boolean) => {
    if (ok) setOpen(null);
  };

  const call = async (request: RequestView) => {
    // 拨打: the number comes from the logged action and goes straight to the dialer; then offer
    // to record the contact.
    try {
      await dialRequester(request.id);
    } catch (error) {
      Toast.show(TOAST, { content: messageOf(error), duration: 3 });
      return;
    }
    if (request.actions.includes('accept')) {
      setContactMethod('call');
      setOpen('accept');
    }
  };

  const openAccept = (method: ContactMethod) => {
    setContactMethod(method);
    setOpen('accept');
  };

  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {(request) => {
        const can = (action: string) => request.actions.includes(action);
        return (
          <View className="handle">
            <RequestSummary request={request}>
              <DueCountdown request={request} now={now} />
              {request.transferRequested && <Text className="form-hint">已申请转办，等待热线办答复</Text>}
              {request.extensionAskedDays !== null && (
                <Text className="form-hint handle-extension-asked">已申请延期{request.extensionAskedDays}个工作日，等待审批</Text>
              )}
              {request.parkAskedDate && (
                <Text className="form-hint handle-park-asked">已申请挂账（计划{planDateText(request.parkAskedDate)}前办结），等待审批</Text>
              )}
              {request.parkProgressDueAt && <Text className="form-hint handle-park-progress-due">请在{timeText(request.parkProgressDueAt)}前报送挂账进展</Text>}
              <RequesterLines request={request} phoneClassName="handle-phone" />
            </RequestSummary>

            {open === null && (
              <View className="req-actions">
                {request.canCall && hasRequester(request.source) && (
                  <Button className="big-button handle-call" type="primary" block onClick={() => call(request)}>
                    打电话
                  </Button>
                )}
                {can('accept') && (
                  <Button
                    className="big-button big-button--plain handle-accept"
                    type="primary"
                    fill="outline"
                    block
                    onClick={() => openAccept(request.contactPhone && hasRequester(request.source) ? 'call' : 'visit')}
                  >
                    已联系，记录受理
                  </Button>
                )}
                {can('followUp') && (
                  <Button className="big-button big-button--plain handle-follow-up" type="primary" fill="outline" block onClick={() => setOpen('followUp')}>
                    记录跟进
                  </Button>
                )}
                {can('resolve') && (
                  <Button className="big-button handle-resolve" type="primary" block onClick={() => setOpen('resolve')}>
                    办结
                  </Button>
                )}
                {can('requestExtension') && (
                  <Button
                    className="big-button big-button--plain handle-extension"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('requestExtension')}
                  >
                    申请延期
                  </Button>
                )}
                {can('parkProgress') && (
                  <Button className="big-button handle-park-progress" type="primary" block onClick={() => setOpen('parkProgress')}>
                    报送挂账进展
                  </Button>
                )}
                {can('unpark') && (
                  <Button className="big-button big-button--plain handle-unpark" type="default" fill="outline" block onClick={() => setOpen('unpark')}>
                    恢复办理（解除挂账）
                  </Button>
                )}
                {can('requestPark') && (
                  <Button className="big-button big-button--plain handle-park" type="default" fill="outline" block onClick={() => setOpen('requestPark')}>
                    申请挂账
                  </Button>
                )}
                {can('returnToDispatch') && (
                  <Button
                    className="big-button big-button--plain handle-return"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('returnToDispatch')}
                  >
                    退单（不属于本单位）
                  </Button>
                )}
                {can('reject') && (
                  <Button className="big-button big-button--plain handle-reject" type="default" fill="outline" block onClick={() => setOpen('reject')}>
                    不予受理
                  </Button>
                )}
                {can('requestTransfer') && !request.transferRequested && (
                  <Button
                    className="big-button big-button--plain handle-transfer"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('requestTransfer')}
                  >
                    申请转办
                  </Button>
                )}
              </View>
            )}

            {open === 'accept' && (
              <AcceptForm
                request={request}
                method={contactMethod}
                busy={busy === 'accept'}
                onCancel={() => setOpen(null)}
                onAccept={async (method, complexity, values) =>
                  done(
                    await act(
                      'accept',
                      {
                        contactMethod: method,
                        complexity,
                        ...(values.note ? { note: values.note } : {}),
                        ...(values.photoIds.length ? { photoIds: values.photoIds } : {}),
                      },
                      '已受理，开始计时办结',
                    ),
                  )
                }
              />
            )}
            {open === 'followUp' && (
              <ActionForm
                action="followUp"
                title="记录跟进"
                confirmText="保存跟进"
                noteLabel="进展"
                notePlaceholder="现在办到哪一步了"
                busy={busy === 'followUp'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) =>
                  done(await act('followUp', { note: values.note, ...(values.photoIds.length ? { photoIds: values.photoIds } : {}) }, '跟进已记录'))
                }
                className="follow-up-form"
              />
            )}
            {open === 'resolve' && (
              <ActionForm
                action="resolve"
                title="办结"
                confirmText="确认办结"
                noteLabel="办理结果"
                notePlaceholder="怎么解决的，结果如何"
                busy={busy === 'resolve'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) =>
                  done(await act('resolve', { note: values.note, ...(values.photoIds.length ? { photoIds: values.photoIds } : {}) }, '已办结，等待回看和评价'))
                }
                className="resolve-form"
              />
            )}
            {open === 'requestTransfer' && (
              <ActionForm
                action="requestTransfer"
                title="申请转办"
                confirmText="提交申请"
                noteLabel="转办原因"
                notePlaceholder="为什么本网格办不了，应该由谁来办"
                busy={busy === 'requestTransfer'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('requestTransfer', { note: values.note }, '已申请转办，等待热线办答复'))}
                className="transfer-form"
              />
            )}

            {open === 'returnToDispatch' && (
              <ActionForm
                action="returnToDispatch"
                title="退单"
                confirmText="确认退单"
                tone="warning"
                noteLabel="退单理由"
                notePlaceholder="为什么不属于本单位办理，应该由谁来办（收到后2个工作小时内可以退单，超过后请申请转办）"
                busy={busy === 'returnToDispatch'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('returnToDispatch', { note: values.note }, '已退回热线办重新派单'))}
                className="return-form"
              />
            )}
            {open === 'reject' && (
              <RejectForm
                busy={busy === 'reject'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('reject', { ...values }, '已不予受理，等待回看'))}
              />
            )}

            {open === 'requestExtension' && (
              <ExtensionAskForm
                busy={busy === 'requestExtension'}
                onCancel={() => setOpen(null)}
                onAsk={async (days, reason) => done(await act('requestExtension', { extensionDays: days, note: reason }, '已申请延期，等待审批'))}
              />
            )}

            {open === 'requestPark' && (
              <ParkAskForm
                today={chinaDayOf(now)}
                busy={busy === 'requestPark'}
                onCancel={() => setOpen(null)}
                onAsk={async (planDay, reason) => done(await act('requestPark', { parkUntil: planDay, note: reason }, '已申请挂账，等待审批'))}
              />
            )}
            {open === 'parkProgress' && (
              <ActionForm
                action="parkProgress"
                title="报送挂账进展"
                confirmText="提交进展"
                noteLabel="进展情况"
                notePlaceholder="做了什么、到了哪一步（群众能看到）"
                busy={busy === 'parkProgress'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('parkProgress', { note: values.note, photoIds: values.photoIds }, '已报送挂账进展'))}
                className="park-progress-form"
              />
            )}
            {open === 'unpark' && (
              <ActionForm
                action="unpark"
                title="恢复办理"
                confirmText="解除挂账，恢复办理"
                tone="warning"
                noteLabel="说明（可不填）"
                notePlaceholder="解除后按原办理期限督办"
                busy={busy === 'unpark'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('unpark', values.note ? { note: values.note } : {}, '已解除挂账，恢复办理'))}
                className="unpark-form"
              />
            )}

            {open === null && (
              <DuplicateCandidates
                request={request}
                busy={busy === 'merge'}
                onMerge={(target) => act('merge', { targetRequestId: target.id }, `已合并到第 ${target.id} 件`)}
              />
            )}

            <Timeline events={request.timeline} />
            <Toast id={TOAST} className="req-toast" />
          </View>
        );
      }}
    </PageShell>
  );
}
