import { describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** A GET as a phone sends it, with the raw answer: its headers and its bytes as they came over the wire. */
function rawGet(
  baseUrl: string,
  path: string,
  acceptEncoding: string | null,
): Promise<{ status: number; encoding: string | undefined; type: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], type: res.headers['content-type'], bytes: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe(`gzip for clients that accept it (${testDialect()})`, () => {
  const under = useAppUnderTest();
  const off = useAppUnderTest({ httpCompression: false });

  it('sends a large JSON answer gzipped to a client that accepts it, and plain to one that does not', async () => {
    const plain = await rawGet(under.api.baseUrl, '/api/openapi.json', null);
    expect([plain.status, plain.encoding]).toEqual([200, undefined]);
    const zipped = await rawGet(under.api.baseUrl, '/api/openapi.json', 'gzip, deflate');
    expect([zipped.status, zipped.encoding]).toEqual([200, 'gzip']);
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
    // The API document shrinks to about a fifth (74 KB → 14 KB when written).
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 4);
    process.stdout.write(`gzip: /api/openapi.json ${plain.bytes.length} → ${zipped.bytes.length} bytes\n`);
  });

  it('leaves small answers as they are', async () => {
    const health = await rawGet(under.api.baseUrl, '/api/health', 'gzip');
    expect([health.status, health.encoding]).toEqual([200, undefined]);
    expect(JSON.parse(health.bytes.toString('utf8'))).toMatchObject({ status: 'ok' });
  });

  it('HTTP_COMPRESSION=0 (a reverse proxy compresses): never gzipped', async () => {
    const res = await rawGet(off.api.baseUrl, '/api/openapi.json', 'gzip');
    expect([res.status, res.encoding]).toEqual([200, undefined]);
    expect(JSON.parse(res.bytes.toString('utf8'))).toHaveProperty('openapi');
  });
});
