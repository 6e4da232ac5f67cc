import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import { request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** A GET as a phone sends it, with the raw answer: its headers and its bytes as they came over the wire. */
function rawGet(
  baseUrl: string,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${urlPath}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: res.statusCode ?? 0, headers: flat, bytes: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A small H5 build as Taro writes it (hashed names under static/) and as precompress.mjs leaves it. */
const SCRIPT = `console.log(${JSON.stringify('网格通'.repeat(600))});\n`;
const STYLE = `.home-title{font-size:20px}\n`.repeat(100);

function writeBuild(dir: string): void {
  fs.mkdirSync(path.join(dir, 'static', 'js'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'static', 'css'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><script defer src="/static/js/app.1a2b3c4d.js"></script></head><body></body></html>',
  );
  const js = path.join(dir, 'static', 'js', 'app.1a2b3c4d.js');
  fs.writeFileSync(js, SCRIPT);
  fs.writeFileSync(`${js}.br`, brotliCompressSync(Buffer.from(SCRIPT)));
  fs.writeFileSync(`${js}.gz`, gzipSync(Buffer.from(SCRIPT)));
  // A stylesheet without precompressed copies (an older build): compressed on the fly.
  fs.writeFileSync(path.join(dir, 'static', 'css', 'app.5e6f7a8b.css'), STYLE);
  fs.writeFileSync(path.join(dir, 'favicon.ico'), 'icon');
}

describe(`the H5 build's cache headers and precompressed assets (${testDialect()})`, () => {
  const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-h5-'));
  beforeAll(() => writeBuild(h5Dir));
  const under = useAppUnderTest(() => ({ h5Dir }));
  afterAll(() => fs.rmSync(h5Dir, { recursive: true, force: true }));

  it('index.html is asked for again every time (no-cache), answered 304 when unchanged', async () => {
    const page = await rawGet(under.api.baseUrl, '/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.bytes.toString('utf8')).toContain('app.1a2b3c4d.js');
    const etag = page.headers['etag'];
    expect(etag).toBeTruthy();
    const again = await rawGet(under.api.baseUrl, '/', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
  });

  it('a hashed script is cached for a year, immutable, and sent as brotli to a phone that takes it', async () => {
    const br = await rawGet(under.api.baseUrl, '/static/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    expect(br.bytes.equals(brotliCompressSync(Buffer.from(SCRIPT)))).toBe(true);
    process.stdout.write(`precompressed: app.js ${Buffer.byteLength(SCRIPT)} → brotli ${br.bytes.length} bytes\n`);
  });

  it('gzip to one that takes gzip only, plain to one that takes neither (both immutable)', async () => {
    const gz = await rawGet(under.api.baseUrl, '/static/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
    expect([gz.status, gz.headers['content-encoding'], gz.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    expect(gz.bytes.equals(gzipSync(Buffer.from(SCRIPT)))).toBe(true);
    const refusesBrotli = await rawGet(under.api.baseUrl, '/static/js/app.1a2b3c4d.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(refusesBrotli.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(under.api.baseUrl, '/static/js/app.1a2b3c4d.js');
    expect([plain.status, plain.headers['content-encoding'], plain.headers['cache-control']]).toEqual([200, undefined, 'public, max-age=31536000, immutable']);
    expect(plain.bytes.toString('utf8')).toBe(SCRIPT);
  });

  it('a hashed stylesheet without precompressed copies: immutable, compressed on the fly', async () => {
    const css = await rawGet(under.api.baseUrl, '/static/css/app.5e6f7a8b.css', { 'accept-encoding': 'gzip' });
    expect([css.status, css.headers['content-encoding'], css.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('a file without a hash in its name: an hour; a path outside the build or an API path is not served from it', async () => {
    const icon = await rawGet(under.api.baseUrl, '/favicon.ico');
    expect([icon.status, icon.headers['cache-control']]).toEqual([200, 'public, max-age=3600']);
    const escape = await rawGet(under.api.baseUrl, '/static/js/..%2F..%2F..%2Fetc%2Fpasswd.1a2b3c4d.js', { 'accept-encoding': 'br' });
    expect(escape.headers['content-encoding']).toBeUndefined();
    expect(escape.bytes.toString('utf8')).not.toContain('root:');
    const api = await rawGet(under.api.baseUrl, '/api/health', { 'accept-encoding': 'br' });
    expect(api.headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it('a path that is not valid percent-encoding is answered as before the build was served, never with a 500', async () => {
    for (const bad of ['/api/requests/%E0', '/static/js/%E0%A4%A.1a2b3c4d.js', '/%']) {
      const res = await rawGet(under.api.baseUrl, bad, { 'accept-encoding': 'br' });
      expect([bad, res.status < 500]).toEqual([bad, true]);
    }
  });
});
