import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withWorkflowTables, workflowTables, WORKFLOW_DOC_END, WORKFLOW_DOC_START } from './workflow-doc';

const DOC = join(__dirname, '../../../../docs/requests.md');

test('docs/requests.md shows the workflow table as the code has it', () => {
  const doc = readFileSync(DOC, 'utf8');
  assert.equal(withWorkflowTables(doc), doc, 'docs/requests.md differs from REQUEST_ACTIONS: run `pnpm --filter @gridloop/domain docs:workflow`');
});

test('the table has a row per action and per other timeline step, each with its columns', () => {
  const lines = workflowTables().split('\n');
  assert.ok(lines.includes('| followUp 记录跟进 | accepted, in_progress | in_progress | handler | | required | yes | public | | | |'));
  assert.ok(
    lines.includes(
      '| sendBack 退回重办 | resolved, looked_back | in_progress | supervisor | handler | required | | staff only | | yes | handlers: `assigned` |',
    ),
  );
  assert.ok(
    lines.includes(
      '| submit 提交诉求 | public | handlers: `assigned`; requester and followers: `entered_for_you` (only of a matter someone else entered for them) |',
    ),
  );
  assert.ok(
    lines.some((line) =>
      line.startsWith(
        "| disown 这不是我的诉求 | submitted, accepted, in_progress | withdrawn | requester, only of a matter someone else entered for them (`onlyIf: 'enteredByOther'`) |",
      ),
    ),
  );
});

test('a document without the markers is refused, not written half', () => {
  assert.throws(() => withWorkflowTables('# Requests\n'), /markers are missing/);
  const fresh = withWorkflowTables(`before\n${WORKFLOW_DOC_START}\nold table\n${WORKFLOW_DOC_END}\nafter`);
  assert.ok(fresh.startsWith(`before\n${WORKFLOW_DOC_START}\n\n| action |`));
  assert.ok(fresh.endsWith(`\n\n${WORKFLOW_DOC_END}\nafter`));
  assert.equal(withWorkflowTables(fresh), fresh);
});
