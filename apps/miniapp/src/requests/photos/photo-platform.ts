/**
 * Photos in the browser (h5). The weapp build uses ./photo-platform.weapp.ts instead (Taro picks
 * `<name>.weapp.ts`); both export the same functions.
 * - choosing: Taro.chooseImage, which in h5 opens the browser's file picker (<input type=file>)
 *   and hands back the File objects;
 * - uploading: multipart FormData with XMLHttpRequest, for its upload progress events (fetch has
 *   none);
 * - showing: photos are only served with the access token, which an <img> cannot send, so they
 *   are fetched and shown from a blob: URL.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '../../api/errors'
import { absoluteUrl, authHeader, errorFromBody, withFreshToken } from './photo-auth'
import type { PickedPhoto, UploadedPhoto } from './photo-types'

export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return result.tempFiles.map((file) => ({ path: file.path, file: (file as { originalFileObj?: File }).originalFileObj }))
}

function post(photo: PickedPhoto, blob: Blob, onProgress: (percent: number) => void): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', absoluteUrl('/api/photos'))
    const header = authHeader()
    for (const key of Object.keys(header)) xhr.setRequestHeader(key, header[key] as string)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText })
    xhr.onerror = () => reject(new ApiError('NETWORK', '网络连接不上，照片没有传上去', 0))
    xhr.ontimeout = xhr.onerror
    xhr.timeout = 60_000
    const form = new FormData()
    form.append('file', blob, photo.file?.name ?? 'photo.jpg')
    xhr.send(form)
  })
}

export async function uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  const blob = photo.file ?? (await (await fetch(photo.path)).blob())
  const answer = await withFreshToken(() => post(photo, blob, onProgress))
  if (answer.status !== 201 && answer.status !== 200) throw errorFromBody(answer.status, answer.text)
  const body = JSON.parse(answer.text) as { id: number; url: string }
  return { id: body.id, url: body.url }
}

const shown = new Map<string, Promise<string>>()

/** A path an <Image> can show for a photo URL of the API (a blob: URL), fetched once per page load. */
export function photoPath(url: string): Promise<string> {
  let path = shown.get(url)
  if (!path) {
    path = (async () => {
      const fetchOnce = async () => {
        const response = await fetch(absoluteUrl(url), { headers: authHeader() })
        return { status: response.status, text: response.ok ? '' : await response.text(), response }
      }
      const answer = await withFreshToken(fetchOnce)
      if (!answer.response.ok) throw errorFromBody(answer.status, answer.text)
      return URL.createObjectURL(await answer.response.blob())
    })()
    path.catch(() => shown.delete(url))
    shown.set(url, path)
  }
  return path
}
