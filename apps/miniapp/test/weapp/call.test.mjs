// 打电话 in the real weapp build (#16, #17): the handling page shows the requester masked; a tap
// makes the audited 拨打 call and hands its number to WeChat's dialer (wx.makePhoneCall), never
// to the page; the form to record the contact opens after.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const GRID = { id: 205, name: '北孙村第三网格', kind: 'small_grid' };
const me = { id: 12, name: '王建国', phoneMasked: '139****0012', roles: [{ role: 'grid_leader', roleLabel: '网格巷长', unit: GRID }], homeUnit: null };
const FULL = '13912340707';
const now = Date.now();

/** The matter as GET /api/requests/10 answers the grid leader (RequestDto): masked, with canCall. */
const request = {
  id: 10,
  state: 'submitted',
  stateLabel: '待联系',
  version: 1,
  source: 'villager',
  category: 'environment',
  dutyType: null,
  description: '门口的下水道堵了三天',
  addressNote: null,
  contactPhone: '139****0707',
  requesterName: '郑**',
  canCall: true,
  confidential: false,
  unitId: GRID.id,
  handlerUnitId: GRID.id,
  complexity: null,
  contactDueAt: new Date(now + 50 * 60_000).toISOString(),
  completionDueAt: null,
  contactLate: false,
  completionLate: false,
  rating: null,
  hearts: 0,
  rehandleCount: 0,
  hotlineOrderNo: null,
  cityDueAt: null,
  transferRequested: false,
  escalationRung: 0,
  supervised: false,
  mergedIntoId: null,
  enteredForRequester: false,
  actions: ['accept'],
  resultNote: null,
  unitName: GRID.name,
  handlerUnitName: GRID.name,
  createdAt: new Date(now - 10 * 60_000).toISOString(),
  enteredByName: null,
  timeline: [
    {
      id: 1,
      action: 'submit',
      actorName: '郑**',
      toState: 'submitted',
      note: null,
      public: true,
      photos: [],
      createdAt: new Date(now - 10 * 60_000).toISOString(),
    },
  ],
  voiceNote: null,
};

let t;

after(() => t?.close());

test('打电话 asks 拨打 for the number and hands it to wx.makePhoneCall; the page never shows it', async () => {
  t = await bootPage('subpackages/handler/request/index', {
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me } },
    query: { id: '10' },
    api: {
      'GET /api/requests/10': () => ({ status: 200, body: request }),
      'POST /api/requests/10/call': () => ({ status: 200, body: { phone: FULL } }),
      'GET /api/requests/10/duplicates': () => ({ status: 200, body: [] }),
    },
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
