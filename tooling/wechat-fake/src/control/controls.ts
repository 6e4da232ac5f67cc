import { unixSeconds } from '../clock';
import type { JsonObject } from '../json';
import { encryptWechatPayload, type EncryptedPayload } from '../payload-crypto';
import { checkedWordList, type ContentWords } from '../state/content-words';
import { ControlInputError } from '../state/control-input-error';
import { copyWords, type FakeState } from '../state/fake-state';
import type { FaultSpec } from '../state/fault-queue';
import type { LoginCodeGrant, LoginInput } from '../state/login-store';
import type { SentSubscribeMessage, SubscribeGrantInput } from '../state/subscribe-store';
import type { WxaCodeContent } from '../wechat/wxa-code-image';

/**
 * The test-only control surface: plays the phone's side of WeChat (wx.login, getPhoneNumber, group
 * payloads, subscription taps) and bends the server's behaviour (faults, token expiry). The same
 * operations are served over HTTP under /__fake/. Bad input throws ControlInputError.
 */
export interface FakeWechatControlSurface {
  /** Plays wx.login: a fresh single-use code, and a NEW session_key for that openid (generated if absent). */
  issueLoginCode(input?: LoginInput): LoginCodeGrant;
  /** Plays the getPhoneNumber button for an 11-digit mainland number: a single-use code. */
  issuePhoneCode(phoneNumber: string): { code: string };
  /** Encrypts `data` plus a watermark {timestamp, appid}, as wx.getShareInfo / wx.getGroupEnterInfo return it. */
  encryptForSession(sessionKey: string, data: JsonObject): EncryptedPayload;
  /** The same, with the session key of that openid's latest wx.login. */
  encryptForUser(openid: string, data: JsonObject): EncryptedPayload;
  /** Makes the next `times` (default 1) calls to `fault.path` misbehave; faults on one path queue up. */
  injectFault(fault: FaultSpec): void;
  pendingFaults(): FaultSpec[];
  clearFaults(): void;
  /** The current token now answers 42001; returns it, or null when none was issued. */
  expireAccessToken(): string | null;
  /** The current token now answers 40001; returns it, or null when none was issued. */
  invalidateAccessToken(): string | null;
  /** The latest token stable_token issued (live or not), or null. */
  currentAccessToken(): string | null;
  /** Adds one-time acceptances (default 1) of a template by a user; returns how many are left. */
  grantSubscribe(input: SubscribeGrantInput): number;
  subscribeGrantsLeft(openid: string, templateId: string): number;
  /** Subscribe messages WeChat accepted, oldest first. */
  sentMessages(): SentSubscribeMessage[];
  /** Calls per WeChat path, failed and faulted ones included. */
  calls(): Record<string, number>;
  /** Replaces the lists given (risky, review); an omitted list stays as it is. Returns the lists now in force. */
  setContentWords(words: Partial<ContentWords>): ContentWords;
  contentWords(): ContentWords;
  /** Pages getwxacodeunlimit's check_path accepts (replaces the list; the home page alone by default). Returns them. */
  publishPages(pages: string[]): string[];
  /** Mini-program codes drawn by getwxacodeunlimit, oldest first. */
  wxaCodes(): WxaCodeContent[];
  /** Forgets users, codes, tokens, grants, messages, faults and call counts; restores the default word lists. */
  reset(): void;
}

export class FakeWechatControls implements FakeWechatControlSurface {
  constructor(protected readonly state: FakeState) {}

  issueLoginCode(input: LoginInput = {}): LoginCodeGrant {
    return this.state.logins.issue(input);
  }

  issuePhoneCode(phoneNumber: string): { code: string } {
    return this.state.phones.issue(phoneNumber);
  }

  encryptForSession(sessionKey: string, data: JsonObject): EncryptedPayload {
    const watermark = { timestamp: unixSeconds(this.state.clock), appid: this.state.appid };
    try {
      return encryptWechatPayload(sessionKey, JSON.stringify({ ...data, watermark }));
    } catch (error) {
      throw new ControlInputError(error instanceof Error ? error.message : String(error));
    }
  }

  encryptForUser(openid: string, data: JsonObject): EncryptedPayload {
    const sessionKey = this.state.logins.latestSessionKey(openid);
    if (sessionKey === undefined) throw new ControlInputError(`no login issued for openid ${openid}`);
    return this.encryptForSession(sessionKey, data);
  }

  injectFault(fault: FaultSpec): void {
    this.state.faults.add(fault);
  }

  pendingFaults(): FaultSpec[] {
    return this.state.faults.pending();
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  expireAccessToken(): string | null {
    return this.state.tokens.expireCurrent() ?? null;
  }

  invalidateAccessToken(): string | null {
    return this.state.tokens.invalidateCurrent() ?? null;
  }

  currentAccessToken(): string | null {
    return this.state.tokens.currentToken() ?? null;
  }

  grantSubscribe(input: SubscribeGrantInput): number {
    return this.state.subscriptions.grant(input);
  }

  subscribeGrantsLeft(openid: string, templateId: string): number {
    return this.state.subscriptions.remaining(openid, templateId);
  }

  sentMessages(): SentSubscribeMessage[] {
    return this.state.subscriptions.messages();
  }

  calls(): Record<string, number> {
    return this.state.calls.snapshot();
  }

  setContentWords(words: Partial<ContentWords>): ContentWords {
    const next = copyWords(this.state.contentWords);
    if (words.risky !== undefined) next.risky = checkedWordList(words.risky, 'risky');
    if (words.review !== undefined) next.review = checkedWordList(words.review, 'review');
    this.state.contentWords = next;
    return copyWords(next);
  }

  contentWords(): ContentWords {
    return copyWords(this.state.contentWords);
  }

  publishPages(pages: string[]): string[] {
    if (!Array.isArray(pages) || pages.some((page) => typeof page !== 'string' || page === '' || page.startsWith('/'))) {
      throw new ControlInputError('pages must be page paths such as pages/index/index');
    }
    this.state.publishedPages = new Set(pages);
    return [...this.state.publishedPages];
  }

  wxaCodes(): WxaCodeContent[] {
    return this.state.wxaCodes.map((code) => ({ ...code }));
  }

  reset(): void {
    this.state.reset();
  }
}
