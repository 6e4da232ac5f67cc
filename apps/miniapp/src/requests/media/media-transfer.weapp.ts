/**
 * Uploads and downloads of media (photos, voice notes) in WeChat (weapp). The browser build uses
 * ./media-transfer.ts; both export the same functions.
 * - uploading: wx.uploadFile (multipart, part `file`, text `formData`) with its progress events;
 * - showing or playing: wx.downloadFile with the access token, then the temporary file.
 */
import Taro from '@tarojs/taro';
import { ApiError } from '../../api/errors';
import { absoluteUrl, authHeader, cacheKey, errorFromBody, withFreshToken } from './media-auth';
import type { LocalFile } from './media-types';

function post(apiPath: string, file: LocalFile, fields: Record<string, string>, onProgress: (percent: number) => void, failText: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: absoluteUrl(apiPath),
      filePath: file.path,
      name: 'file',
      formData: fields,
      header: authHeader(),
      timeout: 60_000,
      success: (result) => resolve({ status: result.statusCode, text: String(result.data ?? '') }),
      fail: () => reject(new ApiError('NETWORK', failText, 0)),
    });
    task.onProgressUpdate?.((progress) => onProgress(progress.progress));
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
  const answer = await withFreshToken(() => post(apiPath, file, fields, onProgress, failText));
  if (answer.status !== 201 && answer.status !== 200) throw errorFromBody(answer.status, answer.text);
  return JSON.parse(answer.text) as T;
}

const downloaded = new Map<string, Promise<string>>();

/** A temporary file path for an API media URL (a photo to show, a voice note to play), downloaded once per app run. */
export function mediaPath(url: string): Promise<string> {
  // Per signed-in person: whoever signs in next on this phone is asked for by the API afresh.
  const key = cacheKey(url);
  let path = downloaded.get(key);
  if (!path) {
    path = (async () => {
      const download = () =>
        new Promise<{ status: number; text: string; tempFilePath: string }>((resolve, reject) => {
          Taro.downloadFile({
            url: absoluteUrl(url),
            header: authHeader(),
            success: (result) => resolve({ status: result.statusCode, text: '', tempFilePath: result.tempFilePath }),
            fail: () => reject(new ApiError('NETWORK', '网络连接不上，没有加载出来', 0)),
          });
        });
      // The error body lands in the temporary file: any 401 may be an expired token, renew once.
      const answer = await withFreshToken(download, (result) => result.status === 401);
      // A refused download's body is in the temporary file, not in memory: no message to show.
      if (answer.status !== 200) throw new ApiError('UNEXPECTED', '加载不出来，请稍后再试', answer.status);
      return answer.tempFilePath;
    })();
    path.catch(() => downloaded.delete(key));
    downloaded.set(key, path);
  }
  return path;
}
