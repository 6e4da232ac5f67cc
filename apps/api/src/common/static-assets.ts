import type { NextFunction, Request, Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * How the built apps (the H5 app at `/`, the desk console at `/console/`) are cached and sent on a
 * village's weak network (docs/miniapp.md, "Weak networks"):
 * - a file whose name carries its content hash (Taro: `name.1a2b3c4d.js`; Vite: `name-AbC_12-x.js`)
 *   never changes under that name: a year, immutable, so a phone that has it never asks again;
 * - index.html names the current hashes: `no-cache` (asked again each time, answered 304 when
 *   unchanged), so a new build reaches every phone at its next start;
 * - anything else: an hour.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

const HASHED = /(\.[0-9a-f]{8}|-[A-Za-z0-9_-]{8})\.(js|css|woff2?|ttf|png|jpe?g|svg|webp)$/;

export function cacheControlFor(filePath: string): string {
  if (path.basename(filePath) === 'index.html') return REVALIDATE;
  return HASHED.test(path.basename(filePath)) ? IMMUTABLE : SHORT;
}

/** serve-static's `setHeaders`: the Cache-Control above. */
export function setStaticCacheHeaders(res: Response, filePath: string): void {
  res.setHeader('Cache-Control', cacheControlFor(filePath));
}

/** The encodings the build writes beside each script and stylesheet, preferred first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

function accepts(req: Request, encoding: string): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    return name?.trim().toLowerCase() === encoding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/** The path decoded, or null when it is not valid percent-encoding (then not ours: what follows answers it). */
function decodedPath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * Sends a hashed script or stylesheet of `root` (served at `mount`) as the build compressed it
 * (`.br` at brotli's best, else `.gz`; `apps/miniapp/scripts/precompress.mjs`) to a client that
 * accepts it: smaller than the on-the-fly gzip, and no CPU spent per request. Anything else, or a
 * client that accepts neither, falls through to the static server (and the on-the-fly gzip).
 */
export function precompressedAssets(root: string, mount = '/'): (req: Request, res: Response, next: NextFunction) => void {
  const base = path.resolve(root);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith(mount)) return next();
    const relative = decodedPath(req.path.slice(mount.length));
    if (relative === null || !/\.(js|css)$/.test(relative) || !HASHED.test(relative)) return next();
    const file = path.resolve(base, relative);
    if (!file.startsWith(base + path.sep)) return next();
    const found = PRECOMPRESSED.find(({ encoding, suffix }) => accepts(req, encoding) && fs.existsSync(file + suffix));
    res.vary('Accept-Encoding');
    if (!found) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', found.encoding);
    res.sendFile(file + found.suffix, { headers: { 'Cache-Control': IMMUTABLE }, cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next();
    });
  };
}
