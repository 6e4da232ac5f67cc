import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PhotosModule } from '../photos/photos.module';
import { VoiceNoteRepository } from './voice-note.repository';
import { VoiceNotesController } from './voice-notes.controller';
import { VoiceNotesService } from './voice-notes.service';

@Module({
  imports: [
    PhotosModule,
    // In memory (≤ VOICE_MAX_BYTES) so the content is checked before anything is stored; one
    // file and one text field (durationMs).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.photos.voiceMaxBytes, files: 1, fields: 1, parts: 2 } }),
    }),
  ],
  controllers: [VoiceNotesController],
  providers: [VoiceNotesService, VoiceNoteRepository],
})
export class VoiceNotesModule {}
