import { api } from '../../../api/client';
import { ApiError, isErrorBody, unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { getSession } from '../../../auth/session-store';

export type ImportResult = components['schemas']['HotlineImportResultDto'];
export type RowProblem = NonNullable<components['schemas']['ErrorBody']['rows']>[number];

/** A refused sheet: the API's Chinese message and, for a sheet with wrong cells, every one of them. */
export class SheetRefused extends ApiError {
  constructor(
    code: string,
    message: string,
    status: number,
    readonly rows: readonly RowProblem[],
  ) {
    super(code, message, status);
  }
}

/**
 * importHotlineOrdersSheet with upload progress (fetch reports none, so XMLHttpRequest). The access
 * token is renewed first through the client's own middleware (a cheap getMe), so the upload
 * carries a live one.
 */
export async function uploadHotlineSheet(townId: number, file: File, onProgress: (percent: number) => void): Promise<ImportResult> {
  await unwrap(api.GET('/api/me'));
  const token = getSession()?.accessToken;
  const form = new FormData();
  form.append('townId', String(townId));
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/hotline/orders/xlsx');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '网络连接不上，请检查网络后重试', 0));
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else if (isErrorBody(body)) reject(new SheetRefused(body.code, body.message, xhr.status, body.rows ?? []));
      else reject(new ApiError('UNEXPECTED', '系统出了点问题，请稍后再试', xhr.status));
    };
    xhr.send(form);
  });
}
