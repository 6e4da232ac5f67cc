// Writes the workflow table into docs/requests.md from REQUEST_ACTIONS (the built dist/; the
// package script `docs:workflow` builds first). src/requests/workflow-doc.test.ts fails until it is run.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { withWorkflowTables } = createRequire(import.meta.url)('../dist/requests/workflow-doc.js');
const doc = new URL('../../../docs/requests.md', import.meta.url);
const before = readFileSync(doc, 'utf8');
const after = withWorkflowTables(before);
if (after === before) console.log('docs/requests.md: the workflow table is current');
else {
  writeFileSync(doc, after);
  console.log('docs/requests.md: the workflow table was written anew');
}
