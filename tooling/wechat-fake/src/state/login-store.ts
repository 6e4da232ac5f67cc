import type { Clock } from '../clock';
import { newLoginCode, newOpenid, newSessionKey } from '../ids';
import { ControlInputError } from './control-input-error';

/** What a test gets when it plays the phone's wx.login: the code for the API, and the key behind it. */
export interface LoginCodeGrant {
  code: string;
  openid: string;
  session_key: string;
  unionid?: string;
}

export interface LoginInput {
  openid?: string;
  unionid?: string;
}

interface PendingCode {
  grant: LoginCodeGrant;
  issuedAtMs: number;
}

interface KnownUser {
  unionid?: string;
  /** The key from the latest wx.login: WeChat rotates it on login, so earlier keys go stale. */
  latestSessionKey: string;
}

/** Login codes (single-use, short-lived) and the users they belong to. */
export class LoginStore {
  private readonly pending = new Map<string, PendingCode>();
  private readonly users = new Map<string, KnownUser>();

  constructor(
    private readonly clock: Clock,
    private readonly codeTtlMs: number,
  ) {}

  issue(input: LoginInput = {}): LoginCodeGrant {
    if (input.openid !== undefined && !/^[A-Za-z0-9_-]{6,64}$/.test(input.openid)) {
      throw new ControlInputError('openid must be 6-64 characters of [A-Za-z0-9_-]');
    }
    const openid = input.openid ?? newOpenid();
    const known = this.users.get(openid);
    // A returning user keeps their unionid unless the test names a new one.
    const unionid = input.unionid ?? known?.unionid;
    const grant: LoginCodeGrant = { code: newLoginCode(), openid, session_key: newSessionKey() };
    if (unionid !== undefined) grant.unionid = unionid;
    this.pending.set(grant.code, { grant, issuedAtMs: this.clock() });
    const user: KnownUser = { latestSessionKey: grant.session_key };
    if (unionid !== undefined) user.unionid = unionid;
    this.users.set(openid, user);
    return { ...grant };
  }

  /** Single use: a code is gone after one redemption, and worthless after its time to live. */
  redeem(code: string): LoginCodeGrant | undefined {
    const entry = this.pending.get(code);
    if (entry === undefined) return undefined;
    this.pending.delete(code);
    if (this.clock() - entry.issuedAtMs >= this.codeTtlMs) return undefined;
    return { ...entry.grant };
  }

  isKnown(openid: string): boolean {
    return this.users.has(openid);
  }

  latestSessionKey(openid: string): string | undefined {
    return this.users.get(openid)?.latestSessionKey;
  }

  reset(): void {
    this.pending.clear();
    this.users.clear();
  }
}
