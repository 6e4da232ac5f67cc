import { Body, Controller, Get, HttpCode, Inject, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { VOICE_NOTE_MAX_MS, VOICE_NOTE_MIN_MS } from '@gridloop/domain';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth-decorators';
import { CLOCK, type Clock } from '../common/clock';
import { ErrorCode } from '../common/error-codes';
import { mediaFile, MediaAnswer } from '../common/media-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { megabytes, UploadErrors } from '../common/upload-errors';
import type { UploadedBytes } from '../photos/photo-storage';
import { VOICE_TYPES } from './audio-sniff';
import { UploadVoiceNoteDto, VoiceNoteDto } from './dtos/voice-note.dto';
import { VoiceNotesService } from './voice-notes.service';

const AUDIO_TYPES = Object.keys(VOICE_TYPES);
const VOICE_UPLOAD_ERRORS = UploadErrors(
  ErrorCode.VoiceNoteTooLarge,
  '请在 file 字段上传一段录音，在 durationMs 字段写上时长',
  (config) => `录音太大了，不能超过 ${megabytes(config.photos.voiceMaxBytes)}，请录短一点（不超过 60 秒）`,
);

/** Voice notes of requests (docs/voice-notes.md). */
@ApiTags('voice-notes')
@ApiBearerAuth()
@Controller('voice-notes')
export class VoiceNotesController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notes: VoiceNotesService,
  ) {}

  @Post()
  @HttpCode(201)
  // Limits (size, one file, one field) come from VoiceNotesModule's MulterModule options.
  @UseInterceptors(VOICE_UPLOAD_ERRORS, FileInterceptor('file'))
  @ApiOperation({
    operationId: 'uploadVoiceNote',
    summary: 'Upload one voice note (MP3, AAC, M4A, WebM, Ogg or WAV by content; 1–60 s; ≤ VOICE_MAX_BYTES, 2 MB by default); attach it by id to a submission',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'durationMs'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The recording' },
        durationMs: { type: 'integer', minimum: VOICE_NOTE_MIN_MS, maximum: VOICE_NOTE_MAX_MS, description: 'Its length as the recorder measured it' },
      },
    },
  })
  @ApiCreatedResponse({ type: VoiceNoteDto })
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedBytes | undefined, @Body() body: UploadVoiceNoteDto): Promise<VoiceNoteDto> {
    return this.notes.upload(actor, file, body.durationMs, this.clock.now());
  }

  @Get(':voiceNoteId')
  @ApiOperation({
    operationId: 'getVoiceNote',
    summary: 'The voice note’s sound: for its uploader until attached, then for whoever may see the request; NOT_FOUND for everyone else',
  })
  @MediaAnswer('The sound', AUDIO_TYPES)
  async get(@CurrentActor() actor: Actor, @Param('voiceNoteId', ParseIdPipe) voiceNoteId: number): Promise<StreamableFile> {
    return mediaFile(await this.notes.content(actor, voiceNoteId));
  }
}
