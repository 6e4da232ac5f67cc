import { Column, Entity, Index } from 'typeorm';
import { StepMediaColumns } from '../photos/step-media';

/**
 * A voice note (语音留言) recorded instead of typing. Like a photo (StepMediaColumns) it is
 * uploaded first, heard only by its uploader, then attached once to the submission it came with
 * and from then on heard by whoever may see the request.
 */
@Entity('voice_note')
@Index('IDX_voice_note_uploader', ['uploaderPersonId', 'requestId'])
@Index('IDX_voice_note_request', ['requestId'])
@Index('UQ_voice_note_storage_key', ['storageKey'], { unique: true })
export class VoiceNote extends StepMediaColumns {
  /** As the recorder measured it (WeChat's RecorderManager, the browser's clock); 1–60 s. */
  @Column({ type: 'int' })
  durationMs: number;
}
