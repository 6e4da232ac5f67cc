// 红心榜 in the real weapp build, signed in as a villager (issue 17): the board opens on her own
// town (getUnitTown of her home grid, though the county has two towns) and on 小网格 with her grid
// first, opened, without asking her to pick a town.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const GRID = { id: 205, name: '北孙村东片第3网格', kind: 'small_grid' };
const TOWN = { id: 2, name: '台头镇', kind: 'town' };
const me = { id: 31, name: '李秀英', phoneMasked: '139****0007', roles: [{ role: 'villager', roleLabel: '村民', unit: GRID }], homeUnit: GRID };

function row(unitId, unitName, rank, composite) {
  return {
    rank,
    tied: false,
    unrankedReason: composite === null ? 'no_data' : null,
    unitId,
    unitName,
    leaderName: '王建国',
    received: composite === null ? 0 : 4,
    contactedOnTime: 4,
    contactPending: 0,
    resolved: 4,
    withdrawn: 0,
    closedOnTime: 4,
    closedLate: 0,
    openOverdue: 0,
    satisfied: composite === null ? 0 : 3,
    basicallySatisfied: 0,
    dissatisfied: 0,
    rehandled: 0,
    patrolFound: 0,
    excluded: 0,
    hearts: composite === null ? 0 : 6,
    responseRate: composite,
    onTimeRate: composite,
    resolutionRate: composite,
    satisfactionRate: composite,
    rehandleRate: composite === null ? null : 0,
    composite,
    compositeMonthOnMonth: null,
    compositeYearOnYear: null,
  };
}

let t;

after(() => t?.close());

test('a villager starts on her own town and her grid, opened', async () => {
  t = await bootPage('subpackages/board/ranking/index', {
    storage: { 'gridloop.session': { accessToken: 'access-31', refreshToken: 'refresh-31', me } },
    api: {
      'GET /api/public/towns': () => ({
        status: 200,
        body: [
          { ...TOWN, code: 'SG-TT' },
          { id: 700, name: '示范镇', code: 'SG-SF' },
        ],
      }),
      [`GET /api/public/units/${GRID.id}/town`]: () => ({ status: 200, body: TOWN }),
      'GET /api/public/reports/ranking': () => ({
        status: 200,
        body: { month: '2026-12', level: 'small_grid', minReceived: 3, rows: [row(300, '南兵村第1网格', 1, 1), row(GRID.id, GRID.name, null, null)] },
      }),
    },
  });
  await t.until(() => t.byText('我所在的小网格').length === 1, 'her own grid first');
  assert.equal(t.byText('请选择您所在的镇').length, 0);
  assert.equal(t.byClass('board-title')[0]?.textContent, `${TOWN.name} · 办理成绩晾晒`);
  const mine = t.byClass('board-mine')[0];
  assert.equal(mine?.querySelector('[class$="board-unit-name"]')?.textContent, GRID.name);
  // Opened at once: the rates without a tap (暂无数据: her grid has none this month).
  assert.ok(mine?.querySelector('[class~="board-details"], [class$="board-details"]'), 'her grid opened');
  const ranking = t.requests.find((r) => r.path === '/api/public/reports/ranking');
  assert.deepEqual([ranking.query.get('townId'), ranking.query.get('level')], [String(TOWN.id), 'small_grid']);
  assert.deepEqual(t.unexpected, []);
});

test('every node of 红心榜 is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
