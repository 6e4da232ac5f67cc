import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { Photo } from './photo.entity';

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

/**
 * Ties the caller's own, still unattached photos to a request and the timeline step they came
 * with, in the caller's transaction. One conditional UPDATE: if any id is someone else's, already
 * used or unknown, fewer rows change, and the throw rolls the whole step back (nothing half-saved).
 */
export async function attachPhotos(manager: EntityManager, uploaderPersonId: number, photoIds: readonly number[], requestId: number, requestEventId: number): Promise<void> {
  const ids = [...new Set(photoIds)];
  if (ids.length === 0) return;
  const result = await manager
    .createQueryBuilder()
    .update(Photo)
    .set({ requestId, requestEventId })
    .where('id IN (:...ids) AND uploaderPersonId = :uploaderPersonId AND requestId IS NULL', { ids, uploaderPersonId })
    .execute();
  if (result.affected !== ids.length) throw new AppError(ErrorCode.PhotoNotUsable, 'photoIds');
}
