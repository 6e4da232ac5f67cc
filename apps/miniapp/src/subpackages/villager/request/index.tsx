import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { RATING_HEARTS, RATING_LABELS, RATINGS, type Rating } from '@gridloop/domain/dist/requests/ratings';
import { requestShare, type RequestShare } from '@gridloop/domain/dist/requests/share';
import { Button, Toast } from '../../../components/nutui';
import { TextArea } from '../../../components/nutui-forms';
import { PageShell } from '../../../components/page-shell';
import { useLoader } from '../../../lib/use-loader';
import { SubscribePrompt } from '../../../notifications/subscribe-prompt';
import { REQUESTER_KINDS } from '../../../notifications/subscriptions';
import { ActionForm } from '../../../requests/components/action-form';
import { DueForRequester, Hearts, RequestSummary, Timeline } from '../../../requests/components/request-parts';
import { categoryLabel, heartsText } from '../../../requests/labels';
import { disownRequest, getRequest, rateRequest, type RequestView } from '../../../requests/requests-api';
import { ROUTES } from '../../../routes';
import { useRequestActions } from '../../../requests/use-request-actions';
import { ShareCard } from './share-card';
import '../../../requests/components/request.css';
import './index.css';

const TOAST = 'my-request-toast';

function RateForm({ busy, onRate, onCancel }: { busy: boolean; onRate(rating: Rating, comment: string): void; onCancel(): void }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  return (
    <View className="req-card rate-form">
      <Text className="req-card-title">您对办理结果满意吗？</Text>
      <View className="chips rate-choices">
        {RATINGS.map((value) => (
          <View key={value} className={`chip rate-choice ${rating === value ? 'chip--on' : ''}`} onClick={() => setRating(value)}>
            <Text className="chip-text">
              {RATING_LABELS[value]}
              {RATING_HEARTS[value] > 0 && <Text className="hearts-red rate-choice-hearts"> {heartsText(RATING_HEARTS[value])}</Text>}
            </Text>
          </View>
        ))}
      </View>
      {rating === 'dissatisfied' && <Text className="form-hint">选“不满意”，这件事会重新办理</Text>}
      <View className="form-field">
        <Text className="form-label">想说的话（可不填）</Text>
        <TextArea className="form-textarea rate-comment" value={comment} onChange={setComment} maxLength={500} showCount autoSize />
      </View>
      <Button
        className="big-button rate-submit"
        type="primary"
        block
        loading={busy}
        disabled={!rating || busy}
        onClick={() => rating && onRate(rating, comment.trim())}
      >
        提交评价
      </Button>
      <Button className="big-button big-button--plain" type="default" fill="outline" block disabled={busy} onClick={onCancel}>
        以后再说
      </Button>
    </View>
  );
}

/** What of this matter may be shared (nothing of a 保密 one): packages/domain's rule. */
function shareOf(request: RequestView): RequestShare | null {
  return requestShare({
    confidential: request.confidential,
    categoryLabel: categoryLabel(request.category),
    unitName: request.unitName,
    stateLabel: request.stateLabel,
    createdAt: new Date(request.createdAt),
  });
}

