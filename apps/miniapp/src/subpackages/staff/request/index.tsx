import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Toast } from '../../../components/nutui';
import { messageOf } from '../../../api/errors';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { ActionForm } from '../../../requests/components/action-form';
import { DeadlineExplanation } from '../../../requests/components/deadline-explanation';
import { PhotoGrid } from '../../../requests/components/photo-grid';
import { Hearts, RequestSummary, Timeline } from '../../../requests/components/request-parts';
import { stepLabel, timeText } from '../../../requests/labels';
import { dialRequester } from '../../../requests/dial-requester';
import { getRequest } from '../../../requests/requests-api';
import { hasRequester, RequesterLines } from '../../../requests/requester';
import { latestResult } from '../../../requests/result';
import { useRequestActions } from '../../../requests/use-request-actions';
import { rungText } from '../../../requests/ladder';
import { TransferForm } from '../../../requests/components/transfer-form';
import { ExtensionApproveForm } from '../../../requests/components/extension-forms';
import { ParkApproveForm, planDateText } from '../../../requests/components/park-forms';
import { chinaDayOf } from '@gridloop/domain/dist/calendar/china-time';
import { ReturnVisitForm } from '../../../requests/components/return-visit-form';
import { useSession } from '../../../auth/session-store';
import { isWorkingState } from '@gridloop/domain/dist/requests/request-workflow';
import '../../../requests/components/request.css';

const TOAST = 'staff-request-toast';

type Open =
  | 'lookBackClose'
  | 'returnVisit'
  | 'lookBack'
  | 'close'
  | 'sendBack'
  | 'urge'
  | 'supervise'
  | 'transfer'
  | 'declineTransfer'
  | 'approveExtension'
  | 'declineExtension'
  | 'approvePark'
  | 'declinePark'
  | null;

/**
 * A matter for its supervisors: the case, the handler's result with its photos and the
 * requester's rating; then 回看 (with what was found), and 关闭 or 退回重办 (with the reason); while
 * it is open, 催办 (a note if wanted) and 督办 (a reason). Only what `actions` allows is offered.
 */
