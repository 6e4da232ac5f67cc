import { unixSeconds } from '../clock';
import { isJsonObject, parseJsonObject, stringField } from '../json';
import type { FakeState } from '../state/fake-state';
import type { SentSubscribeMessage } from '../state/subscribe-store';
import { wechatError } from './errors';
import { templateDataProblem } from './subscribe-fields';
import { replyOk, type WechatReply, type WechatRequest } from './wechat-request';

const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

/**
 * POST /cgi-bin/message/subscribe/send?access_token (subscribeMessage.send); the token is checked before.
 * Checks run in the order: body, touser (40003), template_id (40037), data and options (47003), then the
 * user's one-time grant (43101), so a malformed message never uses up a grant.
 */
export function handleSubscribeSend(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const body = parseJsonObject(request.rawBody);
  if (body === undefined) return replyOk(wechatError(47001, now));
  const touser = stringField(body, 'touser');
  if (touser === undefined || !state.logins.isKnown(touser)) return replyOk(wechatError(40003, now));
  const templateId = stringField(body, 'template_id');
  if (templateId === undefined) return replyOk(wechatError(40037, now));
  const dataProblem = templateDataProblem(body['data']);
  if (dataProblem !== undefined) return replyOk(wechatError(47003, now, dataProblem));
  const optionProblem =
    optionalFieldProblem(body['miniprogram_state'], 'miniprogram_state', MINIPROGRAM_STATES) ??
    optionalFieldProblem(body['lang'], 'lang', LANGS) ??
    optionalFieldProblem(body['page'], 'page');
  if (optionProblem !== undefined) return replyOk(wechatError(47003, now, optionProblem));
  if (!state.subscriptions.consume(touser, templateId)) return replyOk(wechatError(43101, now));

  const data = body['data'];
  const message: Omit<SentSubscribeMessage, 'msgid'> = {
    touser,
    template_id: templateId,
    data: isJsonObject(data) ? data : {},
    sentAtMs: state.clock(),
  };
  for (const key of ['page', 'miniprogram_state', 'lang'] as const) {
    const value = body[key];
    if (typeof value === 'string') message[key] = value;
  }
  const msgid = state.subscriptions.record(message);
  return replyOk({ errcode: 0, errmsg: 'ok', msgid });
}

function optionalFieldProblem(value: unknown, name: string, allowed?: ReadonlySet<string>): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || (allowed !== undefined && !allowed.has(value))) {
    return `argument invalid! ${name} invalid`;
  }
  return undefined;
}
