import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, Min } from 'class-validator';
import { PHOTO_TYPES } from '../image-sniff';

/** Photos one step (a submission, a patrol report, a follow-up, a result) may carry. */
export const MAX_PHOTOS_PER_STEP = 9;

export class PhotoDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: Object.keys(PHOTO_TYPES), description: 'Read from the content, not from the file name' })
  mimeType: string;

  @ApiProperty({ description: 'Size in bytes' })
  bytes: number;

  @ApiProperty()
  width: number;

  @ApiProperty()
  height: number;

  @ApiProperty({ example: '/api/photos/12', description: 'Where to fetch it (with the same sign-in)' })
  url: string;

  @ApiProperty({ example: '/api/photos/12/preview', description: 'A smaller copy for lists (at most 640 px), with the same sign-in' })
  previewUrl: string;
}

/** A photo as a timeline step shows it. */
export class PhotoRefDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: '/api/photos/12' })
  url: string;

  @ApiProperty({ example: '/api/photos/12/preview' })
  previewUrl: string;
}

export const photoUrl = (id: number): string => `/api/photos/${id}`;
export const photoPreviewUrl = (id: number): string => `/api/photos/${id}/preview`;

/**
 * The optional `photoIds` of a step: ids from uploadPhoto, the caller's own and not yet used,
 * at most nine, no repeats.
 */
export function PhotoIdsField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, type: 'integer', isArray: true, maxItems: MAX_PHOTOS_PER_STEP, uniqueItems: true, description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_PHOTOS_PER_STEP),
    ArrayUnique(),
    IsInt({ each: true }),
    Min(1, { each: true }),
  );
}
