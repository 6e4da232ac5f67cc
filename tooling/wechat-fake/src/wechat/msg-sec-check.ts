import { unixSeconds } from '../clock';
import { newRequestId } from '../ids';
import { parseJsonObject, stringField } from '../json';
import { judgeContent } from '../state/content-words';
import type { FakeState } from '../state/fake-state';
import { wechatError } from './errors';
import { replyOk, type WechatReply, type WechatRequest } from './wechat-request';

const SCENES = new Set([1, 2, 3, 4]); // 1 profile, 2 comment, 3 forum, 4 social log
const MAX_CONTENT_CHARS = 2500;

/**
 * POST /wxa/msg_sec_check?access_token (msgSecCheck 2.0); the token is checked before.
 * Only version 2 is faked: version 1 (errcode 87014 for risky text) was retired in 2021.
 */
export function handleMsgSecCheck(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const body = parseJsonObject(request.rawBody);
  if (body === undefined) return replyOk(wechatError(47001, now));
  if (body['version'] !== 2) return replyOk(wechatError(47001, now, 'data format error: version must be 2'));
  const openid = stringField(body, 'openid');
  if (openid === undefined || !state.logins.isKnown(openid)) return replyOk(wechatError(40003, now));
  const scene = body['scene'];
  if (typeof scene !== 'number' || !SCENES.has(scene)) return replyOk(wechatError(40129, now));
  const content = body['content'];
  if (typeof content !== 'string' || Array.from(content).length > MAX_CONTENT_CHARS) {
    return replyOk(wechatError(47001, now));
  }

  const verdict = judgeContent(content, state.contentWords);
  const { suggest, label, keyword } = verdict;
  const modelDetail = { strategy: 'content_model', errcode: 0, suggest, label, prob: 90 };
  // WeChat lists the keyword strategy even when nothing matched, then with only strategy and errcode.
  const keywordDetail = keyword === undefined ? { strategy: 'keyword', errcode: 0 } : { strategy: 'keyword', errcode: 0, suggest, label, level: 90, keyword };
  return replyOk({
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [modelDetail, keywordDetail],
    trace_id: newRequestId(now),
  });
}
