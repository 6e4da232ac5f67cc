import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { VoiceNote } from './voice-note.entity';

export type NewVoiceNote = Pick<VoiceNote, 'uploaderPersonId' | 'storageKey' | 'mimeType' | 'bytes' | 'durationMs' | 'sha256' | 'createdAt'>;

/** Reads and writes of voice-note rows (the bytes are in the media storage). */
@Injectable()
export class VoiceNoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(note: NewVoiceNote): Promise<VoiceNote> {
    const inserted = await this.dataSource.getRepository(VoiceNote).insert({ ...note, requestId: null, requestEventId: null });
    return { ...note, id: Number(inserted.identifiers[0]?.id), requestId: null, requestEventId: null };
  }

  findById(id: number): Promise<VoiceNote | null> {
    return this.dataSource.getRepository(VoiceNote).findOneBy({ id });
  }
}

/** A voice note its uploader may still use: theirs, and not attached to any matter yet. */
const usableBy = (voiceNoteId: number, uploaderPersonId: number) => ({ id: voiceNoteId, uploaderPersonId, requestId: IsNull() });

/** Whether the note can go with a new matter of this person (a read; attachVoiceNote decides). */
export async function voiceNoteUsable(dataSource: DataSource, voiceNoteId: number, uploaderPersonId: number): Promise<boolean> {
  return (await dataSource.getRepository(VoiceNote).countBy(usableBy(voiceNoteId, uploaderPersonId))) === 1;
}

/**
 * Ties the caller's own, still unattached voice note to a request and its step, in the caller's
 * transaction: one conditional UPDATE; if it changes no row (someone else's, already used, unknown)
 * the throw rolls the whole step back.
 */
export async function attachVoiceNote(manager: EntityManager, uploaderPersonId: number, voiceNoteId: number | undefined, requestId: number, requestEventId: number): Promise<void> {
  if (voiceNoteId === undefined) return;
  const result = await manager
    .createQueryBuilder()
    .update(VoiceNote)
    .set({ requestId, requestEventId })
    .where(usableBy(voiceNoteId, uploaderPersonId))
    .execute();
  if (result.affected !== 1) throw new AppError(ErrorCode.VoiceNoteNotUsable, 'voiceNoteId');
}
