// 我的网格成绩 in the real weapp build: this month's card of the grid leader's small grid and its
// last six months as bars (plain views with a width in percent), from the public board's API.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const GRID = { id: 205, name: '北孙村第三网格', kind: 'small_grid' };
const me = { id: 12, name: '王建国', phoneMasked: '139****0012', roles: [{ role: 'grid_leader', roleLabel: '网格巷长', unit: GRID }], homeUnit: null };

/** Six months, oldest first: no data in the first, then scores rising to 92.5 this month. */
const composites = [null, 0.6, 0.7, 0.75, 0.8, 0.925];
const monthLabels = (() => {
  const china = new Date(Date.now() + 8 * 3600_000);
  return composites.map((_, i) => {
    const d = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 5 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
})();

function rankingRow() {
  const zero = {
    received: 8,
    contactedOnTime: 8,
    resolved: 7,
    withdrawn: 0,
    closedOnTime: 7,
    closedLate: 0,
    openOverdue: 0,
    satisfied: 5,
    basicallySatisfied: 1,
    dissatisfied: 0,
    rehandled: 0,
    patrolFound: 3,
  };
  return {
    rank: 2,
    unitId: GRID.id,
    unitName: GRID.name,
    leaderName: '王建国',
    ...zero,
    hearts: 11,
    responseRate: 1,
    onTimeRate: 1,
    resolutionRate: 0.875,
    satisfactionRate: 0.98,
    rehandleRate: 0,
    composite: 0.925,
    compositeMonthOnMonth: 0.156,
    compositeYearOnYear: null,
  };
}

let t;

after(() => t?.close());

test('the grid leader sees this month and a bar a month for the last six', async () => {
  t = await bootPage('subpackages/handler/my-grid/index', {
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me } },
    api: {
      'GET /api/public/towns': () => ({ status: 200, body: [{ id: 2, name: '台头镇' }] }),
      'GET /api/public/reports/ranking': () => ({ status: 200, body: { month: monthLabels[5], level: 'small_grid', rows: [rankingRow()] } }),
      'GET /api/public/reports/unit-history': () => ({
        status: 200,
        body: {
          unitId: GRID.id,
          unitName: GRID.name,
          level: 'small_grid',
          months: composites.map((composite, i) => ({
            month: monthLabels[i],
            rank: composite === null ? null : 6 - i,
            rankedCount: 662,
            composite,
            satisfactionRate: composite,
            hearts: composite === null ? 0 : 2 * i,
            received: i,
            resolved: i,
            patrolFound: 0,
          })),
        },
      }),
    },
  });
  await t.until(() => t.byText('近6个月综合得分').length === 1, 'the trend');
  assert.equal(t.byClass('my-grid-big')[0]?.textContent, '第2名'); // the board's own words (placeText); the trend has a 第2名 too
  t.one('全镇 662 个排名的小网格'); // as the history counts them for this month
  const rows = t.byClass('my-grid-trend-row');
  assert.equal(rows.length, 6);
  const cells = rows.map((row) => ['month', 'score', 'rank', 'hearts'].map((part) => row.querySelector(`[class$="my-grid-trend-${part}"]`)?.textContent));
  assert.deepEqual(cells[0], [`${Number(monthLabels[0].slice(5))}月`, '—', '无成绩', '❤0']);
  assert.deepEqual(cells[5], [`${Number(monthLabels[5].slice(5))}月`, '92.5', '第1名', '❤10']);
  const widths = rows.map((row) => row.querySelector('[class$="my-grid-trend-bar"]')?.getAttribute('style'));
  assert.deepEqual(
    widths.map((style) => /width: ?(\d+)%/.exec(style ?? '')?.[1]),
    ['0', '60', '70', '75', '80', '93'],
  );
  const history = t.requests.find((r) => r.path === '/api/public/reports/unit-history');
  assert.deepEqual([history.query.get('townId'), history.query.get('unitId'), history.query.get('month')], ['2', String(GRID.id), monthLabels[5]]);
  assert.deepEqual(t.unexpected, []);
});

test('every node of 我的网格成绩 is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
