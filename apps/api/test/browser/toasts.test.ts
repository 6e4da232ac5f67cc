import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '钱秀兰', phone: '13912340818' };
const TEXT = '村委会门前的路灯坏了好几天，晚上看不清路。';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Toasts (#17): the message after an action must not sit on the buttons a person taps next. The
 * grid leader records the contact; 「已受理，开始计时办结」 shows while 记录跟进, 办结 and 申请转办
 * are on the screen, and covers none of them.
 */
describe('a toast covers no button', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  let leader: SeededPerson;
  let requestId: number;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    const villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    const submitted = await call(under.api.baseUrl, 'POST', '/api/requests', {
      token: await demoToken(under.api.baseUrl, villagerId),
      body: { clientRequestId: randomBytes(8).toString('hex'), category: 'infrastructure', description: TEXT, contactPhone: VILLAGER.phone },
    });
    expect(submitted.status).toBe(201);
    requestId = submitted.body.id;
  });

  it('after 确认受理 the toast is clear of every button on the screen', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${requestId}`);
    const handling = current(page);
    await button(page, '已联系，记录受理', '.handle-accept').click();
    await button(page, '确认受理', '.action-confirm').click();
    const toast = page.locator('.nut-toast-inner').filter({ hasText: '已受理，开始计时办结' });
    await toast.waitFor({ timeout: 15_000 });
    await handling.locator('.handle-resolve').waitFor();

    const toastBox = (await toast.boundingBox())!;
    const buttons = await handling.locator('.nut-button:visible').all();
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const each of buttons) {
      const box = await each.boundingBox();
      if (box) expect({ button: await each.innerText(), covered: overlap(toastBox, box) }).toEqual({ button: await each.innerText(), covered: false });
    }
    expect(pageErrors).toEqual([]);
  });
});
