// 微信一键登录 in the real weapp build: wx.login's code goes to the API (wechatLogin), the session it
// answers is kept on the phone, and the app starts over at home.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const me = { id: 31, name: '微信用户', phoneMasked: null, roles: [], homeUnit: null };
let t;

after(() => t?.close());

test('the code from wx.login is traded for a session, which the phone keeps; then home', async () => {
  t = await bootPage('subpackages/account/sign-in/index', {
    api: {
      // The API runs without the demo login: only WeChat's sign-in is offered.
      'GET /api/auth/demo-people': () => ({ status: 404, body: { code: 'NOT_FOUND', message: '没有找到', requestId: 'fake' } }),
      'POST /api/auth/wechat-login': (request) =>
        request.body?.code === 'wx-code-1'
          ? { status: 200, body: { accessToken: 'access-31', refreshToken: 'refresh-31', expiresIn: 900, me } }
          : { status: 400, body: { code: 'WECHAT_CODE_INVALID', message: '登录已过期，请重试', requestId: 'fake' } },
    },
  });
  await t.until(() => t.byText('微信一键登录').length === 1, 'the WeChat button');
  assert.equal(t.byText('演示模式').length, 0);
  await t.tap(t.one('微信一键登录'));
  await t.until(() => t.navigations.length > 0, 'the way home');
  assert.deepEqual(t.loginCodes, ['wx-code-1']);
  const login = t.requests.filter((r) => r.path === '/api/auth/wechat-login');
  assert.deepEqual(
    login.map((r) => r.body),
    [{ code: 'wx-code-1' }],
  );
  assert.equal(t.storage.get('gridloop.session')?.accessToken, 'access-31');
  assert.equal(t.storage.get('gridloop.session')?.refreshToken, 'refresh-31');
  assert.deepEqual(t.navigations, [{ kind: 'reLaunch', url: '/pages/index/index' }]);
  assert.deepEqual(t.unexpected, []);
});

test('every node of the sign-in page is drawn in WeChat', () => {
  assert.deepEqual(t.undrawn(), []);
});
