import { unixSeconds } from '../clock';
import type { FakeState } from '../state/fake-state';
import { wechatError } from './errors';
import { handleJscode2session } from './jscode2session';
import { handleMsgSecCheck } from './msg-sec-check';
import { handlePhoneNumber } from './phone-number';
import { handleStableToken } from './stable-token';
import { handleSubscribeSend } from './subscribe-send';
import { handleWxaCodeUnlimit } from './wxa-code-unlimit';
import { replyOk, type WechatHandler, type WechatReply, type WechatRequest } from './wechat-request';

interface WechatRoute {
  /** POST-only APIs refuse other methods with 43002; code2Session reads its query whatever the method. */
  postOnly: boolean;
  /** APIs called with ?access_token= share one token check (41001 / 40001 / 42001). */
  needsAccessToken: boolean;
  handle: WechatHandler;
}

const ROUTES: ReadonlyMap<string, WechatRoute> = new Map([
  ['/sns/jscode2session', { postOnly: false, needsAccessToken: false, handle: handleJscode2session }],
  ['/cgi-bin/stable_token', { postOnly: true, needsAccessToken: false, handle: handleStableToken }],
  ['/wxa/business/getuserphonenumber', { postOnly: true, needsAccessToken: true, handle: handlePhoneNumber }],
  ['/cgi-bin/message/subscribe/send', { postOnly: true, needsAccessToken: true, handle: handleSubscribeSend }],
  ['/wxa/msg_sec_check', { postOnly: true, needsAccessToken: true, handle: handleMsgSecCheck }],
  ['/wxa/getwxacodeunlimit', { postOnly: true, needsAccessToken: true, handle: handleWxaCodeUnlimit }],
]);

/** The WeChat paths this fake answers. */
export const WECHAT_PATHS: ReadonlySet<string> = new Set(ROUTES.keys());

export function answerWechat(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const route = ROUTES.get(request.path);
  // Not WeChat's behaviour to the letter (it answers unknown APIs with HTTP 200 or its own 404 page):
  // a 404 status makes a mistyped path in the API's configuration obvious.
  if (route === undefined) return { status: 404, body: wechatError(40066, now) };
  if (route.postOnly && request.method !== 'POST') return replyOk(wechatError(43002, now));
  if (route.needsAccessToken) {
    const refusal = state.tokens.check(request.query.get('access_token') ?? undefined);
    if (refusal !== undefined) return replyOk(wechatError(refusal, now));
  }
  return route.handle(state, request);
}
