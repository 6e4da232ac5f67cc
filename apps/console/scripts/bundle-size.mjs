// Prints the console build's script and style sizes (raw and gzipped) and what a first screen
// loads: the entry (index.html) with either the sign-in page or the frame and the 工作台 page a
// signed-in desk opens on, each with the chunks they import (Vite's manifest). Issue #19's budget:
// at most 400 KB of gzipped script on the first screen; over it, this exits 1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

const FIRST_SCREEN_SCRIPT_BUDGET = 400 * 1024;
const FIRST_SCREENS = {
  'sign-in': ['index.html', 'src/pages/sign-in/SignInPage.tsx'],
  工作台: ['index.html', 'src/frame/ConsoleFrame.tsx', 'src/pages/workbench/WorkbenchPage.tsx'],
};
const dist = path.resolve(process.argv[2] ?? 'dist');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
/** The files that loading `entries` fetches: each chunk, its styles and the chunks it imports statically. */
function filesOf(entries) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  return files;
}
const screens = Object.entries(FIRST_SCREENS).map(([name, entries]) => ({ name, files: filesOf(entries) }));

const files = fs
  .readdirSync(path.join(dist, 'assets'))
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => {
    const body = fs.readFileSync(path.join(dist, 'assets', name));
    const on = screens.filter((screen) => screen.files.has(`assets/${name}`)).map((screen) => screen.name);
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, on };
  })
  .sort((a, b) => b.gzip - a.gzip);

console.log('Console build (apps/console/dist/assets):');
for (const file of files)
  console.log(
    `  ${file.name.padEnd(44)} ${kb(file.raw).padStart(10)}  gzip ${kb(file.gzip).padStart(9)}${file.on.length ? `  first screen: ${file.on.join(', ')}` : ''}`,
  );
const sum = (list) => list.reduce((total, file) => total + file.gzip, 0);
const scripts = files.filter((file) => file.name.endsWith('.js'));
console.log(`All scripts: gzip ${kb(sum(scripts))}.`);
let first = 0;
for (const screen of screens) {
  const size = sum(scripts.filter((file) => file.on.includes(screen.name)));
  first = Math.max(first, size);
  console.log(`First screen, ${screen.name}: gzip ${kb(size)} of script (budget ${kb(FIRST_SCREEN_SCRIPT_BUDGET)}).`);
}
if (first > FIRST_SCREEN_SCRIPT_BUDGET) {
  console.error(`!! the console's first screen loads more than ${kb(FIRST_SCREEN_SCRIPT_BUDGET)} of gzipped script`);
  process.exit(1);
}
