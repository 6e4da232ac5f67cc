/**
 * Signing in with WeChat in the mini-program: wx.login gives a single-use code (valid ~5
 * minutes), the API trades it for the openid and answers with our own session.
 * Same exports as ./wechat-sign-in.ts, which the other builds use.
 */
import Taro from '@tarojs/taro';
import { authApi } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { replaceSession } from './account';
import type { Session } from './session-store';

export const wechatSignInAvailable = true;

export async function freshLoginCode(): Promise<string> {
  let code: string | undefined;
  try {
    code = (await Taro.login()).code;
  } catch {
    code = undefined;
  }
  if (!code) throw new ApiError('WECHAT_UNAVAILABLE', '暂时连不上微信，请稍后再试', 0);
  return code;
}

export async function signInWithWechat(): Promise<Session> {
  const code = await freshLoginCode();
  return replaceSession(await unwrap(authApi.POST('/api/auth/wechat-login', { body: { code } })));
}
