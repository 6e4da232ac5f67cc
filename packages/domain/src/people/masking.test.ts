import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskName, maskNumbersInText, maskPhone } from './masking';

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

test('numbers written into a text are masked; dates, amounts and order numbers are not', () => {
  const cases: [string, string][] = [
    ['有事请打13812345678找我', '有事请打138****5678找我'],
    ['电话 138 1234 5678。', '电话 138 **** 5678。'],
    ['我儿子电话138-1234-5678', '我儿子电话138-****-5678'],
    ['全角１３８１２３４５６７８', '全角１３８****５６７８'],
    ['座机0536-5551234', '座机053*-***1234'],
    ['身份证370783198001011234', '身份证370***********1234'],
    ['身份证号37078319800101123X，', '身份证号370***********123X，'],
    ['老身份证370783800101123', '老身份证370********1123'],
    ['工资卡6222 0212 3456 7890 123', '工资卡622* **** **** ***0 123'],
    ['卡号6222021234567890', '卡号622*********7890'],
    ['3 13812345678', '3 138****5678'],
    ['欠薪3000元，2026-12-07到期，共12户', '欠薪3000元，2026-12-07到期，共12户'],
    ['工单SG202612070001234已转', '工单SG202612070001234已转'],
    ['2026年12月7日上午10点', '2026年12月7日上午10点'],
    ['邮编262735', '邮编262735'],
    ['12345热线', '12345热线'],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.equal(maskNumbersInText(input), expected, input);
});
