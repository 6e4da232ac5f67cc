import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeText, compositeScoreText, placeText, RANKING_LEVEL_LABELS, rankingRuleText, RATE_LABELS, rateText } from './labels';

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

test('a place on the board reads as a rank, a shared rank, or why there is none', () => {
  assert.equal(placeText({ rank: 1, tied: false, unrankedReason: null }), '第1名');
  assert.equal(placeText({ rank: 2, tied: true, unrankedReason: null }), '并列第2名');
  assert.equal(placeText({ rank: null, tied: false, unrankedReason: 'too_few' }), '件数不足，不排名');
  assert.equal(placeText({ rank: null, tied: false, unrankedReason: 'no_data' }), '暂无数据');
  assert.equal(rankingRuleText(3), '受理不足3件的单位不排名；得分相同的并列');
  assert.equal(rankingRuleText(0), '得分相同的并列');
});
