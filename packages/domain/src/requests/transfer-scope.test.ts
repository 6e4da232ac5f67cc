import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossesTowns, mayTransferTo } from './transfer-scope';

// County 1 → towns 2 and 3; town 2's village 4, town 3's hotline office 9.
test('within a town anyone supervising may transfer; across towns only one dispatching for both', () => {
  const cases: [string, string[], string, string, boolean][] = [
    ['same town, town staff', ['/1/2/'], '/1/2/4/', '/1/2/7/', true],
    ['same town, a large-grid head (no dispatch span)', [], '/1/2/4/5/', '/1/2/7/', true],
    ['other town, town staff', ['/1/2/'], '/1/2/4/', '/1/3/9/', false],
    ['other town, county admin', ['/1/'], '/1/2/4/', '/1/3/9/', true],
    ['other town, staff of both towns', ['/1/2/', '/1/3/'], '/1/2/4/', '/1/3/9/', true],
  ];
  for (const [name, span, from, to, expected] of cases) assert.equal(mayTransferTo(span, from, to), expected, name);
  assert.equal(crossesTowns('/1/2/4/', '/1/2/7/'), false);
  assert.equal(crossesTowns('/1/2/4/', '/1/3/9/'), true);
});
