import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_UNIT_KINDS, isHomeUnitKind, UNIT_KINDS } from '../grid/org';
import { CAPABILITY_ROLES } from '../access/capabilities';
import {
  hasRequester,
  HOURLY_LIMITED_SOURCES,
  INTAKE_FORMS,
  REQUEST_SOURCE_LABELS,
  REQUEST_SOURCE_RULES,
  REQUEST_SOURCES,
  sourcesEnteredThrough,
} from './sources';

// What each source's way in is today, column by column (docs/requests.md tells it in words).
const EXPECTED = [
  // source, form, lands in, within the span of, requester, routed by category, settled on the spot, city deadline,
  // entry is first contact, hourly limit, content check
  ['villager', 'own', ['village', 'small_grid'], null, 'caller', true, false, false, false, true, true],
  ['patrol', 'patrol', ['small_grid'], 'request.patrol', 'none', true, true, false, false, true, true],
  ['hotline_12345', 'city_order', ['hotline_office'], 'hotline.orders', 'phone', false, false, true, false, false, false],
  ['staff', 'on_behalf', ['village', 'small_grid'], 'request.proxy', 'phone', true, false, false, false, false, true],
  ['proxy', 'on_behalf', ['village', 'small_grid'], 'request.proxy', 'phone', true, false, false, true, true, true],
] as const;

for (const [
  source,
  form,
  landsIn,
  landsWithin,
  requester,
  routedByCategory,
  settlesOnSpot,
  cityDeadline,
  entryIsFirstContact,
  hourlyLimited,
  contentChecked,
] of EXPECTED) {
  test(`${source}: its way in`, () => {
    const { label: _label, ...rule } = REQUEST_SOURCE_RULES[source];
    assert.deepEqual(rule, {
      form,
      landsIn,
      landsWithin,
      requester,
      routedByCategory,
      settlesOnSpot,
      cityDeadline,
      entryIsFirstContact,
      hourlyLimited,
      contentChecked,
    });
  });
}

test('every source has a row, and the table names no other', () => {
  assert.deepEqual(Object.keys(REQUEST_SOURCE_RULES).sort(), [...REQUEST_SOURCES].sort());
  assert.deepEqual(EXPECTED.map(([source]) => source).sort(), [...REQUEST_SOURCES].sort());
});

test('labels are Chinese, one per source, and the label list is the table’s', () => {
  assert.deepEqual(REQUEST_SOURCE_LABELS, { villager: '群众反映', patrol: '未诉先办', hotline_12345: '12345热线', staff: '热线办代录', proxy: '网格代办' });
  for (const label of Object.values(REQUEST_SOURCE_LABELS)) assert.doesNotMatch(label, /[A-Za-z]/, label);
  assert.equal(new Set(Object.values(REQUEST_SOURCE_LABELS)).size, REQUEST_SOURCES.length);
});

test('a source lands in kinds of unit that exist, within a capability that exists', () => {
  for (const source of REQUEST_SOURCES) {
    const { landsIn, landsWithin } = REQUEST_SOURCE_RULES[source];
    assert.ok(landsIn.length > 0, source);
    for (const kind of landsIn) assert.ok(UNIT_KINDS.includes(kind), `${source}: ${kind}`);
    if (landsWithin !== null) assert.ok(landsWithin in CAPABILITY_ROLES, `${source}: ${landsWithin}`);
  }
});

test('every form has a source, and the sources of one form land alike and find their requester alike', () => {
  for (const form of INTAKE_FORMS) {
    const sources = sourcesEnteredThrough(form);
    assert.ok(sources.length > 0, form);
    const ways = sources.map((s) => {
      const { landsIn, landsWithin, requester } = REQUEST_SOURCE_RULES[s];
      return { landsIn, landsWithin, requester };
    });
    for (const way of ways) assert.deepEqual(way, ways[0], form);
  }
  assert.deepEqual(sourcesEnteredThrough('on_behalf'), ['staff', 'proxy']);
  assert.deepEqual(sourcesEnteredThrough('own'), ['villager']);
});

test('only a city order carries the city deadline, only a patrol report is settled on the spot', () => {
  assert.deepEqual(
    REQUEST_SOURCES.filter((s) => REQUEST_SOURCE_RULES[s].cityDeadline),
    ['hotline_12345'],
  );
  assert.deepEqual(
    REQUEST_SOURCES.filter((s) => REQUEST_SOURCE_RULES[s].settlesOnSpot),
    ['patrol'],
  );
});

test('the hourly limit counts what one person types on one phone, never the office’s work', () => {
  assert.deepEqual([...HOURLY_LIMITED_SOURCES].sort(), ['patrol', 'proxy', 'villager']);
});

test('homes, and where a villager’s matter lands, are villages and small grids', () => {
  assert.deepEqual(HOME_UNIT_KINDS, ['village', 'small_grid']);
  const cases: [string, boolean][] = [
    ['village', true],
    ['small_grid', true],
    ['large_grid', false],
    ['town', false],
    ['department', false],
    ['hotline_office', false],
    ['', false],
  ];
  for (const [kind, home] of cases) assert.equal(isHomeUnitKind(kind), home, kind);
});

test('docs/requests.md shows each source as the table has it', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/requests.md'), 'utf8');
  const yes = (value: boolean) => (value ? 'yes' : '');
  for (const source of REQUEST_SOURCES) {
    const r = REQUEST_SOURCE_RULES[source];
    const cells = [
      source,
      r.label,
      r.form,
      r.landsIn.join(', '),
      r.landsWithin ?? '(anywhere)',
      r.requester,
      yes(r.routedByCategory),
      yes(r.settlesOnSpot),
      yes(r.cityDeadline),
      yes(r.entryIsFirstContact),
      yes(r.hourlyLimited),
      yes(r.contentChecked),
    ];
    const row = `| ${cells.join(' | ')} |`.replace(/ {2}/g, ' ');
    assert.ok(doc.split('\n').includes(row), `docs/requests.md lacks the row: ${row}`);
  }
});

test('a patrol finding has nobody who raised it; every other source has', () => {
  for (const source of Object.keys(REQUEST_SOURCE_RULES)) assert.equal(hasRequester(source), source !== 'patrol', source);
});
