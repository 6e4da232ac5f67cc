import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RequestsModule } from '../requests/requests.module';
import { LocalDiskPhotoStorage, PHOTO_STORAGE } from './photo-storage';
import { PhotoRepository } from './photo.repository';
import { PhotosController } from './photos.controller';
import { PhotosService } from './photos.service';
import { StepMediaAccess } from './step-media-access';
import { UnattachedUploads } from './unattached-uploads';

@Module({
  imports: [
    RequestsModule,
    // Kept in memory (≤ PHOTO_MAX_BYTES) so the content is checked before anything is stored.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.photos.maxBytes, files: 1, fields: 0, parts: 2 } }),
    }),
  ],
  controllers: [PhotosController],
  providers: [
    PhotosService,
    PhotoRepository,
    StepMediaAccess,
    UnattachedUploads,
    // An S3-compatible store would be bound here instead, behind the same interface.
    { provide: PHOTO_STORAGE, useClass: LocalDiskPhotoStorage },
  ],
  // Voice notes keep their bytes in the same storage and are heard by the same rule; a scheduled job (src/jobs) clears unused uploads.
  exports: [PHOTO_STORAGE, StepMediaAccess, UnattachedUploads],
})
export class PhotosModule {}
