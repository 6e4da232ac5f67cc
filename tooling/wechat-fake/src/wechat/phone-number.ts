import { unixSeconds } from '../clock';
import { parseJsonObject, stringField } from '../json';
import type { FakeState } from '../state/fake-state';
import { wechatError } from './errors';
import { replyOk, type WechatReply, type WechatRequest } from './wechat-request';

/** POST /wxa/business/getuserphonenumber?access_token {code} (getPhoneNumber); the token is checked before. */
export function handlePhoneNumber(state: FakeState, request: WechatRequest): WechatReply {
  const now = unixSeconds(state.clock);
  const body = parseJsonObject(request.rawBody);
  if (body === undefined) return replyOk(wechatError(47001, now));
  const code = stringField(body, 'code');
  const entry = code === undefined ? undefined : state.phones.redeem(code);
  if (entry === undefined) return replyOk(wechatError(40029, now));
  return replyOk({
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      // Mainland numbers only here, so the number with and without area code is the same.
      phoneNumber: entry.phoneNumber,
      purePhoneNumber: entry.phoneNumber,
      countryCode: '86',
      watermark: { timestamp: Math.floor(entry.issuedAtMs / 1000), appid: state.appid },
    },
  });
}
