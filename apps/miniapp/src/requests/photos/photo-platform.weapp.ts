/**
 * Photos in WeChat (weapp). The browser build uses ./photo-platform.ts; both export the same functions.
 * - choosing: wx.chooseMedia, compressed by WeChat (the API takes at most 5 MB);
 * - uploading and showing: ../media/media-transfer.weapp (wx.uploadFile with progress; wx.downloadFile).
 */
import Taro from '@tarojs/taro';
import { mediaPath, uploadMedia } from '../media/media-transfer';
import type { PickedPhoto, UploadedPhoto } from './photo-types';

export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return result.tempFiles.map((file) => ({ path: file.tempFilePath }));
}

export async function uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  const body = await uploadMedia<UploadedPhoto>('/api/photos', { path: photo.path, name: 'photo.jpg' }, {}, onProgress, '网络连接不上，照片没有传上去');
  return { id: body.id, url: body.url, previewUrl: body.previewUrl };
}

/** A temporary file path an <Image> can show for a photo URL of the API. */
export const photoPath = mediaPath;