/** One of my matters: where it stands, what is due, the public progress, rate, withdraw or disown (这不是我的诉求); share its progress. */
export default function MyRequestPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  const justSubmitted = router.params.submitted === '1';
  const loader = useLoader(() => getRequest(id), { onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 }) });
  const current = () => (loader.state.kind === 'ready' ? loader.state.data : null);
  const { busy, act, run } = useRequestActions({ toastId: TOAST, current, replace: loader.replace, reload: loader.reload });
  const [open, setOpen] = useState<'rate' | 'withdraw' | 'disown' | null>(null);
  const share = loader.state.kind === 'ready' ? shareOf(loader.state.data) : null;

  // WeChat's share menu only for a matter that may be shared; the card opens the home page, as
  // nobody else can open this matter.
  const shareable = share !== null;
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    if (shareable) Taro.showShareMenu({});
    else Taro.hideShareMenu({});
  }, [shareable]);
  useShareAppMessage(() => ({ title: share?.title ?? '网格通 · 有事找网格', path: ROUTES.home }));

  const rate = async (rating: Rating, comment: string) => {
    const ok = await run(
      'rate',
      (request) => rateRequest(request.id, request.version, rating, comment || undefined),
      (updated: RequestView) => {
        loader.replace(updated);
        return rating === 'dissatisfied' ? '已收到，这件事会重新办理' : '感谢您的评价';
      },
    );
    if (ok) setOpen(null);
  };

  const withdraw = async () => {
    if (await act('withdraw', {}, '已撤回')) setOpen(null);
  };

  const disown = async ({ note }: { note: string }) => {
    const ok = await run(
      'disown',
      (request) => disownRequest(request.id, request.version, note || undefined),
      (updated: RequestView) => {
        loader.replace(updated);
        return '已撤回，并告诉了镇热线办';
      },
    );
    if (ok) setOpen(null);
  };

  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {(request) => (
        <View className="my-request">
          {justSubmitted && (
            <View className="req-notice my-request-submitted">
              <Text className="req-notice-text">提交成功！网格员会尽快和您联系。</Text>
            </View>
          )}
          {/* Right after submitting (WeChat only, when templates are configured): a tap asks for
              the messages a requester gets (受理, 办结, 回看). The submit is done whatever happens. */}
          {justSubmitted && <SubscribePrompt kinds={REQUESTER_KINDS} text="想在微信里收到办理进度吗？受理、办好了都会提醒您。" />}
          {/* Entered in my name by someone else (代办, a call): who, and what to do if it is not mine. */}
          {request.enteredForRequester && (
            <View className="req-notice my-request-entered">
              <Text className="req-notice-text">
                这件事由{request.enteredByName ?? '工作人员'}代您登记。
                {request.actions.includes('disown') ? '如果不是您的事，请点下面的「这不是我的诉求」。' : ''}
              </Text>
            </View>
          )}
          <RequestSummary request={request}>
            <DueForRequester request={request} timeline={request.timeline} />
            {request.rating && <Hearts rating={request.rating} />}
          </RequestSummary>

          {open === null && (request.actions.includes('rate') || request.actions.includes('withdraw') || request.actions.includes('disown')) && (
            <View className="req-actions">
              {request.actions.includes('rate') && (
                <Button className="big-button my-request-rate" type="primary" block onClick={() => setOpen('rate')}>
                  评价办理结果
                </Button>
              )}
              {request.actions.includes('withdraw') && (
                <Button className="big-button big-button--plain my-request-withdraw" type="default" fill="outline" block onClick={() => setOpen('withdraw')}>
                  撤回这件事
                </Button>
              )}
              {request.actions.includes('disown') && (
                <Button className="big-button big-button--plain my-request-disown" type="default" fill="outline" block onClick={() => setOpen('disown')}>
                  这不是我的诉求
                </Button>
              )}
            </View>
          )}
          {open === 'rate' && <RateForm busy={busy === 'rate'} onRate={rate} onCancel={() => setOpen(null)} />}
          {open === 'withdraw' && (
            <ActionForm
              action="withdraw"
              title="确定要撤回吗？撤回后网格员不再办理。"
              confirmText="确定撤回"
              tone="warning"
              busy={busy === 'withdraw'}
              onSubmit={withdraw}
              onCancel={() => setOpen(null)}
              className="withdraw-form"
            />
          )}
          {open === 'disown' && (
            <ActionForm
              action="disown"
              title="确定这不是您的诉求吗？确定后这件事会撤回，镇热线办会核实是谁登记的。"
              confirmText="确定不是我的"
              noteLabel="想说明的情况"
              tone="warning"
              busy={busy === 'disown'}
              onSubmit={disown}
              onCancel={() => setOpen(null)}
              className="disown-form"
            />
          )}

          {share && <ShareCard share={share} />}
          <Timeline events={request.timeline} />
          <Toast id={TOAST} className="req-toast" />
        </View>
      )}
    </PageShell>
  );
}
