import { unixSeconds } from '../clock';
import { parseJsonObject, stringField } from '../json';
import type { FakeState } from '../state/fake-state';
import { wechatError } from './errors';
import { replyOk, type WechatReply, type WechatRequest } from './wechat-request';

/**
 * POST /cgi-bin/stable_token {grant_type:"client_credential", appid, secret, force_refresh?}.
 * The body must be JSON: like WeChat, a form-encoded body reads as having no appid (41002).
 */
export function handleStableToken(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const body = parseJsonObject(request.rawBody) ?? {};
  const appid = stringField(body, 'appid');
  const secret = stringField(body, 'secret');
  if (appid === undefined) return replyOk(wechatError(41002, now));
  if (appid !== state.appid) return replyOk(wechatError(40013, now));
  if (secret === undefined) return replyOk(wechatError(41004, now));
  if (secret !== state.secret) return replyOk(wechatError(40125, now));
  if (body['grant_type'] !== 'client_credential') return replyOk(wechatError(40002, now));
  const token = state.tokens.getStable(body['force_refresh'] === true);
  return replyOk({ access_token: token.access_token, expires_in: token.expires_in });
}
