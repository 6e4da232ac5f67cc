import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, DEFAULT_REFRESH_LIMIT_PER_MINUTE, type AppConfig } from '../config/app-config';
import { RefreshToken } from './refresh-token.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

interface AccessClaims {
  sub: string;
  /** The sign-in (refresh-token family) this access token belongs to. */
  sid: string;
  exp?: number;
}

/** Access tokens are for this API (`aud`): a group ticket, signed with the same keys, is not one. */
const ACCESS_AUDIENCE = 'gridloop:access';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Our own tokens: a short-lived signed access token, and a single-use refresh token that is
 * rotated on every use. Reusing a spent refresh token revokes the whole sign-in.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new pair; `manager` puts the refresh token in the caller's transaction (a desk sign-in's claim). */
  async issue(personId: number, now: Date, familyId: string = randomUUID(), manager: EntityManager = this.dataSource.manager): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.getRepository(RefreshToken).insert({
      tokenHash: hash(refreshToken),
      familyId,
      personId,
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const claims: AccessClaims = { sub: String(personId), sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl, audience: ACCESS_AUDIENCE });
    return { accessToken, refreshToken, expiresIn: ttl };
  }

  /**
   * Spends `refreshToken` and returns the next pair of the same sign-in, with its person.
   * A token spent again soon after (a client's own racing or retried refresh) is refused without
   * harm; spent again later, it was copied, and the whole sign-in is revoked.
   * One sign-in may refresh only so often a minute (counted in the database, so across
   * instances): a refused token stays unspent, and nobody else's refresh is affected.
   */
  async rotate(refreshToken: string, now: Date): Promise<{ pair: TokenPair; personId: number }> {
    const tokens = this.dataSource.getRepository(RefreshToken);
    const row = await tokens.findOneBy({ tokenHash: hash(refreshToken) });
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw new AppError(ErrorCode.RefreshTokenInvalid, 'refreshToken');
    }
    if (!row.usedAt && (await this.rotationsInLastMinute(row.familyId, now)) >= this.refreshLimitPerMinute) {
      throw new AppError(ErrorCode.TooManyRequests);
    }
    // Exactly one caller can spend a token: the update only matches while it is unused.
    const spent = await tokens.update({ id: row.id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: now });
    if (!spent.affected) {
      const spentAt = (await tokens.findOneBy({ id: row.id }))?.usedAt;
      const graceMs = this.config.auth.refreshReuseGraceSeconds * 1000;
      if (!spentAt || now.getTime() - spentAt.getTime() > graceMs) await this.revokeFamily(row.familyId, now);
      throw new AppError(ErrorCode.RefreshTokenInvalid, 'refreshToken');
    }
    return { pair: await this.issue(row.personId, now, row.familyId), personId: row.personId };
  }

  /** Signs out: the sign-in's refresh tokens stop working, and so do its access tokens. */
  async revoke(refreshToken: string, now: Date): Promise<void> {
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hash(refreshToken) });
    if (row) await this.revokeFamily(row.familyId, now);
  }

  /**
   * An access token's person and sign-in, checked here for its key (`kid`), algorithm (HS256),
   * signature, issuer, audience and expiry (which it must have): the caller must still check that
   * the sign-in exists and is not revoked (ActorRepository.loadSignedIn does, for AuthGuard).
   */
  async readAccess(accessToken: string): Promise<{ personId: number; familyId: string }> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims & object>(accessToken, { audience: ACCESS_AUDIENCE });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new AppError(expired ? ErrorCode.TokenExpired : ErrorCode.TokenInvalid);
    }
    const personId = Number(claims.sub);
    if (typeof claims.exp !== 'number' || !Number.isInteger(personId) || typeof claims.sid !== 'string') throw new AppError(ErrorCode.TokenInvalid);
    return { personId, familyId: claims.sid };
  }

  private get refreshLimitPerMinute(): number {
    return this.config.auth.refreshLimitPerMinute ?? DEFAULT_REFRESH_LIMIT_PER_MINUTE;
  }

  /** Each rotation spends one token of the family, so spent times are the rotations. */
  private rotationsInLastMinute(familyId: string, now: Date): Promise<number> {
    return this.dataSource.getRepository(RefreshToken).countBy({ familyId, usedAt: MoreThan(new Date(now.getTime() - 60_000)) });
  }

  private async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
