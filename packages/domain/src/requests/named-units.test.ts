import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unitsNamedIn } from './named-units';

const units = [
  { id: 1, name: '北孙村' },
  { id: 2, name: '北孙村东片' },
  { id: 3, name: '南孙村' },
  { id: 4, name: '农业农村办' },
  { id: 5, name: '村' },
];

describe('unitsNamedIn: the units a 12345 order names', () => {
  const cases: [string, string, number[]][] = [
    ['one village', '北孙村南头的排水沟堵了，下雨就漫到路上。', [1]],
    ['none', '路灯不亮了', []],
    ['the longer name wins; the shorter inside it is not counted again', '北孙村东片的路灯坏了', [2]],
    ['both when each stands on its own', '北孙村东片和北孙村西头的路灯坏了', [2, 1]],
    ['two villages, longest first then by order in the list', '南孙村和北孙村之间的桥', [1, 3]],
    ['a department', '请农业农村办看看麦苗', [4]],
    ['a one-character name never matches', '村里的事', []],
  ];
  for (const [what, text, ids] of cases) {
    it(what, () =>
      assert.deepEqual(
        unitsNamedIn(text, units).map((u) => u.id),
        ids,
      ),
    );
  }
});
