import { Inject, Injectable, Logger } from '@nestjs/common';
import { relationsTo } from '@gridloop/domain';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { RequestRepository } from '../requests/request.repository';
import { PhotoDto, photoUrl } from './dtos/photo.dto';
import { PHOTO_TYPES, sniffImage } from './image-sniff';
import { newPhotoKey, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoRepository } from './photo.repository';

/** The upload as multer hands it over (memory storage). */
export interface UploadedPhoto {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface PhotoContent {
  mimeType: string;
  bytes: number;
  stream: Readable;
}

/**
 * Photos of requests: uploaded first (checked by their content), then attached by id to a step
 * (attachPhotos, in the step's transaction). Served only to those who may see them.
 */
@Injectable()
export class PhotosService {
  private readonly logger = new Logger('Photos');

  constructor(
    private readonly photos: PhotoRepository,
    private readonly requests: RequestRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  /**
   * Keeps a photo for the caller: JPEG, PNG or WebP by its bytes (whatever its name or declared
   * type), the file written before the row, and removed again if the row cannot be written.
   */
  async upload(actor: Actor, file: UploadedPhoto | undefined, now: Date): Promise<PhotoDto> {
    if (!file || file.size === 0) throw new AppError(ErrorCode.ValidationFailed, 'file', '请在 file 字段上传一张照片');
    const image = sniffImage(file.buffer);
    if (!image) throw new AppError(ErrorCode.PhotoNotImage, 'file');
    const key = newPhotoKey(now, PHOTO_TYPES[image.mimeType]);
    await this.storage.put(key, file.buffer);
    try {
      const row = await this.photos.insert({
        uploaderPersonId: actor.personId,
        storageKey: key,
        mimeType: image.mimeType,
        bytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        createdAt: now,
      });
      return { id: row.id, mimeType: row.mimeType, bytes: row.bytes, width: image.width, height: image.height, url: photoUrl(row.id) };
    } catch (error) {
      await this.storage.delete(key).catch((e: unknown) => this.logger.error({ key, err: e }, 'could not remove the file of a photo whose row failed'));
      throw error;
    }
  }

  /**
   * The bytes, for the uploader while the photo is unattached, and afterwards for whoever may see
   * the request (RequestRepository.findVisible) and the step it came with. Everyone else is told
   * it does not exist (NOT_FOUND, never FORBIDDEN), so ids cannot be probed.
   */
  async content(actor: Actor, photoId: number): Promise<PhotoContent> {
    const photo = await this.photos.findById(photoId);
    if (!photo || !(await this.maySee(actor, photo.uploaderPersonId, photo.requestId, photo.requestEventId))) throw new AppError(ErrorCode.NotFound, 'photoId');
    const stream = await this.storage.get(photo.storageKey);
    if (!stream) {
      this.logger.error({ photoId, key: photo.storageKey }, 'photo file missing from storage');
      throw new AppError(ErrorCode.NotFound, 'photoId');
    }
    return { mimeType: photo.mimeType, bytes: photo.bytes, stream };
  }

  private async maySee(actor: Actor, uploaderPersonId: number, requestId: number | null, eventId: number | null): Promise<boolean> {
    if (requestId === null) return uploaderPersonId === actor.personId;
    const request = await this.requests.findVisible(requestId, actor.personId, actor.spanFor('request.view'));
    if (!request?.unit) return false;
    if (eventId === null || (await this.photos.eventIsPublic(eventId))) return true;
    // A photo of an internal step: only those handling the case, as the timeline shows it.
    const relations = relationsTo(actor.personId, actor.held, { requesterPersonId: request.requesterPersonId, handlerUnitId: request.handlerUnitId, unitPath: request.unit.path });
    return relations.includes('handler') || relations.includes('supervisor');
  }
}
