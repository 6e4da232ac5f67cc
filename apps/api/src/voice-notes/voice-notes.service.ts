import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { newPhotoKey, PHOTO_STORAGE, readStored, storeThenRecord, type PhotoStorage, type StoredContent, type UploadedBytes } from '../photos/photo-storage';
import { StepMediaAccess } from '../photos/step-media-access';
import { UnattachedUploads } from '../photos/unattached-uploads';
import { sniffAudio, VOICE_TYPES } from './audio-sniff';
import { VoiceNoteDto, voiceNoteUrl } from './dtos/voice-note.dto';
import { VoiceNoteRepository } from './voice-note.repository';

/**
 * Voice notes (语音留言): recorded instead of typing, uploaded first (checked by their content),
 * then attached by id to a submission (attachVoiceNote, in its transaction). Heard only by those
 * who may see the request, as its photos are seen.
 */
@Injectable()
export class VoiceNotesService {
  private readonly logger = new Logger('VoiceNotes');

  constructor(
    private readonly notes: VoiceNoteRepository,
    private readonly access: StepMediaAccess,
    private readonly pending: UnattachedUploads,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  async upload(actor: Actor, file: UploadedBytes | undefined, durationMs: number, now: Date): Promise<VoiceNoteDto> {
    if (!file || file.size === 0) throw new AppError(ErrorCode.ValidationFailed, 'file', '请在 file 字段上传一段录音');
    const mimeType = sniffAudio(file.buffer);
    if (!mimeType) throw new AppError(ErrorCode.VoiceNoteNotAudio, 'file');
    await this.pending.assertRoomFor(actor.personId);
    // In their own folder of the media storage, beside the photos' months.
    const key = `voice/${newPhotoKey(now, VOICE_TYPES[mimeType])}`;
    const row = await storeThenRecord(
      this.storage,
      key,
      file.buffer,
      (sha256) =>
        this.notes.insert({ uploaderPersonId: actor.personId, storageKey: key, mimeType, bytes: file.buffer.length, durationMs, sha256, createdAt: now }),
      this.logger,
    );
    return { id: row.id, mimeType: row.mimeType, bytes: row.bytes, durationMs: row.durationMs, url: voiceNoteUrl(row.id) };
  }

  /** The sound, for those StepMediaAccess lets hear it; NOT_FOUND for everyone else, so ids cannot be probed. */
  async content(actor: Actor, voiceNoteId: number): Promise<StoredContent> {
    const note = await this.access.seenBy(actor, await this.notes.findById(voiceNoteId), 'voiceNoteId');
    return { mimeType: note.mimeType, bytes: note.bytes, stream: await readStored(this.storage, note.storageKey, 'voiceNoteId', this.logger) };
  }
}
