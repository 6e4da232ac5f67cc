import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NewId, WriteBatch } from '../database/write-batch';
import { ErrorCode } from '../common/error-codes';
import { Photo } from './photo.entity';
import { attachStepMedia } from './step-media';

export type NewPhoto = Pick<Photo, 'uploaderPersonId' | 'storageKey' | 'mimeType' | 'bytes' | 'sha256' | 'createdAt'>;

/** Reads and writes of photo rows (the bytes are in PhotoStorage). */
@Injectable()
export class PhotoRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(photo: NewPhoto): Promise<Photo> {
    const inserted = await this.dataSource.getRepository(Photo).insert({ ...photo, requestId: null, requestEventId: null });
    return { ...photo, id: Number(inserted.identifiers[0]?.id), requestId: null, requestEventId: null };
  }

  findById(id: number): Promise<Photo | null> {
    return this.dataSource.getRepository(Photo).findOneBy({ id });
  }
}

/** The caller's own, still unattached photos go with a request's step (attachStepMedia). */
export function attachPhotos(
  batch: WriteBatch,
  uploaderPersonId: number,
  photoIds: readonly number[],
  requestId: number | NewId,
  requestEventId: number | NewId,
): void {
  attachStepMedia(batch, 'photo', { code: ErrorCode.PhotoNotUsable, field: 'photoIds' }, uploaderPersonId, photoIds, requestId, requestEventId);
}
