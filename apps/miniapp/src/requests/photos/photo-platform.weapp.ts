/**
 * Photos in WeChat (weapp). The browser build uses ./photo-platform.ts; both export the same functions.
 * - choosing: wx.chooseMedia, compressed by WeChat (the API takes at most 5 MB);
 * - uploading: wx.uploadFile (multipart, part `file`) with its progress events;
 * - showing: wx.downloadFile with the access token, then the temporary file.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '../../api/errors'
import { absoluteUrl, authHeader, errorFromBody, withFreshToken } from './photo-auth'
import type { PickedPhoto, UploadedPhoto } from './photo-types'

export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return result.tempFiles.map((file) => ({ path: file.tempFilePath }))
}

function post(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: absoluteUrl('/api/photos'),
      filePath: photo.path,
      name: 'file',
      header: authHeader(),
      timeout: 60_000,
      success: (result) => resolve({ status: result.statusCode, text: String(result.data ?? '') }),
      fail: () => reject(new ApiError('NETWORK', '网络连接不上，照片没有传上去', 0))
    })
    task.onProgressUpdate?.((progress) => onProgress(progress.progress))
  })
}

export async function uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  const answer = await withFreshToken(() => post(photo, onProgress))
  if (answer.status !== 201 && answer.status !== 200) throw errorFromBody(answer.status, answer.text)
  const body = JSON.parse(answer.text) as { id: number; url: string }
  return { id: body.id, url: body.url }
}

const shown = new Map<string, Promise<string>>()

/** A temporary file path an <Image> can show for a photo URL of the API, downloaded once per app run. */
export function photoPath(url: string): Promise<string> {
  let path = shown.get(url)
  if (!path) {
    path = (async () => {
      const download = () =>
        new Promise<{ status: number; text: string; tempFilePath: string }>((resolve, reject) => {
          Taro.downloadFile({
            url: absoluteUrl(url),
            header: authHeader(),
            success: (result) => resolve({ status: result.statusCode, text: '', tempFilePath: result.tempFilePath }),
            fail: () => reject(new ApiError('NETWORK', '网络连接不上，照片没有加载出来', 0))
          })
        })
      // The error body lands in the temporary file: any 401 may be an expired token, renew once.
      const answer = await withFreshToken(download, (result) => result.status === 401)
      // A refused download's body is in the temporary file, not in memory: no message to show.
      if (answer.status !== 200) throw new ApiError('UNEXPECTED', '照片加载不出来', answer.status)
      return answer.tempFilePath
    })()
    path.catch(() => shown.delete(url))
    shown.set(url, path)
  }
  return path
}
