import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeText, compositeScoreText, RANKING_LEVEL_LABELS, RATE_LABELS, rateText } from './labels';

test('rates read as percentages, no data as 暂无数据', () => {
  assert.equal(rateText(1), '100%');
  assert.equal(rateText(2 / 3), '66.7%');
  assert.equal(rateText(0), '0%');
  assert.equal(rateText(null), '暂无数据');
});

test('the composite reads out of 100', () => {
  assert.equal(compositeScoreText(0.875), '87.5');
  assert.equal(compositeScoreText(1), '100');
  assert.equal(compositeScoreText(null), '—');
});

test('环比 / 同比 as arrows', () => {
  assert.equal(changeText(0.125), '↑12.5%');
  assert.equal(changeText(-0.03), '↓3%');
  assert.equal(changeText(0), '→0%');
  assert.equal(changeText(null), '—');
});

test('labels', () => {
  assert.equal(RATE_LABELS.satisfactionRate, '满意率');
  assert.equal(RANKING_LEVEL_LABELS.department, '镇直部门');
});
