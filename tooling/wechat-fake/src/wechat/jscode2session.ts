import { unixSeconds } from '../clock';
import type { FakeState } from '../state/fake-state';
import { wechatError } from './errors';
import { replyOk, type WechatReply, type WechatRequest } from './wechat-request';

/**
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code (code2Session).
 * Success carries no errcode, only openid, session_key and (when bound to an open platform) unionid.
 */
export function handleJscode2session(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const query = request.query;
  const appid = query.get('appid') ?? '';
  const secret = query.get('secret') ?? '';
  const code = query.get('js_code') ?? '';
  if (appid === '') return replyOk(wechatError(41002, now));
  if (appid !== state.appid) return replyOk(wechatError(40013, now));
  if (secret === '') return replyOk(wechatError(41004, now));
  if (secret !== state.secret) return replyOk(wechatError(40125, now));
  if (query.get('grant_type') !== 'authorization_code') return replyOk(wechatError(40002, now));
  if (code === '') return replyOk(wechatError(41008, now));
  const grant = state.logins.redeem(code);
  // Unknown, already used and expired codes all answer 40029, as code2Session documents.
  if (grant === undefined) return replyOk(wechatError(40029, now));
  const body: Record<string, string> = { session_key: grant.session_key, openid: grant.openid };
  if (grant.unionid !== undefined) body['unionid'] = grant.unionid;
  return replyOk(body);
}
