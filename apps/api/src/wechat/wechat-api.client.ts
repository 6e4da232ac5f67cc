import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WechatApiError, WX_SYSTEM_BUSY } from './wechat-errors';

const REQUEST_TIMEOUT_MS = 5000;

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

export interface StableToken {
  accessToken: string;
  expiresInSeconds: number;
}

type WechatReply = { errcode?: number; errmsg?: string } & Record<string, unknown>;

/** One subscribe message (subscribeMessage.send); values already fitted to WeChat's limits. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

/** getUnlimitedQRCode's input; check_path follows the version (only a released mini-program's pages are checked). */
export interface WxaCodeRequest {
  scene: string;
  page: string;
  envVersion: 'release' | 'trial' | 'develop';
  width: number;
}

/**
 * WeChat could not be reached or did not answer with its JSON (network error, timeout, HTTP 5xx,
 * a proxy page): still WECHAT_UNAVAILABLE to a client, with the detail for logs and the outbox.
 */
export class WechatUnreachableError extends AppError {
  constructor(readonly reason: string) {
    super(ErrorCode.WechatUnavailable);
  }
}

/**
 * WeChat's server API at WECHAT_API_BASE. Speaks its real paths and bodies; a non-zero errcode
 * becomes WechatApiError, a network failure or non-JSON reply WECHAT_UNAVAILABLE. WeChat's
 * "system busy" (-1) is tried once more before giving up.
 */
@Injectable()
export class WechatApiClient {
  private readonly logger = new Logger('WechatApi');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get appid(): string {
    return this.credentials().appid;
  }

  async code2Session(code: string): Promise<WechatSession> {
    const { appid, secret } = this.credentials();
    const query = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' });
    const reply = await this.call('GET', `/sns/jscode2session?${query}`);
    if (typeof reply.openid !== 'string' || typeof reply.session_key !== 'string') {
      throw new AppError(ErrorCode.WechatError);
    }
    return { openid: reply.openid, sessionKey: reply.session_key, unionid: typeof reply.unionid === 'string' ? reply.unionid : null };
  }

  async stableToken(forceRefresh: boolean): Promise<StableToken> {
    const { appid, secret } = this.credentials();
    const reply = await this.call('POST', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid,
      secret,
      force_refresh: forceRefresh,
    });
    if (typeof reply.access_token !== 'string' || typeof reply.expires_in !== 'number') throw new AppError(ErrorCode.WechatError);
    return { accessToken: reply.access_token, expiresInSeconds: reply.expires_in };
  }

  /** Exchanges a getPhoneNumber button code for the number; needs the server access token. */
  async userPhoneNumber(accessToken: string, code: string): Promise<string> {
    const reply = await this.call('POST', `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(accessToken)}`, { code });
    const info = reply.phone_info as { purePhoneNumber?: unknown } | undefined;
    if (typeof info?.purePhoneNumber !== 'string') throw new AppError(ErrorCode.WechatError);
    return info.purePhoneNumber;
  }

  /** msgSecCheck 2.0: WeChat's verdict on a user's text (pass, review or risky). */
  async msgSecCheck(accessToken: string, input: { content: string; openid: string; scene: number }): Promise<'pass' | 'review' | 'risky'> {
    const reply = await this.call('POST', `/wxa/msg_sec_check?access_token=${encodeURIComponent(accessToken)}`, { ...input, version: 2 });
    const suggest = (reply.result as { suggest?: unknown } | undefined)?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw new AppError(ErrorCode.WechatError);
    return suggest;
  }

  /**
   * subscribeMessage.send: one message, which spends one of the user's one-time grants. Never
   * retried here, not even on -1: WeChat has no idempotency key, so the caller (the delivery
   * worker) decides whether a second try is worth a possible duplicate.
   */
  async sendSubscribeMessage(accessToken: string, message: SubscribeMessage): Promise<void> {
    await this.call(
      'POST',
      `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`,
      {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState,
        lang: 'zh_CN',
      },
      { retryBusy: false },
    );
  }

  /**
   * getUnlimitedQRCode: a mini-program code opening `page` with `scene` (≤ 32 of WeChat's characters).
   * WeChat answers the picture itself, or its JSON error; never retried here (each try draws anew).
   */
  async unlimitedWxaCode(accessToken: string, input: WxaCodeRequest): Promise<{ contentType: string; data: Buffer }> {
    const path = '/wxa/getwxacodeunlimit';
    const body = { scene: input.scene, page: input.page, check_path: input.envVersion === 'release', env_version: input.envVersion, width: input.width };
    let response: Response;
    try {
      response = await fetch(`${this.config.wechat.apiBase}${path}?access_token=${encodeURIComponent(accessToken)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn({ path, reason: String(error) }, 'WeChat unreachable');
      throw new WechatUnreachableError(`network error: ${describeNetworkError(error)}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok && contentType.startsWith('image/')) return { contentType, data: Buffer.from(await response.arrayBuffer()) };
    const text = await response.text().catch(() => '');
    let reply: WechatReply | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') reply = parsed as WechatReply;
    } catch {
      // not WeChat's JSON either
    }
    if (reply === undefined) throw new WechatUnreachableError(`HTTP ${response.status} without a picture or WeChat's JSON`);
    const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0;
    this.logger.warn({ path, errcode, errmsg: reply.errmsg }, 'WeChat error');
    if (errcode === 0) throw new AppError(ErrorCode.WechatError); // JSON without an error and without a picture
    throw new WechatApiError(errcode, String(reply.errmsg ?? ''), path);
  }

  private credentials(): { appid: string; secret: string } {
    const { appid, secret } = this.config.wechat;
    if (!appid || !secret) throw new AppError(ErrorCode.WechatNotConfigured);
    return { appid, secret };
  }

  private async call(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: unknown,
    options: { retryBusy: boolean } = { retryBusy: true },
  ): Promise<WechatReply> {
    const path = pathAndQuery.split('?')[0] ?? pathAndQuery;
    for (let attempt = 1; ; attempt++) {
      const reply = await this.send(method, pathAndQuery, body);
      const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0;
      if (errcode === 0) return reply;
      const error = new WechatApiError(errcode, String(reply.errmsg ?? ''), path);
      this.logger.warn({ path, errcode, errmsg: reply.errmsg, attempt }, 'WeChat error');
      if (errcode !== WX_SYSTEM_BUSY || attempt >= 2 || !options.retryBusy) throw error;
    }
  }

  private async send(method: string, pathAndQuery: string, body?: unknown): Promise<WechatReply> {
    let response: Response;
    try {
      response = await fetch(`${this.config.wechat.apiBase}${pathAndQuery}`, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn({ path: pathAndQuery.split('?')[0], reason: String(error) }, 'WeChat unreachable');
      // By name: fetch's DOMException is not always an instance of this realm's Error.
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new WechatUnreachableError(timedOut ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `network error: ${describeNetworkError(error)}`);
    }
    const text = await response.text().catch(() => '');
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return parsed as WechatReply;
    } catch {
      // fall through: WeChat answered something that is not its JSON (a proxy page, a 5xx)
    }
    this.logger.warn({ path: pathAndQuery.split('?')[0], status: response.status }, 'WeChat answered non-JSON');
    throw new WechatUnreachableError(`HTTP ${response.status} without WeChat's JSON`);
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return String((error as Error)?.message ?? error).slice(0, 80);
}
