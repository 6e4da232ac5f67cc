// A patrol finding (未诉先办) in the real weapp build (#17): nobody raised it, so the handling page
// shows 「巡查发现」, not the leader himself as 反映人, and offers no 打电话 (no wx.makePhoneCall to
// his own number).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { matter, openHandlingPage } from './handling-page.fixture.mjs';

let t;

after(() => t?.close());

test('a patrol finding: 「巡查发现」, no 反映人 and no 打电话', async () => {
  const patrol = { ...matter, source: 'patrol', requesterName: '王*', contactPhone: '139****0012', canCall: false }; // as the API answers it (hasRequester)
  t = await openHandlingPage(patrol);
  await t.until(() => t.byText('巡查发现').length === 1, 'the patrol line');
  assert.ok(!t.pageText().includes('反映人'));
  assert.equal(t.byText('打电话').length, 0);
  assert.ok(t.byText('已联系，记录受理').length === 1);
  assert.deepEqual(t.phoneCalls, []);
  assert.deepEqual(t.unexpected, []);
});
