import createClient from 'openapi-fetch'
import type { paths } from './schema'
import { createTaroFetch } from './taro-fetch'

/**
 * Typed API client generated from the API's OpenAPI document (./schema.d.ts, `pnpm gen:api`).
 *
 * Base URL: '' in h5 (same origin as the page), an absolute origin in weapp; both come from the
 * build-time constant API_BASE_URL (config/index.ts). Schema paths already start with /api.
 */
export const apiBaseUrl = API_BASE_URL

export const api = createClient<paths>({
  baseUrl: apiBaseUrl,
  fetch: createTaroFetch({ timeout: 15000 }),
  // openapi-fetch defaults to globalThis.Request, which weapp lacks; the bare name resolves to
  // the browser's Request in h5 and to the weapp shim (web-shims.ts) in the weapp build.
  Request
})
