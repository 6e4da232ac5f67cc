// Right after submitting, in the real weapp build: the villager's new matter asks, from a tap,
// for WeChat's subscribe messages of a requester (受理, 办结, 回看); WeChat's sheet is shown with
// the configured templates, and the ones she accepted are told to the API.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

const BEISUN = { id: 31, name: '北孙村', kind: 'village' };
const me = { id: 7, name: '李秀英', phoneMasked: '138****5678', roles: [{ role: 'villager', roleLabel: '群众', unit: BEISUN }], homeUnit: BEISUN };
const matter = {
  id: 501,
  state: 'submitted',
  stateLabel: '待联系',
  version: 1,
  source: 'villager',
  category: 'dispute',
  dutyType: null,
  description: '邻居家的狗总在夜里叫，和他说了也不管',
  addressNote: null,
  contactPhone: '13812345678',
  requesterName: '李秀英',
  confidential: false,
  unitId: 31,
  handlerUnitId: 205,
  complexity: null,
  contactDueAt: '2026-12-03T03:00:00.000Z',
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
  actions: ['withdraw'],
  resultNote: null,
  unitName: '北孙村',
  handlerUnitName: '北孙村第三网格',
  createdAt: '2026-12-03T02:00:00.000Z',
  voiceNote: null,
  timeline: [
    { id: 9001, action: 'submit', actorName: '李秀英', toState: 'submitted', note: null, public: true, photos: [], createdAt: '2026-12-03T02:00:00.000Z' },
  ],
};
const templates = [
  { kind: 'accepted', templateId: 'TPL-ACCEPTED', title: '诉求受理通知' },
  { kind: 'resolved', templateId: 'TPL-RESOLVED', title: '诉求办结通知' },
  { kind: 'assigned', templateId: 'TPL-ASSIGNED', title: '新诉求提醒' },
];

let t;
after(() => t?.close());

test("after submitting, 接收微信提醒 shows WeChat's sheet with the requester's templates and records what she accepted", async () => {
  const recorded = [];
  t = await bootPage('subpackages/villager/request/index', {
    query: { id: '501', submitted: '1' },
    storage: { 'gridloop.session': { accessToken: 'access-7', refreshToken: 'refresh-7', me } },
    subscribeAnswers: { 'TPL-ACCEPTED': 'accept', 'TPL-RESOLVED': 'reject' },
    api: {
      'GET /api/requests/501': () => ({ status: 200, body: matter }),
      'GET /api/me/subscriptions': () => ({ status: 200, body: { templates, grants: [] } }),
      'POST /api/me/subscriptions': (request) => {
        recorded.push(request.body);
        return { status: 200, body: { templates, grants: [{ templateId: 'TPL-ACCEPTED', remaining: 1 }] } };
      },
    },
  });
  await t.until(() => t.byText('提交成功！网格员会尽快和您联系。').length === 1, 'the submitted notice');
  await t.until(() => t.byText('接收微信提醒').length === 1, 'the subscribe prompt');
  t.one('想在微信里收到办理进度吗？受理、办好了都会提醒您。');

  await t.tap(t.one('接收微信提醒'));
  await t.until(() => recorded.length === 1, 'the accepted template told to the API');
  // A requester's kinds only (not a handler's 新诉求提醒), in one sheet.
  assert.deepEqual(t.subscribeCalls, [['TPL-ACCEPTED', 'TPL-RESOLVED']]);
  assert.deepEqual(recorded, [{ accepted: ['TPL-ACCEPTED'] }]);
  await t.until(() => t.byText('好的。有新进展，微信会提醒您；消息中心里也都能看到。').length === 1, 'the thanks once the API answered');
  assert.deepEqual(t.unexpected, []);
  assert.deepEqual(t.undrawn(), []);
});
