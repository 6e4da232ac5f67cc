// Prints the weapp build's package sizes as WeChat counts them and fails past WeChat's limits
// (main package and each subpackage ≤ 2 MB, all ≤ 30 MB). Run after `build:weapp`.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'dist/weapp');
const MB = 1024 * 1024;
const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [{ file: path.relative(root, full), size: fs.statSync(full).size }];
  });
}

const sizes = new Map([['main', 0], ...subRoots.map((r) => [r, 0])]);
for (const { file, size } of walk(root)) {
  if (file.endsWith('.map')) continue;
  const owner = subRoots.find((r) => file.startsWith(`${r}/`)) ?? 'main';
  sizes.set(owner, sizes.get(owner) + size);
}
let ok = true;
let total = 0;
for (const [name, size] of sizes) {
  total += size;
  const over = size > 2 * MB;
  ok &&= !over;
  console.log(`weapp ${name === 'main' ? 'main package' : `subpackage ${name}`}: ${(size / 1024).toFixed(1)} KB${over ? '  OVER the 2 MB limit' : ''}`);
}
console.log(`weapp total: ${(total / 1024).toFixed(1)} KB`);
if (total > 30 * MB) ok = false;
process.exit(ok ? 0 : 1);
