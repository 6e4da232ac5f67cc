import type { Middleware } from 'openapi-fetch';
import { isErrorBody } from '../api/errors';
import { clearSession, getSession, saveSession, type Session } from './session-store';

/** What spending a refresh token gave. */
export type RefreshOutcome =
  | { kind: 'renewed'; session: Session }
  /** The API refused the refresh token (spent, revoked, expired): the sign-in is over. */
  | { kind: 'rejected' }
  /** No answer (offline, server trouble): keep the session, try again next time. */
  | { kind: 'unavailable' };

export interface SessionMiddlewareOptions {
  /** Spends a refresh token; must not itself go through this middleware. */
  refresh(refreshToken: string): Promise<RefreshOutcome>;
}

/** Answers that mean the sign-in is gone for good. */
const SIGNED_OUT_CODES: readonly string[] = ['TOKEN_INVALID', 'REFRESH_TOKEN_INVALID'];

async function errorCodeOf(response: Response): Promise<string | null> {
  if (response.status !== 401) return null;
  try {
    const body: unknown = await response.clone().json();
    return isErrorBody(body) ? body.code : null;
  } catch {
    return null;
  }
}

/**
 * openapi-fetch middleware for the session:
 * - sends `Authorization: Bearer <access token>` while signed in;
 * - on 401 TOKEN_EXPIRED, renews the tokens once and repeats the request once. Refresh tokens
 *   are single use, so concurrent requests share one refresh in flight; a request that expired
 *   after another one already renewed simply repeats with the new token;
 * - on TOKEN_INVALID or a refused refresh token, forgets the session (signed out).
 */
export function createSessionMiddleware({ refresh }: SessionMiddlewareOptions): Middleware {
  let renewing: Promise<Session | null> | null = null;
  /** Per request: the token it was sent with and an unread copy to repeat it with. */
  const sent = new Map<string, { token: string; copy: Request }>();

  function renew(expired: Session): Promise<Session | null> {
    if (!renewing) {
      renewing = refresh(expired.refreshToken)
        .then((outcome) => {
          if (outcome.kind === 'renewed') return saveSession(outcome.session);
          // Only forget the sign-in this refresh was for (not one made meanwhile).
          if (outcome.kind === 'rejected' && getSession()?.refreshToken === expired.refreshToken) clearSession();
          return null;
        })
        .finally(() => {
          renewing = null;
        });
    }
    return renewing;
  }

  function forgetIfStill(token: string): void {
    if (getSession()?.accessToken === token) clearSession();
  }

  return {
    onRequest({ request, id }) {
      const session = getSession();
      if (!session) return undefined;
      request.headers.set('Authorization', `Bearer ${session.accessToken}`);
      // The adapter reads the body when sending, so keep a copy for a possible repeat.
      sent.set(id, { token: session.accessToken, copy: request.clone() });
      return undefined;
    },

    async onResponse({ response, id, options }) {
      const attempt = sent.get(id);
      sent.delete(id);
      if (!attempt) return undefined;
      const code = await errorCodeOf(response);
      if (code === null) return undefined;
      if (SIGNED_OUT_CODES.includes(code)) {
        forgetIfStill(attempt.token);
        return undefined;
      }
      if (code !== 'TOKEN_EXPIRED') return undefined;

      let session = getSession();
      if (session && session.accessToken === attempt.token) session = await renew(session);
      if (!session) return undefined; // signed out meanwhile, or could not renew: the 401 stands

      attempt.copy.headers.set('Authorization', `Bearer ${session.accessToken}`);
      const repeated = await options.fetch(attempt.copy);
      if (SIGNED_OUT_CODES.includes((await errorCodeOf(repeated)) ?? '')) forgetIfStill(session.accessToken);
      return repeated;
    },

    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };
}
