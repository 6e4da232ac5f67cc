import { JsonWebTokenError, type JwtModuleOptions, JwtSecretRequestType } from '@nestjs/jwt';
import type { KeyObject } from 'node:crypto';
import type { SigningKeys } from './signing-key';

/** Every token we sign says it is ours (`iss`); one that does not is refused. */
export const TOKEN_ISSUER = 'gridloop';

/**
 * HS256 only, our issuer only, and each token verified with the key its `kid` names (a token
 * naming no listed key is refused before any signature is checked). Group tickets share these.
 */
export function jwtOptions(keys: SigningKeys): JwtModuleOptions {
  return {
    secretOrKeyProvider: (requestType, tokenOrPayload) => (requestType === JwtSecretRequestType.SIGN ? keys.signing.secret : keyNamedBy(keys, tokenOrPayload)),
    signOptions: { algorithm: 'HS256', keyid: keys.signing.id, issuer: TOKEN_ISSUER },
    verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
  };
}

function keyNamedBy(keys: SigningKeys, token: unknown): KeyObject | Promise<never> {
  const key = typeof token === 'string' ? keys.byId(headerOf(token)?.kid) : undefined;
  return key?.secret ?? Promise.reject(new JsonWebTokenError('the token names no known signing key'));
}

function headerOf(token: string): { kid?: unknown } | undefined {
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null ? header : undefined;
  } catch {
    return undefined;
  }
}
