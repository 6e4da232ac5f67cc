// 打电话 in the real weapp build (#16, #17): the handling page shows the requester masked; a tap
// makes the audited 拨打 call and hands its number to WeChat's dialer (wx.makePhoneCall), never
// to the page; the form to record the contact opens after.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { matter, openHandlingPage } from './handling-page.fixture.mjs';

const FULL = '13912340707';

let t;

after(() => t?.close());

test('打电话 asks 拨打 for the number and hands it to wx.makePhoneCall; the page never shows it', async () => {
  t = await openHandlingPage(matter, {
    'POST /api/requests/10/call': () => ({ status: 200, body: { phone: FULL } }),
  });
  await t.until(() => t.byText('电话：139****0707').length === 1, 'the masked number');
  assert.ok(!t.pageText().includes(FULL));

  await t.tap(t.one('打电话'));
  await t.until(() => t.phoneCalls.length === 1, 'the dialer');
  assert.deepEqual(t.phoneCalls, [FULL]);
  assert.deepEqual(
    t.requests.filter((r) => r.method === 'POST').map((r) => r.path),
    ['/api/requests/10/call'],
  );
  await t.until(() => t.byText('记录联系并受理').length === 1, 'the form to record the contact');
  assert.ok(!t.pageText().includes(FULL));
  assert.deepEqual(t.unexpected, []);
});
