import Taro from '@tarojs/taro';

/**
 * `fetch` implemented with Taro.request, for openapi-fetch.
 *
 * The weapp runtime has no fetch; Taro.request is wx.request there and a fetch wrapper in h5, so
 * one code path serves both. Uses the standard `Request`, `Headers` and `Response` names: the
 * browser's in h5, the shims from ./web-shims.ts in weapp (provided by config/index.ts).
 *
 * - Request: method, URL (already absolute or same-origin), headers and a text body (JSON or
 *   form-encoded) are passed on. wx.request lists OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE
 *   and CONNECT as its methods: PATCH is not among them, so API routes the app calls avoid it.
 * - Response: Taro.request is asked for raw text (`dataType: 'text'`), so the real status code,
 *   headers and body reach openapi-fetch, which parses JSON and splits data/error by status.
 * - Failures: no response at all (offline, DNS, timeout, domain not allowed) rejects with a
 *   TypeError like fetch does; an aborted `signal` rejects with an AbortError.
 */

export interface TaroFetchOptions {
  /** Milliseconds before the request fails. */
  timeout?: number;
}

type TaroMethod = keyof Taro.request.Method;

const NULL_BODY_STATUS = [101, 204, 205, 304];

function abortError(): Error {
  const error = new Error('The request was aborted');
  error.name = 'AbortError';
  return error;
}

function toText(data: unknown): string {
  if (data === undefined || data === null) return '';
  return typeof data === 'string' ? data : JSON.stringify(data);
}

export function createTaroFetch({ timeout = 15000 }: TaroFetchOptions = {}): typeof fetch {
  async function taroFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const method = request.method.toUpperCase();
    const signal = request.signal;
    if (signal?.aborted) throw abortError();

    const header: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      header[key] = value;
    });
    const body = method === 'GET' || method === 'HEAD' ? '' : await request.text();

    const task = Taro.request<string>({
      url: request.url,
      method: method as TaroMethod,
      header,
      data: body === '' ? undefined : body,
      dataType: 'text', // keep the raw body: openapi-fetch parses it
      responseType: 'text',
      timeout,
    });
    const onAbort = () => task.abort();
    signal?.addEventListener?.('abort', onAbort);

    let result: Taro.request.SuccessCallbackResult<string>;
    try {
      result = await task;
    } catch (error) {
      if (signal?.aborted) throw abortError();
      const reason = error as { errMsg?: string; message?: string } | undefined;
      // As fetch fails: a TypeError whose message carries the reason (WeChat's errMsg).
      // eslint-disable-next-line preserve-caught-error
      throw new TypeError(`Network request failed: ${reason?.errMsg ?? reason?.message ?? String(error)}`);
    } finally {
      signal?.removeEventListener?.('abort', onAbort);
    }

    const status = result.statusCode;
    if (!(status >= 200 && status <= 599)) {
      throw new TypeError(`Network request failed: unexpected status ${status}`);
    }
    const headers = new Headers();
    const received = (result.header ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(received)) {
      const value = received[key];
      if (value === undefined || value === null) continue;
      headers.append(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const nullBody = method === 'HEAD' || NULL_BODY_STATUS.includes(status);
    return new Response(nullBody ? null : toText(result.data), { status, headers });
  }
  return taroFetch as typeof fetch;
}
