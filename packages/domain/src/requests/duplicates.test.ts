import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DUPLICATE_THRESHOLD, duplicateScore, mayHaveFollowers, mayMerge, textSimilarity } from './duplicates';

test('the same words with other punctuation are the same text', () => {
  assert.equal(textSimilarity('路灯坏了，晚上看不见！', '路灯坏了 晚上看不见'), 1);
});

test('texts with nothing in common score 0, empty texts too', () => {
  assert.equal(textSimilarity('路灯坏了', '工资没发'), 0);
  assert.equal(textSimilarity('', ''), 0);
  assert.equal(textSimilarity('。', '路灯'), 0);
});

test('two villagers telling of one broken lamp are above the threshold; another matter is not', () => {
  const lamp = { category: 'infrastructure', description: '村东头路灯坏了三天了，晚上出门看不见路', addressNote: '东头十字路口' };
  const sameLamp = { category: 'infrastructure', description: '东头的路灯坏了，晚上看不见路', addressNote: '十字路口' };
  const wages = { category: 'labour', description: '在建筑工地干活的工资六千元一直没发', addressNote: null };
  assert.ok(duplicateScore(lamp, sameLamp) >= DUPLICATE_THRESHOLD, String(duplicateScore(lamp, sameLamp)));
  assert.ok(duplicateScore(lamp, wages) < DUPLICATE_THRESHOLD, String(duplicateScore(lamp, wages)));
});

test('a shared category and place only nudge the score', () => {
  const a = { category: 'environment', description: '垃圾没人清理', addressNote: '北街' };
  const b = { category: 'environment', description: '水渠堵住了', addressNote: '北街' };
  assert.ok(duplicateScore(a, b) <= 0.2 + 1e-9);
  assert.equal(duplicateScore(a, a), 1);
});

test('a confidential matter is never merged, either way, and never has followers', () => {
  const open = { confidential: false };
  const secret = { confidential: true };
  assert.equal(mayMerge(open, open), true);
  assert.equal(mayMerge(open, secret), false);
  assert.equal(mayMerge(secret, open), false);
  assert.equal(mayHaveFollowers(secret), false);
  assert.equal(mayHaveFollowers(open), true);
});
