import createClient from 'openapi-fetch';
import { createSessionMiddleware, type RefreshOutcome } from '../auth/session-middleware';
import type { paths } from './schema';
import { createTaroFetch } from './taro-fetch';

/**
 * Typed API clients generated from the API's OpenAPI document (./schema.d.ts, `pnpm gen:api`).
 *
 * Base URL: '' in h5 (same origin as the page), an absolute origin in weapp; both come from the
 * build-time constant API_BASE_URL (config/index.ts). Schema paths already start with /api.
 */
export const apiBaseUrl = API_BASE_URL;

function createApiClient() {
  return createClient<paths>({
    baseUrl: apiBaseUrl,
    fetch: createTaroFetch({ timeout: 15000 }),
    // openapi-fetch defaults to globalThis.Request, which weapp lacks; the bare name resolves to
    // the browser's Request in h5 and to the weapp shim (web-shims.ts) in the weapp build.
    Request,
  });
}

/**
 * Signing in, renewing and signing out (`/api/auth/*`): sends no access token and never renews,
 * so a refresh cannot recurse into another refresh.
 */
export const authApi = createApiClient();

/** Everything else: carries the session's access token and renews it once when it expired. */
export const api = createApiClient();

async function refresh(refreshToken: string): Promise<RefreshOutcome> {
  try {
    const { data, response } = await authApi.POST('/api/auth/refresh', { body: { refreshToken } });
    if (data) return { kind: 'renewed', session: data };
    return response.status === 401 ? { kind: 'rejected' } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

api.use(createSessionMiddleware({ refresh }));
