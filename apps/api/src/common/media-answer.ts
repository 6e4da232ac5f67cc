import { applyDecorators, Header, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { StoredContent } from '../photos/photo-storage';

/**
 * A download of private media (a photo, its preview, a voice note): kept by this user's client
 * for a day, never sniffed as another type, documented with the types it may come as.
 */
export function MediaAnswer(description: string, types: readonly string[]): MethodDecorator {
  return applyDecorators(
    Header('Cache-Control', 'private, max-age=86400'),
    Header('X-Content-Type-Options', 'nosniff'),
    ApiProduces(...types),
    ApiOkResponse({ description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }),
  );
}

/** The stored bytes as the answer, with their type and length. */
export function mediaFile(content: StoredContent): StreamableFile {
  return new StreamableFile(content.stream, { type: content.mimeType, length: content.bytes });
}
