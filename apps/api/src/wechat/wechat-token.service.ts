import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WechatAccessToken } from './wechat-access-token.entity';
import { WechatApiClient } from './wechat-api.client';
import { WechatApiError } from './wechat-errors';

/** Refresh this long before WeChat's expiry, so no request ever carries a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * WeChat's server access token (stable_token), cached in the database for all API instances.
 * Fetched only when the cache is missing or near expiry, and again when WeChat rejects it
 * (40001/42001): never per request.
 */
@Injectable()
export class WechatTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatApiClient,
  ) {}

  /** Runs `call` with a valid token; if WeChat rejects the token, refreshes once and retries. */
  async withAccessToken<T>(call: (token: string) => Promise<T>, now: Date): Promise<T> {
    const token = await this.currentToken(now);
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !error.isTokenRejected) throw error;
      return call(await this.replaceRejected(token, now));
    }
  }

  async currentToken(now: Date): Promise<string> {
    const cached = await this.cached();
    if (cached && cached.expiresAt.getTime() - REFRESH_MARGIN_MS > now.getTime()) return cached.accessToken;
    return this.fetchAndStore(false, now);
  }

  private async replaceRejected(rejected: string, now: Date): Promise<string> {
    // Another instance may already have replaced it.
    const cached = await this.cached();
    if (cached && cached.accessToken !== rejected && cached.expiresAt.getTime() - REFRESH_MARGIN_MS > now.getTime()) {
      return cached.accessToken;
    }
    const fresh = await this.fetchAndStore(false, now);
    // stable_token hands back the same token while WeChat still counts it valid: force a new one.
    return fresh === rejected ? this.fetchAndStore(true, now) : fresh;
  }

  private cached(): Promise<WechatAccessToken | null> {
    return this.dataSource.getRepository(WechatAccessToken).findOneBy({ appid: this.wechat.appid });
  }

  private async fetchAndStore(forceRefresh: boolean, now: Date): Promise<string> {
    const { accessToken, expiresInSeconds } = await this.wechat.stableToken(forceRefresh);
    await this.dataSource.getRepository(WechatAccessToken).save({
      appid: this.wechat.appid,
      accessToken,
      expiresAt: new Date(now.getTime() + expiresInSeconds * 1000),
      fetchedAt: now,
    });
    return accessToken;
  }
}
