import Taro from '@tarojs/taro';

/** Taro's previewImage, in a chunk of its own in H5 (see photo-preview.ts). */
export function openPreview(current: string, urls: string[]): void {
  void Taro.previewImage({ current, urls });
}
