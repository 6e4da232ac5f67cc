// A patrol finding (未诉先办) in the real weapp build (#17): nobody raised it, so the handling page
// shows 「巡查发现」, not the leader himself as 反映人, and offers no 打电话 (no wx.makePhoneCall to
// his own number).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const GRID = { id: 205, name: '北孙村第三网格', kind: 'small_grid' };
const me = { id: 12, name: '王建国', phoneMasked: '139****0012', roles: [{ role: 'grid_leader', roleLabel: '网格巷长', unit: GRID }], homeUnit: null };
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

test('a patrol finding: 「巡查发现」, no 反映人 and no 打电话', async () => {
  const patrol = { ...request, source: 'patrol', requesterName: '王建国', contactPhone: '139****0012' };
  t = await bootPage('subpackages/handler/request/index', {
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me } },
    query: { id: '10' },
    api: {
      'GET /api/requests/10': () => ({ status: 200, body: patrol }),
      'GET /api/requests/10/duplicates': () => ({ status: 200, body: [] }),
    },
  });
  await t.until(() => t.byText('巡查发现').length === 1, 'the patrol line');
  assert.ok(!t.pageText().includes('反映人'));
  assert.equal(t.byText('打电话').length, 0);
  assert.ok(t.byText('已联系，记录受理').length === 1);
  assert.deepEqual(t.phoneCalls, []);
  assert.deepEqual(t.unexpected, []);
});
