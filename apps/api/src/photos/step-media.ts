import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../grid/person.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestEntity } from '../requests/request.entity';

/**
 * What a photo and a voice note have alike (each its own table): an upload whose bytes live in the
 * media storage under `storageKey`, whose uploader alone may see it until it is attached, once, to
 * a request and the timeline step it came with (StepMediaAccess decides who sees it then).
 */
export abstract class StepMediaColumns {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  uploaderPersonId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaderPersonId' })
  uploader?: Person;

  /** Where the bytes are in the media storage (local disk by default). */
  @Column({ type: 'varchar', length: 128 })
  storageKey: string;

  /** From the content, never from the file's name or the client's Content-Type. */
  @Column({ type: 'varchar', length: 16 })
  mimeType: string;

  @Column({ type: 'int' })
  bytes: number;

  /** Hex SHA-256 of the bytes, for integrity checks and finding duplicates later. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'int', nullable: true })
  requestId: number | null;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requestId' })
  request?: RequestEntity;

  /** The timeline step it came with: the submission, a follow-up, a result. */
  @Column({ type: 'int', nullable: true })
  requestEventId: number | null;

  @ManyToOne(() => RequestEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requestEventId' })
  requestEvent?: RequestEvent;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
