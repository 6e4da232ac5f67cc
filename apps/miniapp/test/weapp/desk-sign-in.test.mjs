// 扫码登录's confirm page in the real weapp build: WeChat opens it with the ticket as `scene` (URL-encoded
// in the query, as a mini-program code passes it); it asks 「在电脑上登录网格通？」 with the browser and
// time, and 确认登录 calls the API with the phone's session.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const me = {
  id: 12,
  name: '王秀兰',
  phoneMasked: '139****0219',
  roles: [{ role: 'hotline_staff', roleLabel: '热线办工作人员', unit: { id: 3, name: '热线办', kind: 'department' } }],
  homeUnit: null,
};
const SCENE = 'Xq3v9Lr2mPa7Tn0wYb5cKd';
const ticket = { browser: '电脑上的谷歌浏览器', createdAt: '2026-12-07T02:15:00.000Z', expiresAt: '2026-12-07T02:17:00.000Z' };
let t;

after(() => t?.close());

test('asks 在电脑上登录网格通？ with the browser and time; 确认登录 confirms with the phone’s session', async () => {
  t = await bootPage('pages/desk-sign-in/index', {
    query: { scene: encodeURIComponent(SCENE) },
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me } },
    api: {
      [`GET /api/desk-tickets/${SCENE}`]: () => ({ status: 200, body: ticket }),
      [`POST /api/desk-tickets/${SCENE}/confirm`]: () => ({ status: 204, body: null }),
    },
  });
  await t.until(() => t.byText('电脑上的谷歌浏览器').length === 1, 'the browser');
  assert.equal(t.byText('在电脑上登录网格通？').length, 1);
  assert.equal(t.byText('12月7日 10:15 请求登录').length, 1);
  await t.tap(t.one('确认登录'));
  await t.until(() => t.byText('已确认，电脑上马上就能用了').length === 1, 'the confirmation');
  const confirm = t.requests.filter((r) => r.path === `/api/desk-tickets/${SCENE}/confirm`);
  assert.equal(confirm.length, 1);
  assert.equal(confirm[0].header.authorization ?? confirm[0].header.Authorization, 'Bearer access-12');
  assert.deepEqual(t.unexpected, []);
});

test('every node of the confirm page is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
