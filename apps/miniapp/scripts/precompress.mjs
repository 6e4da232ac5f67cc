// Writes a brotli (best quality) and a gzip (level 9) copy beside every script and stylesheet of
// the H5 build, for the API to send as they are to a phone that accepts them (apps/api
// src/common/static-assets.ts): smaller than compressing on the fly, and no CPU spent per request.
// Run after the H5 build (`build:h5` does): node scripts/precompress.mjs dist/h5
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist/h5');

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(js|css)$/.test(entry.name)) yield full;
  }
}

let plain = 0;
let br = 0;
let gz = 0;
for (const file of files(root)) {
  const bytes = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gzip = zlib.gzipSync(bytes, { level: 9 });
  fs.writeFileSync(`${file}.br`, brotli);
  fs.writeFileSync(`${file}.gz`, gzip);
  plain += bytes.length;
  br += brotli.length;
  gz += gzip.length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`precompressed ${path.relative(process.cwd(), root)}: ${kb(plain)} → brotli ${kb(br)}, gzip ${kb(gz)}`);
