import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskName, maskPhone } from './masking';

test('phones are masked to the first 3 and last 4 digits', () => {
  const cases: [string | null | undefined, string | null][] = [
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['053612345678', '********5678'],
    ['1234', '****'],
    ['', null],
    [null, null],
    [undefined, null],
  ];
  for (const [input, expected] of cases) assert.equal(maskPhone(input), expected, String(input));
});

test('names keep their first character only', () => {
  const cases: [string | null | undefined, string | null][] = [
    ['王小明', '王**'],
    ['王明', '王*'],
    ['王', '王*'],
    ['欧阳娜娜', '欧***'],
    ['  李四 ', '李*'],
    ['', null],
    [null, null],
  ];
  for (const [input, expected] of cases) assert.equal(maskName(input), expected, String(input));
});
