import sharp from 'sharp';
import { PHOTO_MAX_PIXELS } from './photo-metadata';

/** The long edge of a preview: sharp enough for a phone's row of thumbnails, far fewer bytes than a camera's photo. */
export const PREVIEW_EDGE = 640;

/**
 * A smaller copy for lists and timelines on weak networks: at most PREVIEW_EDGE on its long edge,
 * JPEG (transparency on white). Null when the photo is already that small: it is its own preview.
 */
export async function previewOf(bytes: Buffer): Promise<Buffer | null> {
  const meta = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS }).metadata();
  if ((meta.width ?? 0) <= PREVIEW_EDGE && (meta.height ?? 0) <= PREVIEW_EDGE) return null;
  return sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS })
    .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 75 })
    .toBuffer();
}
