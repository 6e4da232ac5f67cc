import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { VoiceNote } from '../voice-notes/voice-note.entity';
import { Photo } from './photo.entity';
import { PHOTO_STORAGE, previewKey, type PhotoStorage } from './photo-storage';

const BATCH = 100;
const DAY_MS = 24 * 3600_000;

/**
 * Photos and voice notes uploaded for a matter that was never sent (a draft thrown away, an app
 * closed) would fill the disk: after UPLOAD_KEEP_DAYS they are removed, row and bytes (the clocks'
 * sweep calls this). A draft kept longer gets PHOTO_NOT_USABLE / VOICE_NOTE_NOT_USABLE and asks for
 * the upload again.
 */
@Injectable()
export class UnattachedUploads {
  private readonly logger = new Logger(UnattachedUploads.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Refuses a new upload (UPLOADS_PENDING, 429) while the person has UPLOAD_PENDING_MAX photos and
   * voice notes waiting, not sent with any matter: a matter carries at most 9 photos and one voice
   * note, so only a stuck app or a script gets there, and the disk is not theirs to fill. The
   * sweep frees room after the keep. Counted before the upload, so two at once may pass by one.
   */
  async assertRoomFor(personId: number): Promise<void> {
    const [row]: { n: number | string }[] = await this.dataSource.query(
      'SELECT (SELECT COUNT(*) FROM photo WHERE uploaderPersonId = ? AND requestId IS NULL) + (SELECT COUNT(*) FROM voice_note WHERE uploaderPersonId = ? AND requestId IS NULL) AS n',
      [personId, personId],
    );
    if (Number(row?.n ?? 0) >= this.config.photos.unattachedMax) throw new AppError(ErrorCode.UploadsPending, 'file');
  }

  /** Removes up to a batch of each kind older than the keep; returns how many went. */
  async sweep(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.photos.unattachedKeepDays * DAY_MS);
    let removed = 0;
    for (const entity of [Photo, VoiceNote]) {
      const repository = this.dataSource.getRepository<Photo | VoiceNote>(entity);
      const stale = await repository.find({ select: { id: true, storageKey: true }, where: { requestId: IsNull(), createdAt: LessThan(cutoff) }, order: { id: 'ASC' }, take: BATCH });
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
