import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskName, maskPhone } from './masking';
import {
  mayCallRequester,
  PERSONAL_FIELDS_DOC_END,
  PERSONAL_FIELDS_DOC_START,
  personalFieldsTable,
  showPersonal,
  withPersonalFieldsTable,
  shownAs,
  type Exposure,
  type PersonalField,
} from './personal-fields';
import type { Relation } from '../requests/request-workflow';

const DOC = join(__dirname, '../../../../docs/privacy.md');

test('docs/privacy.md shows the personal fields table as the code has it', () => {
  const doc = readFileSync(DOC, 'utf8');
  assert.equal(withPersonalFieldsTable(doc), doc, 'docs/privacy.md differs from PERSONAL_FIELDS: run `pnpm --filter @gridloop/domain docs:privacy`');
});

test('the table has a row per field with a cell per viewer; a document without the markers is refused', () => {
  assert.ok(
    personalFieldsTable()
      .split('\n')
      .some((line) => line.startsWith('| contactPhone | full | masked | masked | hidden | hidden |')),
  );
  assert.throws(() => withPersonalFieldsTable('# Privacy\n'), /markers are missing/);
  const fresh = withPersonalFieldsTable(`before\n${PERSONAL_FIELDS_DOC_START}\nold\n${PERSONAL_FIELDS_DOC_END}\nafter`);
  assert.equal(withPersonalFieldsTable(fresh), fresh);
});

test('each field shows as the most open of the viewer’s relations; no relation is the public', () => {
  const cases: [PersonalField, Relation[], Exposure][] = [
    ['contactPhone', ['requester'], 'full'],
    ['contactPhone', ['handler'], 'masked'],
    ['contactPhone', ['handler', 'supervisor'], 'masked'],
    ['contactPhone', ['supervisor'], 'masked'],
    ['contactPhone', ['follower'], 'hidden'],
    ['contactPhone', [], 'hidden'],
    ['contactPhone', ['requester', 'handler'], 'full'],
    ['requesterName', ['handler'], 'masked'],
    ['requesterName', ['follower'], 'masked'],
    ['requesterName', [], 'hidden'],
    ['addressNote', ['follower'], 'full'],
    ['addressNote', [], 'hidden'],
    ['staffName', ['requester'], 'full'],
    ['staffName', [], 'hidden'],
    ['boardLeaderName', [], 'full'],
    ['rosterPhone', ['requester'], 'masked'],
  ];
  for (const [field, relations, exposure] of cases) assert.equal(shownAs(field, relations), exposure, `${field} to ${relations.join() || 'the public'}`);
});

test('a value shows itself, masked, or not at all', () => {
  assert.equal(showPersonal('contactPhone', ['requester'], '13912345678', maskPhone), '13912345678');
  assert.equal(showPersonal('contactPhone', ['handler'], '13912345678', maskPhone), '139****5678');
  assert.equal(showPersonal('contactPhone', ['follower'], '13912345678', maskPhone), null);
  assert.equal(showPersonal('requesterName', ['supervisor'], '孙秀兰', maskName), '孙**');
});

test('拨打 is for those handling or supervising the matter, not its requester, a follower or the public', () => {
  assert.deepEqual(
    (['requester', 'handler', 'supervisor', 'follower'] as const).map((r) => mayCallRequester([r])),
    [false, true, true, false],
  );
  assert.equal(mayCallRequester([]), false);
});
