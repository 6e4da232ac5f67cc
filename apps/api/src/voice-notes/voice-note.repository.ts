import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { NewId, WriteBatch } from '../database/write-batch';
import { attachStepMedia } from '../photos/step-media';
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

/** The caller's own, still unattached voice note goes with a new matter's first step (attachStepMedia). */
export function attachVoiceNote(
  batch: WriteBatch,
  uploaderPersonId: number,
  voiceNoteId: number | undefined,
  requestId: number | NewId,
  requestEventId: number | NewId,
): void {
  if (voiceNoteId === undefined) return;
  attachStepMedia(
    batch,
    'voice_note',
    { code: ErrorCode.VoiceNoteNotUsable, field: 'voiceNoteId' },
    uploaderPersonId,
    [voiceNoteId],
    requestId,
    requestEventId,
  );
}
