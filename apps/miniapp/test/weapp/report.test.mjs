// 我要反映 in the real weapp build: a signed-in villager picks a category, writes what happened and
// taps 提交; the page sends one POST /api/requests with that body and opens the new matter.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootPage } from './harness.mjs';

let t;

after(() => t?.close());

const BEISUN = { id: 31, name: '北孙村', kind: 'village' };
const me = {
  id: 7,
  name: '李秀英',
  phoneMasked: '138****5678',
  roles: [{ role: 'villager', roleLabel: '群众', unit: BEISUN }],
  homeUnit: BEISUN,
};

test('a villager fills in 我要反映 and submits: one request with what she entered, then her matter opens', async () => {
  const submitted = [];
  t = await bootPage('subpackages/villager/report/index', {
    storage: { 'gridloop.session': { accessToken: 'access-1', refreshToken: 'refresh-1', me } },
    api: {
      'GET /api/me': () => ({ status: 200, body: me }),
      'POST /api/requests': (request) => {
        submitted.push(request);
        return { status: 201, body: { id: 501, state: 'submitted', category: request.body.category, description: request.body.description } };
      },
    },
  });

  // The form, where it goes (her home village) and the categories.
  await t.until(() => t.byText('提交').length === 1, 'the 提交 button');
  assert.equal(t.one('北孙村').tagName, 'WX-TEXT');
  for (const label of ['环境卫生', '基础设施', '矛盾纠纷', '劳动保障', '安全隐患', '民生保障', '其他']) t.one(label);
  assert.deepEqual(t.byClass('chip--on'), [], 'no category chosen yet');

  // Submitting an empty form is refused on the phone, with the reasons, and sends nothing.
  await t.tap(t.one('提交'));
  await t.until(() => t.byText('请选择是哪一类事情').length === 1, 'the missing category message');
  t.one('请说一说是什么事（写字，或者按住下面的按钮说话）');
  assert.equal(submitted.length, 0);
  // Speaking instead of typing is offered under the text.
  t.one('按住 说话（不想打字，可以说给网格员听）');

  // No phone field before the privacy card's 同意 (WeChat's own agreement); then there is one.
  t.one('关于您的手机号');
  const inputsBefore = t.dom.querySelectorAll('wx-input').length;
  await t.tap(t.one('同意，填写手机号'));
  await t.until(() => t.byText('关于您的手机号').length === 0, 'the privacy card to go once agreed');
  await t.until(() => t.dom.querySelectorAll('wx-input').length === inputsBefore + 1, 'the phone field');

  // Choose a category: its chip turns on and its message goes.
  await t.tap(t.one('矛盾纠纷'));
  const chosen = () => t.byClass('chip--on').map((chip) => chip.textContent);
  await t.until(() => chosen().length > 0, 'the chosen chip');
  assert.deepEqual(chosen(), ['矛盾纠纷']);
  await t.until(() => t.byText('请选择是哪一类事情').length === 0, 'the category message to go');

  // Type what happened: the counter follows, and the draft is kept on the phone.
  const textarea = t.dom.querySelector('wx-textarea');
  assert.ok(textarea, 'a textarea for 什么事');
  const what = '邻居家的狗总在夜里叫，和他说了也不管';
  await t.type(textarea, what);
  await t.until(() => t.byText(`${what.length}/2000`).length === 1, 'the counter');
  assert.equal(t.storage.get('gridloop.report-draft.7')?.description, what);

  await t.tap(t.one('提交'));
  await t.until(() => t.navigations.length > 0, 'the page to open the new matter');

  assert.equal(submitted.length, 1, 'one request sent');
  const [sent] = submitted;
  assert.equal(sent.header.Authorization ?? sent.header.authorization, 'Bearer access-1');
  const { clientRequestId, ...body } = sent.body;
  assert.match(clientRequestId, /\S{8,}/);
  assert.deepEqual(body, { category: 'dispute', description: what, unitId: 31, confidential: false });
  assert.deepEqual(t.navigations, [{ kind: 'redirectTo', url: '/subpackages/villager/request/index?id=501&submitted=1' }]);
  assert.equal(t.storage.has('gridloop.report-draft.7'), false, 'the draft is gone once the API answered');
  assert.deepEqual(t.unexpected, []);
  // Every node has a WXML template, NutUI's icons (an HTML <i>, drawn through @tarojs/plugin-html) too:
  // here the 提交 button's loading spinner.
  assert.deepEqual(t.undrawn(), [], 'every node is drawn in WeChat');
});
