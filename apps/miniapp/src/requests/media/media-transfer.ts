/**
 * Uploads and downloads of media (photos, voice notes) in the browser (h5). The weapp build uses
 * ./media-transfer.weapp.ts instead (Taro picks `<name>.weapp.ts`); both export the same functions.
 * - uploading: multipart FormData with XMLHttpRequest, for its upload progress events (fetch has none);
 * - showing or playing: the API serves media only with the access token, which an <img> or
 *   <audio> cannot send, so it is fetched and used from a blob: URL.
 */
import { ApiError } from '../../api/errors';
import { absoluteUrl, authHeader, cacheKey, errorFromBody, withFreshToken } from './media-auth';
import type { LocalFile } from './media-types';

function post(apiPath: string, blob: Blob, name: string, fields: Record<string, string>, onProgress: (percent: number) => void, failText: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', absoluteUrl(apiPath));
    const header = authHeader();
    for (const key of Object.keys(header)) xhr.setRequestHeader(key, header[key] as string);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError('NETWORK', failText, 0));
    xhr.ontimeout = xhr.onerror;
    xhr.timeout = 60_000;
    const form = new FormData();
    // The API reads text fields before the file: they go first.
    for (const key of Object.keys(fields)) form.append(key, fields[key] as string);
    form.append('file', blob, name);
    xhr.send(form);
  });
}

/** POSTs `file` (part `file`, with text `fields`) to the API; the JSON it answered, or its error. */
export async function uploadMedia<T>(
  apiPath: string,
  file: LocalFile,
  fields: Record<string, string>,
  onProgress: (percent: number) => void,
  failText: string,
): Promise<T> {
  const blob = file.blob ?? (await (await fetch(file.path)).blob());
  const answer = await withFreshToken(() => post(apiPath, blob, file.name, fields, onProgress, failText));
  if (answer.status !== 201 && answer.status !== 200) throw errorFromBody(answer.status, answer.text);
  return JSON.parse(answer.text) as T;
}

const fetched = new Map<string, Promise<string>>();

/** A blob: URL for an API media URL (a photo to show, a voice note to play), fetched once per page load. */
export function mediaPath(url: string): Promise<string> {
  // Per signed-in person: whoever signs in next on this phone is asked for by the API afresh.
  const key = cacheKey(url);
  let path = fetched.get(key);
  if (!path) {
    path = (async () => {
      const fetchOnce = async () => {
        const response = await fetch(absoluteUrl(url), { headers: authHeader() });
        return { status: response.status, text: response.ok ? '' : await response.text(), response };
      };
      const answer = await withFreshToken(fetchOnce);
      if (!answer.response.ok) throw errorFromBody(answer.status, answer.text);
      return URL.createObjectURL(await answer.response.blob());
    })();
    path.catch(() => fetched.delete(key));
    fetched.set(key, path);
  }
  return path;
}
