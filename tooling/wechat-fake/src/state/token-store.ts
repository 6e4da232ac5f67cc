import type { Clock } from '../clock';
import { newAccessToken } from '../ids';

export interface StableTokenResult {
  access_token: string;
  /** Seconds left on this token, as WeChat reports it (not always the full time to live). */
  expires_in: number;
}

/** Why a presented token was refused: 41001 none given, 40001 unknown or replaced, 42001 expired. */
export type TokenRefusal = 40001 | 41001 | 42001;

interface TokenRecord {
  expiresAtMs: number;
  invalidated: boolean;
}

/** WeChat renews a stable token in its last 5 minutes; shorter test lifetimes get a proportional window. */
const RENEW_WINDOW_FRACTION = 300 / 7200;
const MAX_RENEW_WINDOW_MS = 300_000;

/**
 * Access tokens from POST /cgi-bin/stable_token. Normal mode hands back the current token until it
 * nears expiry (then a new one, the old staying valid until it expires, as WeChat promises);
 * force_refresh mints a new token and invalidates the previous one at once.
 */
export class AccessTokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private current: string | undefined;
  private serial = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  getStable(forceRefresh: boolean): StableTokenResult {
    const now = this.clock();
    const renewWindowMs = Math.min(MAX_RENEW_WINDOW_MS, this.ttlMs * RENEW_WINDOW_FRACTION);
    const record = this.current === undefined ? undefined : this.tokens.get(this.current);
    if (forceRefresh && record !== undefined) record.invalidated = true;
    if (!forceRefresh && this.current !== undefined && record !== undefined && !record.invalidated && record.expiresAtMs - now > renewWindowMs) {
      return { access_token: this.current, expires_in: Math.ceil((record.expiresAtMs - now) / 1000) };
    }
    return this.mint(now);
  }

  check(token: string | undefined): TokenRefusal | undefined {
    if (token === undefined || token === '') return 41001;
    const record = this.tokens.get(token);
    if (record === undefined || record.invalidated) return 40001;
    if (this.clock() >= record.expiresAtMs) return 42001;
    return undefined;
  }

  /** The latest token minted (live or not); for the control surface. */
  currentToken(): string | undefined {
    return this.current;
  }

  /** Makes the current token answer 42001 (as if its 7200 s ran out). */
  expireCurrent(): string | undefined {
    const record = this.current === undefined ? undefined : this.tokens.get(this.current);
    if (record === undefined) return undefined;
    record.expiresAtMs = Math.min(record.expiresAtMs, this.clock());
    return this.current;
  }

  /** Makes the current token answer 40001 (as if another server force-refreshed it). */
  invalidateCurrent(): string | undefined {
    const record = this.current === undefined ? undefined : this.tokens.get(this.current);
    if (record === undefined) return undefined;
    record.invalidated = true;
    return this.current;
  }

  reset(): void {
    this.tokens.clear();
    this.current = undefined;
  }

  private mint(now: number): StableTokenResult {
    this.serial += 1;
    const token = newAccessToken(this.serial);
    this.tokens.set(token, { expiresAtMs: now + this.ttlMs, invalidated: false });
    this.current = token;
    return { access_token: token, expires_in: Math.ceil(this.ttlMs / 1000) };
  }
}
