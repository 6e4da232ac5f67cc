import { newRequestId } from '../ids';

/**
 * The WeChat error codes this fake produces, with WeChat's own (English) errmsg text.
 * Sources: the global return-code table and each API's page on developers.weixin.qq.com.
 */
export const WECHAT_ERRMSG = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40066: 'invalid url',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40169: 'invalid length for scene, or the data is not json string',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  85096: 'scancode_time not allowed',
} as const;

export type WechatErrcode = keyof typeof WECHAT_ERRMSG;

// A type alias rather than an interface so it fits the handlers' Record<string, unknown> reply bodies.
export type WechatErrorBody = {
  errcode: number;
  errmsg: string;
};

/**
 * An error body as WeChat sends it: errmsg ends with " rid: <request id>", so clients must match on
 * errcode, never on the exact errmsg text. `message` replaces the standard text where WeChat adds detail
 * (47003 names the offending field).
 */
export function wechatError(errcode: WechatErrcode, unixSeconds: number, message?: string): WechatErrorBody {
  const text = message ?? WECHAT_ERRMSG[errcode];
  return { errcode, errmsg: `${text} rid: ${newRequestId(unixSeconds)}` };
}

/** Standard text for an injected fault's errcode when the test gave none. */
export function standardErrmsg(errcode: number): string {
  return errcode in WECHAT_ERRMSG ? WECHAT_ERRMSG[errcode as WechatErrcode] : 'system error';
}
