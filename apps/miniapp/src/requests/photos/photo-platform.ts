/**
 * Photos in the browser (h5). The weapp build uses ./photo-platform.weapp.ts instead (Taro picks
 * `<name>.weapp.ts`); both export the same functions.
 * - choosing: Taro.chooseImage, which in h5 opens the browser's file picker (<input type=file>)
 *   and hands back the File objects;
 * - uploading and showing: ../media/media-transfer (XMLHttpRequest with progress; blob: URLs).
 */
import Taro from '@tarojs/taro';
import { mediaPath, uploadMedia } from '../media/media-transfer';
import type { PickedPhoto, UploadedPhoto } from './photo-types';

export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return result.tempFiles.map((file) => ({ path: file.path, file: (file as { originalFileObj?: File }).originalFileObj }));
}

export async function uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  const body = await uploadMedia<UploadedPhoto>(
    '/api/photos',
    { path: photo.path, blob: photo.file, name: photo.file?.name ?? 'photo.jpg' },
    {},
    onProgress,
    '网络连接不上，照片没有传上去',
  );
  return { id: body.id, url: body.url, previewUrl: body.previewUrl };
}

/** A path an <Image> can show for a photo URL of the API. */
export const photoPath = mediaPath;
