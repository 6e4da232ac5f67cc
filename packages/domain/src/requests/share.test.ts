import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestShare } from './share';

// A matter as the requester's page has it: with its text, place, name and phone, none of which may be shared.
const matter = {
  confidential: false,
  categoryLabel: '环境卫生',
  unitName: '北孙村',
  stateLabel: '办理中',
  createdAt: new Date('2026-11-24T01:30:00Z'),
  description: '王大爷家门口垃圾堆了三天',
  addressNote: '村东头大桥边 12 号',
  requesterName: '王秀英',
  contactPhone: '13912340007',
};

test('a matter is shared by its kind, village, state and time only', () => {
  const share = requestShare(matter);
  assert.deepEqual(share, {
    title: '北孙村：环境卫生的事，办理中',
    text: '网格通 · 有事找网格\n北孙村反映的环境卫生问题\n进展：办理中\n反映时间：11月24日 09:30',
  });
});

test('nothing personal ever reaches the share', () => {
  const share = requestShare(matter);
  assert.ok(share);
  for (const personal of [matter.description, matter.addressNote, matter.requesterName, matter.contactPhone, '王', '12 号', '1391234']) {
    assert.ok(!share.title.includes(personal) && !share.text.includes(personal), personal);
  }
});

test('a confidential (保密) matter is not shared at all, whatever its state', () => {
  for (const stateLabel of ['待联系', '办理中', '已办结', '已关闭']) {
    assert.equal(requestShare({ ...matter, confidential: true, stateLabel }), null, stateLabel);
  }
});
