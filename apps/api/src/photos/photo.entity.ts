import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../grid/person.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestEntity } from '../requests/request.entity';

/**
 * A photo as uploaded: its bytes live in the photo storage under `storageKey`; the row says whose
 * it is and, once attached, which request and which timeline step it belongs to. Unattached, only
 * its uploader may see it; attached, whoever may see the request. It is attached once, never moved.
 */
@Entity('photo')
@Index('IDX_photo_uploader', ['uploaderPersonId', 'requestId'])
@Index('IDX_photo_request_event', ['requestEventId'])
export class Photo {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  uploaderPersonId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaderPersonId' })
  uploader?: Person;

  /** Where the bytes are in the photo storage (local disk by default). */
  @Index('UQ_photo_storage_key', { unique: true })
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