export default function LookBackRequestPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  const loader = useLoader(() => getRequest(id), { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  const current = () => (loader.state.kind === 'ready' ? loader.state.data : null);
  const { busy, act } = useRequestActions({ toastId: TOAST, current, replace: loader.replace, reload: loader.reload });
  const session = useSession();
  // Opened from 派单 for a 12345 order: its one step, 转办, is open at once (issue 17's burden budget).
  const [open, setOpen] = useState<Open>(router.params.dispatch === '1' ? 'transfer' : null);
  const done = (ok: boolean) => {
    if (ok) setOpen(null);
  };

  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {(request) => {
        const can = (action: string) => request.actions.includes(action);
        const result = latestResult(request);
        return (
          <View className="staff-request">
            <RequestSummary request={request}>
              <RequesterLines request={request} />
              {request.canCall && hasRequester(request.source) && (
                // 拨打: the number from the logged action, straight to the dialer (回访 before 回看).
                <Button
                  className="big-button big-button--plain staff-call"
                  type="primary"
                  fill="outline"
                  block
                  onClick={() => dialRequester(request.id).catch((error: unknown) => Toast.show(TOAST, { content: messageOf(error), duration: 3 }))}
                >
                  打电话
                </Button>
              )}
            </RequestSummary>

            {(request.hotlineOrderNo || request.transferRequested) && (
              <View className="req-notice staff-dispatch-notice">
                {request.hotlineOrderNo && <Text className="req-notice-text staff-order-no">12345 工单号：{request.hotlineOrderNo}</Text>}
                {request.cityDueAt && (
                  <View className="staff-city-due-row">
                    <Text className="req-notice-text staff-city-due">市里要求 {timeText(request.cityDueAt)} 前办结</Text>
                    <DeadlineExplanation request={request} timeline={request.timeline} />
                  </View>
                )}
                {request.transferRequested && <Text className="req-notice-text staff-transfer-asked">{request.handlerUnitName}申请转办</Text>}
              </View>
            )}

            {!request.awaitsDispatch && isWorkingState(request.state) && (
              <View className="req-notice staff-holder">
                <Text className="req-notice-text staff-holder-text">现由{request.handlerUnitName}办理</Text>
              </View>
            )}

            {open === null && (can('transfer') || can('declineTransfer')) && (
              <View className="req-actions staff-dispatch">
                {can('transfer') && (
                  <Button className="big-button staff-transfer" type="primary" block onClick={() => setOpen('transfer')}>
                    转办
                  </Button>
                )}
                {can('declineTransfer') && (
                  <Button
                    className="big-button big-button--plain staff-decline-transfer"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('declineTransfer')}
                  >
                    不同意转办
                  </Button>
                )}
              </View>
            )}
            {open === 'transfer' && session && can('transfer') && (
              <TransferForm
                me={session.me}
                text={request.hotlineOrderNo ? request.description : undefined}
                busy={busy === 'transfer'}
                onCancel={() => setOpen(null)}
                onTransfer={async (target, reason) => done(await act('transfer', { targetUnitId: target.id, note: reason }, `已转给${target.name}`))}
              />
            )}
            {open === 'declineTransfer' && (
              <ActionForm
                action="declineTransfer"
                title="不同意转办"
                confirmText="确定"
                tone="warning"
                noteLabel="不同意的原因"
                notePlaceholder="为什么还由原承办人办"
                busy={busy === 'declineTransfer'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('declineTransfer', { note: values.note }, '已告诉承办人继续办理'))}
                className="decline-transfer-form"
              />
            )}

            {request.extensionAskedDays !== null && (can('approveExtension') || can('declineExtension')) && (
              <View className="req-notice staff-extension-notice">
                <Text className="req-notice-text staff-extension-asked">
                  {request.handlerUnitName}申请延期{request.extensionAskedDays}个工作日（原期限{' '}
                  {request.completionDueAt ? timeText(request.completionDueAt) : ''}）
                </Text>
              </View>
            )}
            {open === null && request.extensionAskedDays !== null && (can('approveExtension') || can('declineExtension')) && (
              <View className="req-actions staff-extension">
                {can('approveExtension') && (
                  <Button className="big-button staff-approve-extension" type="primary" block onClick={() => setOpen('approveExtension')}>
                    批准延期
                  </Button>
                )}
                {can('declineExtension') && (
                  <Button
                    className="big-button big-button--plain staff-decline-extension"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('declineExtension')}
                  >
                    不批准
                  </Button>
                )}
              </View>
            )}
            {open === 'approveExtension' && request.extensionAskedDays !== null && (
              <ExtensionApproveForm
                asked={request.extensionAskedDays}
                busy={busy === 'approveExtension'}
                onCancel={() => setOpen(null)}
                onApprove={async (days, note) =>
                  done(await act('approveExtension', { extensionDays: days, ...(note ? { note } : {}) }, `已批准延期${days}个工作日，群众会收到通知`))
                }
              />
            )}
            {open === 'declineExtension' && (
              <ActionForm
                action="declineExtension"
                title="不批准延期"
                confirmText="确定不批准"
                tone="warning"
                noteLabel="不批准的原因"
                notePlaceholder="为什么要按原期限办好"
                busy={busy === 'declineExtension'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('declineExtension', { note: values.note }, '已告诉承办人按原期限办理'))}
                className="decline-extension-form"
              />
            )}

            {request.parkAskedDate !== null && (can('approvePark') || can('declinePark')) && (
              <View className="req-notice staff-park-notice">
                <Text className="req-notice-text staff-park-asked">
                  {request.handlerUnitName}申请挂账，计划{planDateText(request.parkAskedDate)}前办结
                </Text>
              </View>
            )}
            {open === null && request.parkAskedDate !== null && (can('approvePark') || can('declinePark')) && (
              <View className="req-actions staff-park">
                {can('approvePark') && (
                  <Button className="big-button staff-approve-park" type="primary" block onClick={() => setOpen('approvePark')}>
                    批准挂账
                  </Button>
                )}
                {can('declinePark') && (
                  <Button
                    className="big-button big-button--plain staff-decline-park"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('declinePark')}
                  >
                    不批准挂账
                  </Button>
                )}
              </View>
            )}
            {open === 'approvePark' && request.parkAskedDate !== null && (
              <ParkApproveForm
                asked={request.parkAskedDate}
                today={chinaDayOf(new Date())}
                busy={busy === 'approvePark'}
                onCancel={() => setOpen(null)}
                onApprove={async (planDay, note) =>
                  done(await act('approvePark', { parkUntil: planDay, ...(note ? { note } : {}) }, `已批准挂账到${planDateText(planDay)}，群众会收到通知`))
                }
              />
            )}
            {open === 'declinePark' && (
              <ActionForm
                action="declinePark"
                title="不批准挂账"
                confirmText="确定不批准"
                tone="warning"
                noteLabel="不批准的原因"
                notePlaceholder="为什么不能挂账，要怎么办"
                busy={busy === 'declinePark'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('declinePark', { note: values.note }, '已告诉承办人继续按期限办理'))}
                className="decline-park-form"
              />
            )}

            <View className="req-card staff-result">
              <Text className="req-card-title">办理结果</Text>
              {result ? (
                <View className="staff-result-body">
                  <Text className="timeline-action">
                    {stepLabel(result.action)} · {timeText(result.createdAt)}
                  </Text>
                  {result.note && <Text className="timeline-note staff-result-note">{result.note}</Text>}
                  <PhotoGrid photos={result.photos} />
                </View>
              ) : (
                <Text className="form-hint">还没有办理结果</Text>
              )}
              <Text className="form-label staff-rating-label">群众评价</Text>
              {request.rating ? <Hearts rating={request.rating} /> : <Text className="form-hint staff-no-rating">群众还没有评价</Text>}
            </View>

            {(request.supervised || request.escalationRung > 0) && (
              <View className="req-notice staff-overdue-notice">
                {request.escalationRung > 0 && <Text className="req-notice-text">已超时，{rungText(request.escalationRung)}</Text>}
                {request.supervised && <Text className="req-notice-text staff-supervised">这件事已被督办</Text>}
              </View>
            )}

            {open === null && (can('urge') || can('supervise')) && (
              <View className="req-actions staff-press">
                {can('urge') && (
                  <Button className="big-button staff-urge" type="primary" block onClick={() => setOpen('urge')}>
                    催办
                  </Button>
                )}
                {can('supervise') && (
                  <Button className="big-button big-button--warning staff-supervise" type="primary" block onClick={() => setOpen('supervise')}>
                    督办
                  </Button>
                )}
              </View>
            )}
            {open === 'urge' && (
              <ActionForm
                action="urge"
                title="催办"
                confirmText="确定催办"
                noteLabel="催办说明"
                notePlaceholder="例如：群众又来电话了，请尽快联系"
                busy={busy === 'urge'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('urge', values.note ? { note: values.note } : {}, '已催办，承办人会收到提醒'))}
                className="urge-form"
              />
            )}
            {open === 'supervise' && (
              <ActionForm
                action="supervise"
                title="督办"
                confirmText="确定督办"
                tone="warning"
                noteLabel="督办原因"
                notePlaceholder="为什么要督办，要求什么时候办好"
                busy={busy === 'supervise'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('supervise', { note: values.note }, '已督办，承办人会收到通知'))}
                className="supervise-form"
              />
            )}

            {open === null && (can('lookBackClose') || can('lookBack') || can('close') || can('sendBack') || can('returnVisit')) && (
              <View className="req-actions">
                {can('lookBackClose') && (
                  <Button className="big-button staff-look-back-close" type="primary" block onClick={() => setOpen('lookBackClose')}>
                    回看并关闭
                  </Button>
                )}
                {can('lookBack') && (
                  <Button className="big-button staff-look-back" type="primary" block onClick={() => setOpen('lookBack')}>
                    回看
                  </Button>
                )}
                {can('close') && (
                  <Button className="big-button staff-close" type="primary" block onClick={() => setOpen('close')}>
                    关闭
                  </Button>
                )}
                {can('sendBack') && (
                  <Button className="big-button big-button--plain staff-send-back" type="default" fill="outline" block onClick={() => setOpen('sendBack')}>
                    退回重办
                  </Button>
                )}
                {can('returnVisit') && (
                  <Button
                    className="big-button big-button--plain staff-return-visit"
                    type="default"
                    fill="outline"
                    block
                    onClick={() => setOpen('returnVisit')}
                  >
                    回访
                  </Button>
                )}
              </View>
            )}
            {(open === 'lookBackClose' || open === 'returnVisit') && (
              <ReturnVisitForm
                action={open}
                busy={busy === open}
                onCancel={() => setOpen(null)}
                onSubmit={async (values, reopens) =>
                  done(await act(open, values, reopens ? '群众不满意，已退回重新办理' : open === 'lookBackClose' ? '已回看并关闭' : '已记录回访'))
                }
              />
            )}
            {open === 'lookBack' && (
              <ActionForm
                action="lookBack"
                title="回看"
                confirmText="确认回看"
                noteLabel="回看情况"
                notePlaceholder="回访了解到的情况，例如：已电话回访，群众认可"
                busy={busy === 'lookBack'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('lookBack', { note: values.note }, '已回看'))}
                className="look-back-form"
              />
            )}
            {open === 'close' && (
              <ActionForm
                action="close"
                title="确定关闭这件事吗？"
                confirmText="确定关闭"
                busy={busy === 'close'}
                onCancel={() => setOpen(null)}
                onSubmit={async () => done(await act('close', {}, '已关闭'))}
                className="close-form"
              />
            )}
            {open === 'sendBack' && (
              <ActionForm
                action="sendBack"
                title="退回重办"
                confirmText="确定退回"
                tone="warning"
                noteLabel="退回原因"
                notePlaceholder="哪里没有办好，需要怎么重办"
                busy={busy === 'sendBack'}
                onCancel={() => setOpen(null)}
                onSubmit={async (values) => done(await act('sendBack', { note: values.note }, '已退回，重新办理'))}
                className="send-back-form"
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
