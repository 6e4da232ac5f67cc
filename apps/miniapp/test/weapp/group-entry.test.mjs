// Opened from a card in a village's WeChat group (scene 1044 with a shareTicket), in the real
// weapp build: signed in silently (wx.login → wechatLogin), then a fresh login code and the
// group's encrypted id (wx.getGroupEnterInfo) go to resolveGroup, and home says which village
// this is.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const VILLAGE = { id: 17, name: '北孙村', kind: 'village' };
const me = { id: 44, name: '微信用户', phoneMasked: null, roles: [], homeUnit: null };
const GROUP = { encryptedData: 'c2VhbGVkLWdyb3VwLWlk', iv: 'aXYtMTY' };
let t;

after(() => t?.close());

test('a card opened in a bound group: silent sign-in, the group resolved with a fresh code, 「您在：北孙村」', async () => {
  t = await bootPage('pages/index/index', {
    launch: { scene: 1044, shareTicket: 'share-ticket-1' },
    groupEnterInfo: GROUP,
    api: {
      'POST /api/auth/wechat-login': () => ({ status: 200, body: { accessToken: 'access-44', refreshToken: 'refresh-44', expiresIn: 900, me } }),
      'POST /api/groups/resolve': () => ({ status: 200, body: { bound: true, unit: VILLAGE, groupTicket: null } }),
      'GET /api/me': () => ({ status: 200, body: { ...me, homeUnit: VILLAGE } }),
      'GET /api/health': () => ({ status: 200, body: { status: 'ok' } }),
      'GET /api/me/notifications': () => ({ status: 200, body: { items: [], unreadCount: 0, nextBefore: null } }),
    },
  });
  await t.until(() => t.byText('您在：北孙村').length === 1, 'the village on home');
  await t.until(() => t.requests.some((r) => r.path === '/api/me'), 'who I am read again');
  const resolve = t.requests.find((r) => r.path === '/api/groups/resolve');
  // The first code signed in; the group is read after a second login, whose code goes with it.
  assert.deepEqual(t.loginCodes, ['wx-code-1', 'wx-code-2']);
  assert.deepEqual(t.requests.find((r) => r.path === '/api/auth/wechat-login').body, { code: 'wx-code-1' });
  assert.deepEqual(resolve.body, { code: 'wx-code-2', ...GROUP });
  assert.equal(resolve.header.Authorization ?? resolve.header.authorization, 'Bearer access-44');
  assert.equal(t.storage.get('gridloop.session')?.accessToken, 'access-44');
  // Only after the group placed the villager there does the app read who they are again (a read
  // before it could answer last, without the home).
  assert.ok(t.requests.findIndex((r) => r.path === '/api/me') > t.requests.indexOf(resolve), 'no /api/me before the group is resolved');
  assert.deepEqual(t.unexpected, []);
});

test('every node of home opened from a group is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
