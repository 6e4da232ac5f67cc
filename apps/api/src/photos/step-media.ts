import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppError } from '../common/app-error';
import type { ErrorCode } from '../common/error-codes';
import type { NewId, WriteBatch } from '../database/write-batch';
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

/**
 * Ties the uploader's own, still unattached uploads (`table`: photo or voice_note) to a request and
 * the step they came with, in the step's batch. One conditional UPDATE: if any id is someone
 * else's, already used or unknown, fewer rows change, and the check throws `refusal` (the whole
 * step rolls back: nothing half-saved).
 */
export function attachStepMedia(
  batch: WriteBatch,
  table: 'photo' | 'voice_note',
  refusal: { code: ErrorCode; field: string },
  uploaderPersonId: number,
  ids: readonly number[],
  requestId: number | NewId,
  requestEventId: number | NewId,
): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  batch.execute(
    `UPDATE ${table} SET requestId = ?, requestEventId = ? WHERE id IN (${unique.map(() => '?').join(', ')}) AND uploaderPersonId = ? AND requestId IS NULL`,
    [requestId, requestEventId, ...unique, uploaderPersonId],
    (changed) => {
      if (changed !== unique.length) throw new AppError(refusal.code, refusal.field);
    },
  );
}
