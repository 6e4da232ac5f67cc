import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { PhotoDto, photoPreviewUrl, photoUrl } from './dtos/photo.dto';
import { PHOTO_TYPES, sniffImage } from './image-sniff';
import { withoutMetadata } from './photo-metadata';
import { previewOf } from './photo-preview';
import {
  newPhotoKey,
  PHOTO_STORAGE,
  previewKey,
  readStored,
  storeThenRecord,
  type PhotoStorage,
  type StoredContent,
  type UploadedBytes,
} from './photo-storage';
import { PhotoRepository } from './photo.repository';
import { StepMediaAccess } from './step-media-access';
import { UnattachedUploads } from './unattached-uploads';

/**
 * Photos of requests: uploaded first (checked by their content), then attached by id to a step
 * (attachPhotos, in the step's transaction). Served only to those who may see them.
 */
@Injectable()
export class PhotosService {
  private readonly logger = new Logger('Photos');

  constructor(
    private readonly photos: PhotoRepository,
    private readonly access: StepMediaAccess,
    private readonly pending: UnattachedUploads,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  /**
   * Keeps a photo for the caller: JPEG, PNG or WebP by its bytes (whatever its name or declared
   * type), without its metadata (withoutMetadata: no location, time or phone model), the file
   * written before the row, and removed again if the row cannot be written.
   */
  async upload(actor: Actor, file: UploadedBytes | undefined, now: Date): Promise<PhotoDto> {
    if (!file || file.size === 0) throw new AppError(ErrorCode.ValidationFailed, 'file', '请在 file 字段上传一张照片');
    const image = sniffImage(file.buffer);
    if (!image) throw new AppError(ErrorCode.PhotoNotImage, 'file');
    await this.pending.assertRoomFor(actor.personId);
    const kept = await withoutMetadata(file.buffer, image);
    const key = newPhotoKey(now, PHOTO_TYPES[image.mimeType]);
    const row = await storeThenRecord(
      this.storage,
      key,
      kept.bytes,
      (sha256) =>
        this.photos.insert({ uploaderPersonId: actor.personId, storageKey: key, mimeType: image.mimeType, bytes: kept.bytes.length, sha256, createdAt: now }),
      this.logger,
    );
    return {
      id: row.id,
      mimeType: row.mimeType,
      bytes: row.bytes,
      width: kept.width,
      height: kept.height,
      url: photoUrl(row.id),
      previewUrl: photoPreviewUrl(row.id),
    };
  }

  /** The bytes, for those StepMediaAccess lets see it (everyone else: NOT_FOUND). */
  async content(actor: Actor, photoId: number): Promise<StoredContent> {
    const photo = await this.access.seenBy(actor, await this.photos.findById(photoId), 'photoId');
    return { mimeType: photo.mimeType, bytes: photo.bytes, stream: await readStored(this.storage, photo.storageKey, 'photoId', this.logger) };
  }

  /**
   * A smaller copy (previewOf: at most 640 px, JPEG) for lists and timelines, to the same people.
   * Made on the first look and kept beside the photo (`preview/<key>`); a photo already that small,
   * or one the decoder cannot read, is its own preview.
   */
  async preview(actor: Actor, photoId: number): Promise<StoredContent> {
    const photo = await this.access.seenBy(actor, await this.photos.findById(photoId), 'photoId');
    const key = previewKey(photo.storageKey);
    const kept = await this.storage.get(key);
    if (kept) return inMemory('image/jpeg', await buffer(kept));
    const original = await buffer(await readStored(this.storage, photo.storageKey, 'photoId', this.logger));
    const made = await previewOf(original).catch((error: unknown) => {
      this.logger.warn({ photoId, reason: String(error) }, 'no preview made; the photo is served instead');
      return null;
    });
    if (!made) return inMemory(photo.mimeType, original);
    // Two first looks at once both make it; the second write finds the key taken, which is fine.
    await this.storage.put(key, made).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') this.logger.warn({ key, reason: String(error) }, 'preview not kept');
    });
    return inMemory('image/jpeg', made);
  }
}

function inMemory(mimeType: string, bytes: Buffer): StoredContent {
  return { mimeType, bytes: bytes.length, stream: Readable.from([bytes]) };
}
