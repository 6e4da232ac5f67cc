// Reads the result files of every suite the test command ran and prints one line per suite and
// the plain total line CI reads: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir).sort()) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  let p = 0;
  let f;
  if (file.endsWith('.json')) {
    const result = JSON.parse(text);
    p = result.numPassedTests;
    // A suite that failed to load counts as a failure even though none of its tests ran.
    f = result.numFailedTests + result.numRuntimeErrorTestSuites;
  } else if (file.endsWith('.tap')) {
    p = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    f = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  } else if (file.endsWith('.step')) {
    // A step that is not a test runner (a build) that failed: one failure, so the total shows it.
    f = 1;
  } else {
    continue;
  }
  console.log(`  ${file.replace(/\.(json|tap|step)$/, '').padEnd(16)} ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
