// 待办 in the real weapp build: a grid leader's inbox renders the rows of the API's answer in its
// order, with a live countdown (red 已超时 once overdue), and a tap opens the handling page.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const GRID = { id: 205, name: '北孙村第三网格', kind: 'small_grid' };
const me = { id: 12, name: '王建国', phoneMasked: '139****0012', roles: [{ role: 'grid_leader', roleLabel: '网格巷长', unit: GRID }], homeUnit: null };
const now = Date.now();
const MINUTE = 60_000;

/** A row as GET /api/requests/inbox answers it (RequestListItemDto). */
function row(id, description, contactDueInMinutes, extra = {}) {
  return {
    id,
    state: 'submitted',
    stateLabel: '待联系',
    version: 1,
    source: 'villager',
    category: 'environment',
    dutyType: null,
    description,
    addressNote: null,
    contactPhone: null,
    requesterName: '李秀英',
    confidential: false,
    unitId: 31,
    handlerUnitId: GRID.id,
    complexity: null,
    contactDueAt: new Date(now + contactDueInMinutes * MINUTE).toISOString(),
    completionDueAt: null,
    contactLate: false,
    completionLate: false,
    rating: null,
    hearts: 0,
    rehandleCount: 0,
    hotlineOrderNo: null,
    createdAt: new Date(now - 3 * 60 * MINUTE).toISOString(),
    transferRequested: false,
    actions: ['accept'],
    resultNote: null,
    readyAt: null,
    ...extra,
  };
}

let t;

after(() => t?.close());

test("the inbox shows the API's rows in its order, the overdue one red, the other counting down", async () => {
  t = await bootPage('subpackages/handler/inbox/index', {
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me } },
    api: {
      'GET /api/requests/inbox': () => ({
        status: 200,
        body: [row(9, '村口垃圾没人清', -121, { addressNote: '村口大槐树下' }), row(10, '路灯不亮', 40, { category: 'infrastructure' })],
      }),
      'GET /api/me/subscriptions': () => ({ status: 200, body: { templates: [], grants: [] } }),
    },
  });
  await t.until(() => t.byText('共 2 件，最急的在最上面').length === 1, 'the inbox count');
  const text = t.pageText();
  assert.ok(text.indexOf('村口垃圾没人清') < text.indexOf('路灯不亮'), "the API's order");
  t.one('地点：村口大槐树下');
  // Red once overdue: the countdown of the first row alone carries countdown--overdue.
  assert.deepEqual(
    t.byClass('countdown--overdue').map((el) => el.querySelector('[class$="countdown-text"]')?.textContent),
    ['已超时 2 小时'],
  );
  assert.deepEqual(t.byText('环境卫生').length + t.byText('基础设施').length, 2);

  // What is left of the 40 minutes, read against the clock now (a busy machine boots slowly).
  const countdown = () => t.byText(/^还剩 \d+ 分 \d+ 秒$/).map((el) => el.textContent);
  const [first] = countdown();
  const [, minutes, seconds] = /^还剩 (\d+) 分 (\d+) 秒$/.exec(first);
  const leftMs = now + 40 * MINUTE - Date.now();
  assert.ok(Math.abs((Number(minutes) * 60 + Number(seconds)) * 1000 - leftMs) < 3000, `${first} for ${leftMs} ms left`);
  await t.until(() => countdown()[0] !== first, 'the countdown to tick');
  assert.deepEqual(t.unexpected, []);
  assert.equal(t.requests.find((r) => r.path === '/api/requests/inbox').query.get('limit'), '50');
});

test('a tap on a row opens its handling page', async () => {
  await t.tap(t.one('路灯不亮'));
  await t.until(() => t.navigations.length > 0, 'a navigation');
  assert.deepEqual(t.navigations, [{ kind: 'navigateTo', url: '/subpackages/handler/request/index?id=10' }]);
});

test('every node of the inbox is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
