import { ApiProperty } from '@nestjs/swagger';
import { VOICE_NOTE_MAX_MS, VOICE_NOTE_MIN_MS } from '@gridloop/domain';
import { IsInt, Max, Min } from 'class-validator';
import { IntFromText } from '../../common/int-from-text';
import { VOICE_TYPES } from '../audio-sniff';

/** The text part of the upload (multipart fields arrive as strings). */
export class UploadVoiceNoteDto {
  @ApiProperty({ minimum: VOICE_NOTE_MIN_MS, maximum: VOICE_NOTE_MAX_MS, description: 'Length as the recorder measured it, in milliseconds' })
  @Max(VOICE_NOTE_MAX_MS)
  @Min(VOICE_NOTE_MIN_MS)
  @IsInt()
  @IntFromText()
  durationMs: number;
}

export class VoiceNoteDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: Object.keys(VOICE_TYPES), description: 'Read from the content, not from the file name' })
  mimeType: string;

  @ApiProperty({ description: 'Size in bytes' })
  bytes: number;

  @ApiProperty()
  durationMs: number;

  @ApiProperty({ example: '/api/voice-notes/3', description: 'Where to fetch it (with the same sign-in)' })
  url: string;
}

/** A voice note as a request shows it. */
export class VoiceNoteRefDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  durationMs: number;

  @ApiProperty({ example: '/api/voice-notes/3' })
  url: string;
}

export const voiceNoteUrl = (id: number): string => `/api/voice-notes/${id}`;
