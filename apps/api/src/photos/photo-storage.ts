import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
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

const KEY = /^[a-z0-9]+(?:\/[a-z0-9]+)*\.[a-z0-9]+$/;

/** A fresh, unguessable key such as `2026/11/3f9c…e1.jpg` (a month per folder keeps folders small). */
export function newPhotoKey(now: Date, extension: string): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${month}/${randomBytes(16).toString('hex')}.${extension}`;
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
