import { Controller, Get, HttpCode, Param, Post, StreamableFile, UploadedFile, UseInterceptors, Inject } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { ErrorCode } from '../common/error-codes';
import { mediaFile, MediaAnswer } from '../common/media-answer';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { megabytes, UploadErrors } from '../common/upload-errors';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth-decorators';
import { PhotoDto } from './dtos/photo.dto';
import { PHOTO_TYPES } from './image-sniff';
import type { UploadedBytes } from './photo-storage';
import { PhotosService } from './photos.service';

const IMAGE_TYPES = Object.keys(PHOTO_TYPES);
const PHOTO_UPLOAD_ERRORS = UploadErrors(
  ErrorCode.PhotoTooLarge,
  '请在 file 字段上传一张照片（不带其他字段）',
  (config) => `照片太大了，每张不能超过 ${megabytes(config.photos.maxBytes)}，请压缩后再上传`,
);

/** Photos of requests (docs/requests.md, "Photos and the content check"). */
@ApiTags('photos')
@ApiBearerAuth()
@Controller('photos')
export class PhotosController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly photos: PhotosService,
  ) {}

  @Post()
  @HttpCode(201)
  // Limits (size, one file, no other fields) come from PhotosModule's MulterModule options.
  @UseInterceptors(PHOTO_UPLOAD_ERRORS, FileInterceptor('file'))
  @ApiOperation({
    operationId: 'uploadPhoto',
    summary:
      'Upload one photo (JPEG, PNG or WebP by content; ≤ PHOTO_MAX_BYTES, 5 MB by default); attach it by id to a submission, patrol report, follow-up or result',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'The photo' } } } })
  @ApiCreatedResponse({ type: PhotoDto })
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedBytes | undefined): Promise<PhotoDto> {
    return this.photos.upload(actor, file, this.clock.now());
  }

  @Get(':photoId/preview')
  @ApiOperation({
    operationId: 'getPhotoPreview',
    summary: 'A smaller copy of the photo (at most 640 px on its long edge, JPEG; a photo already that small as it is), to the same people as getPhoto',
  })
  @MediaAnswer('The image', IMAGE_TYPES)
  async preview(@CurrentActor() actor: Actor, @Param('photoId', ParseIdPipe) photoId: number): Promise<StreamableFile> {
    return mediaFile(await this.photos.preview(actor, photoId));
  }

  @Get(':photoId')
  @ApiOperation({
    operationId: 'getPhoto',
    summary: 'The photo’s bytes: for its uploader until attached, then for whoever may see the request; NOT_FOUND for everyone else',
  })
  @MediaAnswer('The image', IMAGE_TYPES)
  async get(@CurrentActor() actor: Actor, @Param('photoId', ParseIdPipe) photoId: number): Promise<StreamableFile> {
    return mediaFile(await this.photos.content(actor, photoId));
  }
}
