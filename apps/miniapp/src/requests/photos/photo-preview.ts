/**
 * Opens photos full size (H5). Taro's H5 previewImage brings the swiper library with it (about
 * 60 KB compressed): loaded when a photo is first tapped, not with every page that shows one
 * (我要反映's first screen on a weak network; docs/miniapp.md, "Weak networks").
 */
export async function previewPhotos(current: string, urls: string[]): Promise<void> {
  const { openPreview } = await import('./photo-preview-open');
  openPreview(current, urls);
}
