import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Where photo bytes live, by key. Local disk by default; an S3-compatible store can implement the
 * same three calls and be bound to PHOTO_STORAGE instead (photos.module.ts).
 */
export interface PhotoStorage {
  /** Stores `content` under a new `key`; fails if the key is taken. */
  put(key: string, content: Buffer): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Removes `key`; a key that is already gone is fine. */
  delete(key: string): Promise<void>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/** An upload as multer hands it over (memory storage). */
export interface UploadedBytes {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Stored bytes on their way out, with the type read from them at upload. */
export interface StoredContent {
  mimeType: string;
  bytes: number;
  stream: Readable;
}

const KEY = /^[a-z0-9]+(?:\/[a-z0-9]+)*\.[a-z0-9]+$/;

/** Where a photo's preview is kept: `preview/` and its key, always a JPEG. */
export function previewKey(storageKey: string): string {
  return `preview/${storageKey.replace(/\.[a-z0-9]+$/, '.jpg')}`;
}

/** A fresh, unguessable key such as `2026/11/3f9c…e1.jpg` (a month per folder keeps folders small). */
export function newPhotoKey(now: Date, extension: string): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${month}/${randomBytes(16).toString('hex')}.${extension}`;
}

/**
 * Writes an upload's bytes under `key`, then records its row: the file before the row, and the
 * file removed again when the row cannot be written (never a row without its file, nor a file
 * left behind by a failed upload). Photos and voice notes both keep their bytes this way.
 */
export async function storeThenRecord<T>(
  storage: PhotoStorage,
  key: string,
  content: Buffer,
  record: (sha256: string) => Promise<T>,
  logger: Logger,
): Promise<T> {
  await storage.put(key, content);
  try {
    return await record(createHash('sha256').update(content).digest('hex'));
  } catch (error) {
    await storage.delete(key).catch((e: unknown) => logger.error({ key, err: e }, 'could not remove the file of an upload whose row failed'));
    throw error;
  }
}

/** The stored bytes of a row's `key`; a missing file is logged and answered as NOT_FOUND on `field`. */
export async function readStored(storage: PhotoStorage, key: string, field: string, logger: Logger): Promise<Readable> {
  const stream = await storage.get(key);
  if (stream) return stream;
  logger.error({ key }, 'file missing from storage');
  throw new AppError(ErrorCode.NotFound, field);
}

/** Photos as files under PHOTO_DIR, one per key; written to a temporary name and renamed into place. */
@Injectable()
export class LocalDiskPhotoStorage implements PhotoStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.resolve(config.photos.dir);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.part`;
    await fs.writeFile(temporary, content, { flag: 'wx', mode: 0o640 });
    try {
      // link() refuses an existing target, so a key is never overwritten.
      await fs.link(temporary, file);
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  async get(key: string): Promise<Readable | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.fileOf(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.fileOf(key), { force: true });
  }

  /** Keys are ours, but a key is still never allowed to name a file outside the photo folder. */
  private fileOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a photo storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split('/'));
  }
}
