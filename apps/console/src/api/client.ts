import createClient from 'openapi-fetch';
import { createSessionMiddleware, type RefreshOutcome } from '../auth/session-middleware';
import type { paths } from './schema';

/** Typed clients generated from the API's OpenAPI document (./schema.d.ts, `pnpm gen:api`); same origin as the page. */

// The middleware repeats a request through `options.fetch`; the browser's fetch refuses to be
// called as a method of another object (Illegal invocation), so it goes through a plain function.
const browserFetch = (request: Request): Promise<Response> => fetch(request);

/** Signing in, renewing and signing out: sends no access token and never renews, so a refresh cannot recurse. */
export const authApi = createClient<paths>({ baseUrl: '', fetch: browserFetch });

/** Everything else: carries the session's access token and renews it once when it expired. */
export const api = createClient<paths>({ baseUrl: '', fetch: browserFetch });

async function refresh(refreshToken: string): Promise<RefreshOutcome> {
  try {
    const { data, response } = await authApi.POST('/api/auth/refresh', { body: { refreshToken } });
    if (data) return { kind: 'renewed', session: data };
    return response.status === 401 ? { kind: 'rejected' } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

api.use(createSessionMiddleware(refresh));
