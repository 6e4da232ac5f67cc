// Writes the personal fields table into docs/privacy.md from PERSONAL_FIELDS (the built dist/; the
// package script `docs:privacy` builds first). src/people/personal-fields.test.ts fails until it is run.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { withPersonalFieldsTable } = createRequire(import.meta.url)('../dist/people/personal-fields.js');
const doc = new URL('../../../docs/privacy.md', import.meta.url);
const before = readFileSync(doc, 'utf8');
const after = withPersonalFieldsTable(before);
if (after === before) console.log('docs/privacy.md: the personal fields table is current');
else {
  writeFileSync(doc, after);
  console.log('docs/privacy.md: the personal fields table was written anew');
}
