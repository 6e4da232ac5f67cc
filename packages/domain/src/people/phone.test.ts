import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMainlandMobile, normalisePhone } from './phone';

test('phones typed with spaces and dashes are normalised, and only mainland mobiles pass', () => {
  const cases: [string, string, boolean][] = [
    ['13812345678', '13812345678', true],
    ['138 1234 5678', '13812345678', true],
    ['138-1234-5678', '13812345678', true],
    ['138\u30001234\uff0d5678', '13812345678', true],
    ['19905360001', '19905360001', true],
    ['12812345678', '12812345678', false],
    ['1381234567', '1381234567', false],
    ['0536-1234567', '05361234567', false],
    ['+8613812345678', '+8613812345678', false],
  ];
  for (const [typed, normalised, valid] of cases) {
    assert.equal(normalisePhone(typed), normalised, typed);
    assert.equal(isMainlandMobile(normalisePhone(typed)), valid, typed);
  }
});
