import { api } from '../../api/client';
import { ApiError, isErrorBody, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import type { SearchQuery } from './search-params';

export type SearchPage = components['schemas']['SearchPageDto'];
export type SearchPlace = components['schemas']['SearchPlaceDto'];

export const PAGE_SIZE = 20;

export function searchRequests(query: SearchQuery, cursor: string | null): Promise<SearchPage> {
  return unwrap(api.GET('/api/requests/search', { params: { query: { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }));
}

export function listSearchPlaces(): Promise<SearchPlace[]> {
  return unwrap(api.GET('/api/requests/search/places'));
}

/**
 * exportRequestSearch read as it streams, `onProgress` told the bytes received so far; answers the
 * workbook and its file name (the API's, from Content-Disposition).
 */
export async function exportSearch(query: SearchQuery, onProgress: (bytes: number) => void): Promise<{ file: Blob; name: string }> {
  let response: Response;
  try {
    ({ response } = await api.GET('/api/requests/search.xlsx', { params: { query }, parseAs: 'stream' }));
  } catch {
    throw new ApiError('NETWORK', '网络连接不上，请检查网络后重试', 0);
  }
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => null);
    if (isErrorBody(body)) throw new ApiError(body.code, body.message, response.status);
    throw new ApiError('UNEXPECTED', '导出没有成功，请稍后再试', response.status);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    onProgress(bytes);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : '诉求检索.xlsx';
  return { file: new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? undefined }), name };
}
