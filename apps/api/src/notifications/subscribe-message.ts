import { fitSubscribeField, REQUEST_STATE_LABELS, type RequestState } from '@gridloop/domain';
import type { MiniprogramState, SubscribeTemplate, SubscribeValueSource } from '../config/notifications-config';
import type { SubscribeMessage } from '../wechat/wechat-api.client';

export interface MessageSource {
  title: string;
  body: string;
  createdAt: Date;
  requestId: number | null;
  /** The request's state when the message goes out, if it is about one. */
  requestState: RequestState | null;
}

/** The subscribe message for one notification: the template's keys filled and cut to WeChat's limits. */
export function buildSubscribeMessage(
  template: SubscribeTemplate,
  source: MessageSource,
  touser: string,
  miniprogramState: MiniprogramState,
): SubscribeMessage {
  const data: Record<string, { value: string }> = {};
  for (const [key, from] of Object.entries(template.fields)) data[key] = { value: fitSubscribeField(key, valueOf(from, source)) };
  return { touser, templateId: template.templateId, page: pageFor(template.page, source.requestId), data, miniprogramState };
}

function valueOf(from: SubscribeValueSource, source: MessageSource): string | Date {
  switch (from) {
    case 'title':
      return source.title;
    case 'body':
      return source.body;
    case 'time':
      return source.createdAt;
    case 'request':
      // Empty is filled by the field's own placeholder (fitSubscribeField never sends an empty value).
      return source.requestId === null ? '' : `#${source.requestId}`;
    case 'state':
      return source.requestState === null ? '' : (REQUEST_STATE_LABELS[source.requestState] ?? '');
  }
}

/** The page the message opens, with the request to show. */
export function pageFor(page: string, requestId: number | null): string {
  if (requestId === null) return page;
  return `${page}${page.includes('?') ? '&' : '?'}requestId=${requestId}`;
}
