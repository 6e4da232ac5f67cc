import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Photos and voice notes uploaded for a matter that was never sent (a draft thrown away, an app
 * closed) would fill the disk: no one may keep too many waiting, and after UPLOAD_KEEP_DAYS they
 * are removed, row and bytes (SweepUnusedUploadsJob). A draft kept longer gets PHOTO_NOT_USABLE /
 * VOICE_NOTE_NOT_USABLE and asks for the upload again.
 */
@Injectable()
export class UnattachedUploads {
  constructor(
    private readonly dataSource: DataSource,
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
}
