import type { Middleware } from 'openapi-fetch';
import { isErrorBody } from '../api/errors';
import { clearSession, getSession, saveSession, type Session } from './session-store';

/** What spending a refresh token gave: new tokens, a refusal (the sign-in is over), or no answer. */
export type RefreshOutcome = { kind: 'renewed'; session: Session } | { kind: 'rejected' } | { kind: 'unavailable' };

/** Answers that mean the sign-in is gone for good. */
const SIGNED_OUT_CODES: readonly string[] = ['TOKEN_INVALID', 'REFRESH_TOKEN_INVALID'];

async function codeOf401(response: Response): Promise<string | null> {
  if (response.status !== 401) return null;
  try {
    const body: unknown = await response.clone().json();
    return isErrorBody(body) ? body.code : null;
  } catch {
    return null;
  }
}

/**
 * openapi-fetch middleware for the console's session, as the mini-program's does it: sends the
 * access token; on 401 TOKEN_EXPIRED renews once (refresh tokens are single use, so concurrent
 * requests share one refresh) and repeats the request once; on TOKEN_INVALID or a refused
 * refresh token the session is forgotten, which takes the console back to sign-in.
 */
export function createSessionMiddleware(refresh: (refreshToken: string) => Promise<RefreshOutcome>): Middleware {
  let renewing: Promise<Session | null> | null = null;
  const sent = new Map<string, { token: string; copy: Request }>();

  function renew(expired: Session): Promise<Session | null> {
    renewing ??= refresh(expired.refreshToken)
      .then((outcome) => {
        if (outcome.kind === 'renewed') return saveSession(outcome.session);
        if (outcome.kind === 'rejected' && getSession()?.refreshToken === expired.refreshToken) clearSession();
        return null;
      })
      .finally(() => {
        renewing = null;
      });
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
      sent.set(id, { token: session.accessToken, copy: request.clone() });
      return undefined;
    },

    async onResponse({ response, id, options }) {
      const attempt = sent.get(id);
      sent.delete(id);
      if (!attempt) return undefined;
      const code = await codeOf401(response);
      if (code === null) return undefined;
      if (SIGNED_OUT_CODES.includes(code)) {
        forgetIfStill(attempt.token);
        return undefined;
      }
      if (code !== 'TOKEN_EXPIRED') return undefined;
      let session = getSession();
      if (session && session.accessToken === attempt.token) session = await renew(session);
      if (!session) return undefined;
      attempt.copy.headers.set('Authorization', `Bearer ${session.accessToken}`);
      const repeated = await options.fetch(attempt.copy);
      if (SIGNED_OUT_CODES.includes((await codeOf401(repeated)) ?? '')) forgetIfStill(session.accessToken);
      return repeated;
    },

    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };
}
