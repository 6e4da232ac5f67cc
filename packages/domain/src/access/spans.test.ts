import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capabilitySpan, roleNameGrants } from './capabilities';
import { isInSpan, parentPath, spanOf } from './spans';

// County 1 → town 2 → village 3 → large grid 4 → small grids 5, 6; hotline office 7 in town 2; town 8.
const SMALL_5 = '/1/2/3/4/5/';
const SMALL_6 = '/1/2/3/4/6/';
const HOTLINE = '/1/2/7/';
const OTHER_TOWN_GRID = '/1/8/9/10/11/';

test('each role reaches its unit, hotline staff their town, villagers nothing', () => {
  const cases: [Parameters<typeof spanOf>[0], string[]][] = [
    [[{ role: 'grid_leader', unitPath: SMALL_5 }], [SMALL_5]],
    [[{ role: 'large_grid_head', unitPath: '/1/2/3/4/' }], ['/1/2/3/4/']],
    [[{ role: 'hotline_staff', unitPath: HOTLINE }], ['/1/2/']],
    [[{ role: 'town_leader', unitPath: '/1/2/' }], ['/1/2/']],
    [[{ role: 'county_admin', unitPath: '/1/' }], ['/1/']],
    [[{ role: 'villager', unitPath: SMALL_5 }], []],
    // Two grids led by one person, and a grid inside a span already held: the shortest prefixes only.
    [
      [
        { role: 'grid_leader', unitPath: SMALL_5 },
        { role: 'grid_leader', unitPath: SMALL_6 },
      ],
      [SMALL_5, SMALL_6],
    ],
    [
      [
        { role: 'grid_leader', unitPath: SMALL_5 },
        { role: 'village_secretary', unitPath: '/1/2/3/' },
      ],
      ['/1/2/3/'],
    ],
  ];
  for (const [held, expected] of cases) assert.deepEqual(spanOf(held), expected, JSON.stringify(held));
});

test('in span is a prefix match on whole path segments', () => {
  assert.equal(isInSpan(SMALL_5, ['/1/2/']), true);
  assert.equal(isInSpan(OTHER_TOWN_GRID, ['/1/2/']), false);
  // "/1/2/" must not cover "/1/23/": the trailing slash keeps segments whole.
  assert.equal(isInSpan('/1/23/', ['/1/2/']), false);
  assert.equal(isInSpan(SMALL_5, []), false);
});

test('parentPath steps up one level and rejects non-paths', () => {
  assert.equal(parentPath('/1/2/7/'), '/1/2/');
  assert.equal(parentPath('/1/'), '/1/');
  assert.throws(() => parentPath('1/2'), /not a unit path/);
});

test('a capability spans only the roles that grant it', () => {
  const held = [
    { role: 'grid_leader' as const, unitPath: SMALL_5 },
    { role: 'villager' as const, unitPath: SMALL_6 },
  ];
  assert.deepEqual(capabilitySpan(held, 'group.bind'), [SMALL_5]);
  assert.deepEqual(capabilitySpan(held, 'roster.manage'), []);
  assert.deepEqual(capabilitySpan([{ role: 'hotline_staff', unitPath: HOTLINE }], 'roster.manage'), ['/1/2/']);
});

test('a role named off the wire grants what the table says, an unknown one nothing', () => {
  assert.equal(roleNameGrants('hotline_staff', 'routing.manage'), true);
  assert.equal(roleNameGrants('grid_leader', 'routing.manage'), false);
  assert.equal(roleNameGrants('mayor', 'request.view'), false);
});
