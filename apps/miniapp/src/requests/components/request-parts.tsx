import './request.css';
import type { ReactNode } from 'react';
import { VOICE_ONLY_DESCRIPTION } from '@gridloop/domain/dist/requests/voice-notes';
import { Text, View } from '@tarojs/components';
import { CLOCK_LABELS, countdown, currentClock } from '../due';
import { categoryLabel, heartsText, ratingHearts, ratingLabel, stateLabel, stateTone, stepLabel, timeText } from '../labels';
import type { RequestEventView, RequestListItem, RequestView } from '../requests-api';
import { DeadlineExplanation, type DeadlineRequest } from './deadline-explanation';
import { planDateText } from './park-forms';
import { PhotoGrid } from './photo-grid';
import { VoicePlayer } from './voice-note';

/**
 * The state in a word. A requester asked to rate sees 「已办好」 whether the matter is resolved,
 * looked back at or closed, so the card says one thing beside 「请您评价」 (not 已关闭).
 */
export function StateBadge({ state, awaitingRating = false }: { state: string; awaitingRating?: boolean }) {
  return <Text className={`state-badge state-badge--${stateTone(state)}`}>{awaitingRating ? '已办好' : stateLabel(state)}</Text>;
}

/** Red hearts a verdict lit (满意 ❤❤, 基本满意 ❤, 不满意 none). */
export function Hearts({ rating }: { rating: string }) {
  const hearts = ratingHearts(rating);
  return (
    <View className="hearts">
      <Text className="hearts-label">{ratingLabel(rating)}</Text>
      {hearts > 0 && <Text className="hearts-red">{heartsText(hearts)}</Text>}
    </View>
  );
}

/** The matter itself: state, category, when, text, place, photos, marks. */
export function RequestSummary({ request, children }: { request: RequestView; children?: ReactNode }) {
  const photos = request.timeline.find((event) => event.action === 'submit')?.photos ?? [];
  return (
    <View className="req-card req-summary">
      <View className="req-summary-top">
        <StateBadge state={request.state} awaitingRating={request.actions.includes('rate')} />
        <Text className="req-category">{categoryLabel(request.category)}</Text>
        {request.rehandleCount > 0 && <Text className="req-mark req-mark--rehandle">重办</Text>}
        {request.confidential && <Text className="req-mark">保密</Text>}
        {request.parkPlanDate && <Text className="req-mark req-mark--parked">挂账</Text>}
        {/* The content check asked for a person to look (staff only: the API leaves it out for others). */}
        {request.contentReview && <Text className="req-mark req-mark--review">内容待核实</Text>}
      </View>
      <Text className="req-meta">
        第 {request.id} 号 · {timeText(request.createdAt)} 提交
      </Text>
      {/* Raised by voice alone: the player says it; the stand-in text is for lists. */}
      {!(request.voiceNote && request.description === VOICE_ONLY_DESCRIPTION) && <Text className="req-description">{request.description}</Text>}
      {request.voiceNote && <VoicePlayer voice={request.voiceNote} className="req-voice" />}
      {request.addressNote && <Text className="req-address">地点：{request.addressNote}</Text>}
      {/* 挂账: needs works, a season or another authority; the plan date it waits for, for everyone who sees the matter. */}
      {request.parkPlanDate && <Text className="req-parked">挂账办理，计划{planDateText(request.parkPlanDate)}前办好</Text>}
      <PhotoGrid photos={photos} />
      {children}
    </View>
  );
}

/** What is due when, for the requester: in plain words, with the time, and how it was counted. */
export function DueForRequester({ request, timeline }: { request: RequestListItem; timeline?: readonly RequestEventView[] }) {
  const clock = currentClock(request);
  let text: string | null = null;
  if (clock?.kind === 'contact') text = `网格员会在 ${timeText(clock.dueAt.toISOString())} 前和您联系`;
  else if (clock?.kind === 'completion') text = `预计 ${timeText(clock.dueAt.toISOString())} 前办好`;
  else if (request.actions.includes('rate')) text = '请您评价办理结果';
  if (!text) return null;
  return (
    <View className="req-due">
      <Text className="req-due-text">{text}</Text>
      {clock && <DeadlineExplanation request={request} timeline={timeline} />}
    </View>
  );
}

/** The live countdown of the clock that matters now (handlers), red once overdue, and how it was counted. */
export function DueCountdown({
  request,
  now,
}: {
  request: DeadlineRequest & Pick<RequestView, 'state'> & { timeline?: readonly RequestEventView[] };
  now: Date;
}) {
  const clock = currentClock(request);
  if (!clock) return null;
  const { overdue, text } = countdown(clock.dueAt, now);
  return (
    <View className={`countdown ${overdue ? 'countdown--overdue' : ''}`}>
      <Text className="countdown-label">{CLOCK_LABELS[clock.kind]}</Text>
      <Text className="countdown-text">{text}</Text>
      <Text className="countdown-at">{timeText(clock.dueAt.toISOString())} 前</Text>
      <DeadlineExplanation request={request} timeline={request.timeline} />
    </View>
  );
}

function TimelineStep({ event }: { event: RequestEventView }) {
  return (
    <View className={`timeline-step ${event.public ? '' : 'timeline-step--internal'}`}>
      <View className="timeline-dot" />
      <View className="timeline-body">
        <View className="timeline-head">
          <Text className="timeline-action">{stepLabel(event.action)}</Text>
          <Text className="timeline-time">{timeText(event.createdAt)}</Text>
        </View>
        <Text className="timeline-actor">{event.actorName}</Text>
        {!event.public && <Text className="timeline-internal">仅工作人员可见</Text>}
        {event.note && <Text className="timeline-note">{event.note}</Text>}
        {event.action === 'approveExtension' && event.dueAt && <Text className="timeline-note timeline-new-due">新的办理期限：{timeText(event.dueAt)} 前</Text>}
        {/* The matter's own photos are shown with it above. */}
        {event.action !== 'submit' && <PhotoGrid photos={event.photos} />}
      </View>
    </View>
  );
}

/** 办理进度: the steps, newest first (the requester sees public ones only, as the API sends them). */
export function Timeline({ events }: { events: readonly RequestEventView[] }) {
  const steps = [...events].reverse();
  return (
    <View className="req-card timeline">
      <Text className="req-card-title">办理进度</Text>
      {steps.map((event) => (
        <TimelineStep key={event.id} event={event} />
      ))}
    </View>
  );
}

/** A row of a list (我的诉求, 待办, 回看): tap to open. `time` replaces the received time where the list is in another time's order (回看). */
export function RequestRow({ request, onTap, time, children }: { request: RequestListItem; onTap(): void; time?: string; children?: ReactNode }) {
  return (
    <View className="req-row" hoverClass="req-row--pressed" onClick={onTap}>
      <View className="req-row-top">
        <StateBadge state={request.state} awaitingRating={request.actions.includes('rate')} />
        <Text className="req-category">{categoryLabel(request.category)}</Text>
        {request.rehandleCount > 0 && <Text className="req-mark req-mark--rehandle">重办</Text>}
        {request.contentReview && <Text className="req-mark req-mark--review">内容待核实</Text>}
        <Text className="req-row-time">{time ?? timeText(request.createdAt)}</Text>
      </View>
      <Text className="req-row-text">{request.description}</Text>
      {children}
    </View>
  );
}
