import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personWithinSpan } from './person-span';

// County 1 → towns 2 and 8; a small grid /1/2/3/4/5/ in town 2, /1/8/9/10/11/ in town 8.
const TOWN = ['/1/2/'];
const HERE = '/1/2/3/4/5/';
const THERE = '/1/8/9/10/11/';

test('a person is within a span when all their current roles are inside it', () => {
  assert.equal(personWithinSpan({ rolePaths: [HERE], homePath: null }, TOWN), true);
  assert.equal(personWithinSpan({ rolePaths: [HERE, '/1/2/7/'], homePath: THERE }, TOWN), true);
  // One role outside (a grid leader of the other town, the county admin) is enough to be outside.
  assert.equal(personWithinSpan({ rolePaths: [HERE, THERE], homePath: HERE }, TOWN), false);
  assert.equal(personWithinSpan({ rolePaths: ['/1/'], homePath: null }, TOWN), false);
});

test('without roles, the home decides; no home at all is anyone’s', () => {
  assert.equal(personWithinSpan({ rolePaths: [], homePath: HERE }, TOWN), true);
  assert.equal(personWithinSpan({ rolePaths: [], homePath: THERE }, TOWN), false);
  assert.equal(personWithinSpan({ rolePaths: [], homePath: null }, TOWN), true);
});

test('the county spans everyone; an empty span no one with a place', () => {
  assert.equal(personWithinSpan({ rolePaths: [THERE], homePath: null }, ['/1/']), true);
  assert.equal(personWithinSpan({ rolePaths: [], homePath: HERE }, []), false);
});
