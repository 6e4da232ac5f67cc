import { afterEach, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ErrorCode } from '../../src/common/error-codes';
import { loadAppConfig } from '../../src/config/app-config';
import { ContentGate } from '../../src/content-check/content-gate';
import { PassThroughContentCheck, type ContentCheck, type ContentVerdict } from '../../src/content-check/content-check';
import { sniffImage } from '../../src/photos/image-sniff';
import { LocalDiskPhotoStorage, newPhotoKey, storeThenRecord } from '../../src/photos/photo-storage';
import { JPEG_1X1, pngImage, WEBP_ALPHA_1X1, WEBP_LOSSLESS_1X1, WEBP_LOSSY_1X1 } from '../support/images';

describe('sniffImage: what the bytes are, never what the name says', () => {
  it.each([
    ['JPEG 1×1', JPEG_1X1, { mimeType: 'image/jpeg', width: 1, height: 1 }],
    ['PNG 3×2', pngImage(3, 2), { mimeType: 'image/png', width: 3, height: 2 }],
    ['PNG 640×1', pngImage(640, 1), { mimeType: 'image/png', width: 640, height: 1 }],
    ['WebP lossy', WEBP_LOSSY_1X1, { mimeType: 'image/webp', width: 1, height: 1 }],
    ['WebP lossless', WEBP_LOSSLESS_1X1, { mimeType: 'image/webp', width: 1, height: 1 }],
    ['WebP extended (alpha)', WEBP_ALPHA_1X1, { mimeType: 'image/webp', width: 1, height: 1 }],
  ])('%s is read from its header', (_name, bytes, expected) => {
    expect(sniffImage(bytes)).toEqual(expected);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['text', Buffer.from('这不是照片')],
    ['GIF', Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')],
    ['PDF', Buffer.from('%PDF-1.4\n')],
    ['JPEG signature only', Buffer.from([0xff, 0xd8, 0xff])],
    ['JPEG whose scan starts before any frame header', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0])],
    ['PNG signature without IHDR', Buffer.concat([pngImage(1, 1).subarray(0, 8), Buffer.alloc(20)])],
    [
      'PNG of 0 wide',
      (() => {
        const b = pngImage(1, 1);
        b.writeUInt32BE(0, 16);
        return b;
      })(),
    ],
    ['RIFF that is not WebP (WAV)', Buffer.concat([Buffer.from('RIFF\u0024\u0000\u0000\u0000WAVEfmt '), Buffer.alloc(30)])],
    ['WebP with an unknown chunk', Buffer.concat([Buffer.from('RIFF\u0024\u0000\u0000\u0000WEBPJUNK'), Buffer.alloc(30)])],
    [
      'WebP lossy without its start code',
      (() => {
        const b = Buffer.from(WEBP_LOSSY_1X1);
        b[23] = 0;
        return b;
      })(),
    ],
    ['JPEG cut off before its end', JPEG_1X1.subarray(0, JPEG_1X1.length - 2)],
    ['PNG cut off before IEND', pngImage(3, 2).subarray(0, 40)],
    ['WebP shorter than its RIFF size', WEBP_ALPHA_1X1.subarray(0, WEBP_ALPHA_1X1.length - 4)],
  ])('%s is not a photo', (_name, bytes) => {
    expect(sniffImage(bytes)).toBeUndefined();
  });
});

describe('ContentGate', () => {
  const who = { personId: 7 };
  const gate = (verdicts: Record<string, ContentVerdict>) => {
    const checker: ContentCheck = { check: async (text) => verdicts[text] ?? 'pass' };
    return new ContentGate(checker);
  };

  it('names the first risky field, and says whether any text needs review', async () => {
    await expect(gate({ bad: 'risky' }).needsReview(who, { description: 'ok', addressNote: 'bad' })).rejects.toMatchObject({
      code: ErrorCode.ContentRisky,
      field: 'addressNote',
    });
    await expect(gate({ hmm: 'review' }).needsReview(who, { description: 'hmm', addressNote: 'ok' })).resolves.toBe(true);
    await expect(gate({}).needsReview(who, { description: 'ok', note: undefined, comment: null })).resolves.toBe(false);
  });

  it('does not ask about empty or missing texts', async () => {
    const asked: string[] = [];
    const checker: ContentCheck = { check: async (text) => (asked.push(text), 'pass') };
    await new ContentGate(checker).needsReview(who, { a: '', b: '  ', c: undefined, d: null, e: '路灯坏了' });
    expect(asked).toEqual(['路灯坏了']);
  });

  it('passes everything through when WeChat is not configured', async () => {
    await expect(new ContentGate(new PassThroughContentCheck()).needsReview(who, { description: '违禁测试词' })).resolves.toBe(false);
  });
});

describe('storeThenRecord: an upload’s file is written first and removed when its row cannot be', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const filesIn = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  const logger = new Logger('photos-test');

  function storage(): { dir: string; storage: LocalDiskPhotoStorage } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-photo-unit-'));
    dirs.push(dir);
    return {
      dir,
      storage: new LocalDiskPhotoStorage({
        ...loadAppConfig({}),
        photos: { dir, maxBytes: 1024, voiceMaxBytes: 1024, unattachedKeepDays: 7, unattachedMax: 50 },
      }),
    };
  }
  const bytes = pngImage(2, 2);

  it('keeps the file when the row is written, and records it with the SHA-256 of its bytes', async () => {
    const { dir, storage: disk } = storage();
    const key = newPhotoKey(new Date('2026-11-20T08:00:00Z'), 'png');
    const recorded = await storeThenRecord(disk, key, bytes, async (sha256) => ({ id: 1, sha256 }), logger);
    expect(recorded).toEqual({ id: 1, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(filesIn(dir)).toEqual([key]);
    expect(fs.readFileSync(path.join(dir, key)).equals(bytes)).toBe(true);
  });

  it('removes the file again when the row fails, and passes the failure on', async () => {
    const { dir, storage: disk } = storage();
    const record = async (): Promise<never> => {
      throw new Error('database went away');
    };
    await expect(storeThenRecord(disk, newPhotoKey(new Date(), 'png'), bytes, record, logger)).rejects.toThrow('database went away');
    expect(filesIn(dir)).toEqual([]);
  });

  it('never lets a key name a file outside the photo folder', async () => {
    const { storage: disk } = storage();
    for (const key of ['../x.jpg', '/etc/passwd', 'a/../../b.png', 'A.JPG', ''])
      await expect(disk.put(key, Buffer.from('x'))).rejects.toThrow(/not a photo storage key/);
    expect(newPhotoKey(new Date('2026-01-05T00:00:00Z'), 'webp')).toMatch(/^2026\/01\/[0-9a-f]{32}\.webp$/);
    await expect(disk.get('2026/01/00.jpg')).resolves.toBeNull();
  });
});
