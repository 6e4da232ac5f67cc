import sharp, { type Sharp } from 'sharp';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import type { PhotoMimeType, SniffedImage } from './image-sniff';

/** More pixels than any phone camera takes (50 MP is the most): refused before anything decodes it, on the server or a phone. */
export const PHOTO_MAX_PIXELS = 64_000_000;

/** A photo as it is kept: its bytes and upright size. */
export interface KeptPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * The photo without what it tells beyond its pixels: EXIF (where it was taken to the metre, when,
 * with which phone), XMP, IPTC and PNG text. Phones write these into nearly every photo, and a
 * villager's photo is often taken at home. A photo that carries any is re-encoded in its own
 * format, turned upright first (its EXIF orientation would go with the EXIF) and keeping its
 * colour profile; one that carries none is kept byte for byte. Bytes sharp cannot read are
 * PHOTO_NOT_IMAGE.
 */
export async function withoutMetadata(bytes: Buffer, image: SniffedImage): Promise<KeptPhoto> {
  if (image.width * image.height > PHOTO_MAX_PIXELS) throw new AppError(ErrorCode.PhotoTooLarge, 'file');
  const read = () => sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' });
  try {
    const meta = await read().metadata();
    const telling = meta.exif || meta.xmp || meta.iptc || (meta.comments?.length ?? 0) > 0 || (meta.orientation ?? 1) !== 1;
    if (!telling) return { bytes, width: image.width, height: image.height };
    const { data, info } = await encode(read().autoOrient().keepIccProfile(), image.mimeType).toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.PhotoNotImage, 'file');
  }
}

function encode(pipeline: Sharp, mimeType: PhotoMimeType): Sharp {
  switch (mimeType) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 90 });
    case 'image/png':
      return pipeline.png();
    case 'image/webp':
      return pipeline.webp({ quality: 90 });
  }
}
