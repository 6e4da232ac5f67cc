// WeChat's miniprogram-ci over the weapp build, offline (ci-check.mjs): it compiles every page as
// an upload would (ES6 → ES5, minified JS and WXML), its code-quality check passes the package
// size limits, and our own budget holds: the main package (what every villager downloads first)
// at most 600 KB, every package at most 2 MB (WeChat's limit), counted on the compiled output.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { before, test } from 'node:test';
import { requireWeappBuild, weappPages } from './harness.mjs';

const KB = 1024;
const MAIN_BUDGET = 600 * KB;
const PACKAGE_LIMIT = 2 * 1024 * KB;

let result;

before(async () => {
  requireWeappBuild();
  const script = fileURLToPath(new URL('./ci-check.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script], { maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, `miniprogram-ci printed no result:\n${stdout}`);
  result = JSON.parse(line.slice('RESULT '.length));
});

/** Which package a file of the build belongs to: a subpackage root, or 'main'. */
function packageOf(file, roots) {
  return roots.find((root) => file.startsWith(`${root}/`)) ?? 'main';
}

test('getCompiledResult compiles every page of app.json (JS and WXML, ES6 → ES5, minified)', () => {
  const files = new Set(result.compiled.map((c) => c.file));
  for (const { page } of weappPages()) {
    for (const ext of ['js', 'wxml', 'json']) assert.ok(files.has(`${page}.${ext}`), `${page}.${ext} is not in the compiled result`);
  }
  for (const { file, size } of result.compiled) {
    if (file.endsWith('.js') || file.endsWith('.wxml')) assert.ok(size > 0, `${file} compiled to nothing`);
  }
});

test('checkCodeQuality: the package size limits pass', (t) => {
  const sizeCheck = result.quality.find((q) => q.name === 'PACKAGE_SIZE_LIMIT');
  assert.ok(sizeCheck, `no PACKAGE_SIZE_LIMIT among ${result.quality.map((q) => q.name).join(', ')}`);
  for (const [name, size] of Object.entries(sizeCheck.detail))
    t.diagnostic(`checkCodeQuality ${name === '__APP__' ? 'main package' : name}: ${(size / KB).toFixed(1)} KB`);
  assert.equal(sizeCheck.success, true, sizeCheck.text);
  assert.ok(sizeCheck.detail.__APP__ <= MAIN_BUDGET, `main package ${(sizeCheck.detail.__APP__ / KB).toFixed(1)} KB is over ${MAIN_BUDGET / KB} KB`);
});

test(`compiled for upload: main package ≤ ${MAIN_BUDGET / KB} KB, every package ≤ 2 MB`, (t) => {
  const roots = [...new Set(result.files.map((f) => f.subPackage).filter(Boolean))].map((r) => r.replace(/\/$/, ''));
  const expected = weappPages()
    .map((p) => p.packageName)
    .filter((n) => n !== 'main');
  for (const root of expected) assert.ok(roots.includes(root), `analyseCode does not know subpackage ${root}`);

  const sizes = new Map([['main', 0], ...roots.map((r) => [r, 0])]);
  for (const { file, size } of result.compiled) sizes.set(packageOf(file, roots), sizes.get(packageOf(file, roots)) + size);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  for (const [name, size] of sizes) t.diagnostic(`compiled ${name === 'main' ? 'main package' : name}: ${(size / KB).toFixed(1)} KB`);
  t.diagnostic(`compiled total: ${(total / KB).toFixed(1)} KB`);

  assert.ok(sizes.get('main') <= MAIN_BUDGET, `main package ${(sizes.get('main') / KB).toFixed(1)} KB is over the ${MAIN_BUDGET / KB} KB budget`);
  for (const [name, size] of sizes) assert.ok(size <= PACKAGE_LIMIT, `${name} is ${(size / KB).toFixed(1)} KB, over WeChat's 2 MB`);
});
