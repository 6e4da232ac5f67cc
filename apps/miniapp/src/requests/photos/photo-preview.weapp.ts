import Taro from '@tarojs/taro';

/** Opens photos full size (WeChat's own viewer; nothing to defer in the mini-program). */
export async function previewPhotos(current: string, urls: string[]): Promise<void> {
  await Taro.previewImage({ current, urls });
}
