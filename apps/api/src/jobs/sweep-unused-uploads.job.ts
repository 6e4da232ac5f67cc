import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Photo } from '../photos/photo.entity';
import { PHOTO_STORAGE, previewKey, type PhotoStorage } from '../photos/photo-storage';
import { VoiceNote } from '../voice-notes/voice-note.entity';
import type { ScheduledJob } from './scheduled-job';

const BATCH = 100;
const DAY_MS = 24 * 3600_000;

/**
 * Removes photos and voice notes never sent with a matter once UPLOAD_KEEP_DAYS have passed, row
 * and bytes (why: UnattachedUploads). Up to a batch of each kind a run. Several instances: each
 * row is deleted only while still unattached, by id, so one instance's delete takes it and only
 * that one removes its bytes; a submit attaching it at the same moment wins, and it stays.
 */
@Injectable()
export class SweepUnusedUploadsJob implements ScheduledJob<number> {
  private readonly logger = new Logger(SweepUnusedUploadsJob.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How many uploads went. */
  async run(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.photos.unattachedKeepDays * DAY_MS);
    let removed = 0;
    for (const entity of [Photo, VoiceNote]) {
      const repository = this.dataSource.getRepository<Photo | VoiceNote>(entity);
      const stale = await repository.find({
        select: { id: true, storageKey: true },
        where: { requestId: IsNull(), createdAt: LessThan(cutoff) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const upload of stale) {
        // Only while still unattached: a submit attaching it at this moment wins, and it stays.
        const deleted = await repository.delete({ id: upload.id, requestId: IsNull() });
        if (!deleted.affected) continue;
        removed++;
        // The row is gone first: bytes left by a failed delete are unreachable, never a row without bytes.
        // A photo's preview, if anyone looked at it, goes too.
        for (const key of entity === Photo ? [upload.storageKey, previewKey(upload.storageKey)] : [upload.storageKey]) {
          await this.storage.delete(key).catch((error: unknown) => this.logger.warn(`upload ${key} not deleted: ${String(error)}`));
        }
      }
    }
    return removed;
  }
}
