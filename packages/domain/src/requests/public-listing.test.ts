import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confidentialCountText, publicListing } from './public-listing';

test('a public list leaves confidential matters out and only counts them', () => {
  const items = [
    { id: 1, confidential: false },
    { id: 2, confidential: true },
    { id: 3, confidential: false },
    { id: 4, confidential: true },
  ];
  assert.deepEqual(publicListing(items), { listed: [items[0], items[2]], confidentialCount: 2 });
  assert.deepEqual(publicListing([]), { listed: [], confidentialCount: 0 });
});

test('the count line reads 「另有保密事项 n 件」, and is absent when there are none', () => {
  assert.equal(confidentialCountText(1), '另有保密事项 1 件');
  assert.equal(confidentialCountText(0), null);
});
