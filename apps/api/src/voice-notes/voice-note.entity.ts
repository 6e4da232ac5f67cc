import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../grid/person.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestEntity } from '../requests/request.entity';

/**
 * A voice note (语音留言) recorded instead of typing: its bytes live in the media storage under
 * `storageKey`. Like a photo it is uploaded first, seen only by its uploader, then attached once to
 * the step it came with (a submission) and from then on heard by whoever may see the request.
 */
@Entity('voice_note')
@Index('IDX_voice_note_uploader', ['uploaderPersonId', 'requestId'])
@Index('IDX_voice_note_request', ['requestId'])
export class VoiceNote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  uploaderPersonId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaderPersonId' })
  uploader?: Person;

  @Index('UQ_voice_note_storage_key', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  storageKey: string;

  /** From the content, never from the file's name or the client's Content-Type. */
  @Column({ type: 'varchar', length: 16 })
  mimeType: string;

  @Column({ type: 'int' })
  bytes: number;

  /** As the recorder measured it (WeChat's RecorderManager, the browser's clock); 1–60 s. */
  @Column({ type: 'int' })
  durationMs: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'int', nullable: true })
  requestId: number | null;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requestId' })
  request?: RequestEntity;

  @Column({ type: 'int', nullable: true })
  requestEventId: number | null;

  @ManyToOne(() => RequestEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requestEventId' })
  requestEvent?: RequestEvent;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
