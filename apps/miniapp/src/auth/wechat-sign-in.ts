/**
 * Signing in with WeChat, outside WeChat (h5 and any other build): there is no wx.login, so the
 * sign-in page offers the demo login instead. The weapp build uses ./wechat-sign-in.weapp.ts
 * (Taro picks `<name>.<TARO_ENV>.ts` over `<name>.ts`); both export the same names.
 */
import { ApiError } from '../api/errors';
import type { Session } from './session-store';

export const wechatSignInAvailable = false;

export async function signInWithWechat(): Promise<Session> {
  throw new ApiError('UNEXPECTED', '请在微信小程序中登录', 0);
}

/** A fresh wx.login code (for resolving a village group); none outside WeChat. */
export async function freshLoginCode(): Promise<string> {
  throw new ApiError('UNEXPECTED', '请在微信小程序中打开', 0);
}
