// The home page (main package) of the real weapp build, signed in as a grid leader: the greeting,
// the entries his roles open (and not the supervisors'), the unread badge, the service state,
// and a tap on 待办 opening the inbox.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const GRID = { id: 205, name: '北孙村第三网格', kind: 'small_grid' };
const me = {
  id: 12,
  name: '王建国',
  phoneMasked: '139****0012',
  roles: [{ role: 'grid_leader', roleLabel: '网格巷长', unit: GRID }],
  homeUnit: { id: 31, name: '北孙村', kind: 'village' },
};

let t;

after(() => t?.close());

test("a grid leader sees his greeting, his work counts, his entries and not the supervisors', the unread badge and the service state", async () => {
  t = await bootPage('pages/index/index', {
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me } },
    api: {
      'GET /api/health': () => ({ status: 200, body: { status: 'ok' } }),
      'GET /api/me': () => ({ status: 200, body: me }),
      'GET /api/me/notifications': () => ({ status: 200, body: { items: [], unreadCount: 3, nextBefore: null } }),
      'GET /api/me/work': () => ({ status: 200, body: { handling: 5, dueSoon: 2, overdue: 1, dispatch: null, lookBack: null, supervision: null } }),
    },
  });
  await t.until(() => t.byText('服务正常').length === 1, 'the service state');
  t.one('王建国，您好');
  t.one('网格巷长 · 北孙村第三网格');
  t.one('所在村：北孙村');
  for (const entry of ['我要反映', '红心榜 · 办理成绩晾晒', '我的诉求', '待办', '未诉先办', '代办', '消息中心', '我的']) t.one(entry);
  for (const entry of ['待派单', '待回看', '超时督办', '登录']) assert.equal(t.byText(entry).length, 0, `${entry} is not offered to a grid leader`);
  // His work leads: 待办 with its count, and how many of them are about to run out or already have.
  await t.until(() => t.byText('即将超时 2 件').length === 1, 'the due-soon count');
  t.one('已超时 1 件');
  t.one('5');
  await t.until(() => t.byClass('home-badge').length === 1, 'the unread badge');
  await t.until(() => t.byClass('home-badge')[0]?.textContent === '3', 'the badge to read 3');
  assert.deepEqual(t.unexpected, []);
});

test('a tap on 待办 opens the inbox', async () => {
  await t.tap(t.one('待办'));
  await t.until(() => t.navigations.length > 0, 'a navigation');
  assert.deepEqual(t.navigations, [{ kind: 'navigateTo', url: '/subpackages/handler/inbox/index' }]);
});

test('every node of the home page is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
