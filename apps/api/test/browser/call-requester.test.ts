import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { catchDialling, dialledNumbers } from '../support/dialling';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '郑桂芳', phone: '13912340707' };
const TEXT = '门口的下水道堵了三天，污水漫到路上，老人出门不方便。';

/**
 * 打电话 on the H5 build in Chromium (#16, #17): the grid leader's page shows the requester's
 * number masked only; tapping 打电话 makes the audited 拨打 call (a phone_view_log row for this
 * leader, this villager and this matter) and hands the full number to the dialer as a tel: link,
 * without ever putting it on the page; the form to record the contact opens after.
 */
describe('打电话 in the H5 app: 拨打, then the dialer', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  let leader: SeededPerson;
  let largeGridHead: SeededPerson;
  let villagerId: number;
  let requestId: number;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    // The head of the leader's large grid (its code is the small grid's less its last part).
    largeGridHead = await personWithRole(dataSource, 'large_grid_head', leader.unitCode.split('-').slice(0, -1).join('-'));
    villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    const submitted = await call(under.api.baseUrl, 'POST', '/api/requests', {
      token: await demoToken(under.api.baseUrl, villagerId),
      body: { clientRequestId: randomBytes(8).toString('hex'), category: 'environment', description: TEXT, contactPhone: VILLAGER.phone },
    });
    expect(submitted.status).toBe(201);
    requestId = submitted.body.id;
  });

  it('a grid leader taps 打电话: the call is logged and dialled, the full number never shown', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await catchDialling(page);
    await button(page, '待办', '.home-inbox').click();
    await current(page)
      .locator('.req-row')
      .filter({ hasText: TEXT.slice(0, 12) })
      .click();
    const handling = current(page);
    await handling.getByText('电话：139****0707').waitFor({ timeout: 15_000 });
    await handling.getByText('反映人：郑**').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(VILLAGER.phone);

    const calling = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/requests/${requestId}/call`);
    await button(page, /^打电话$/, '.handle-call').click();
    expect((await calling).status()).toBe(200);
    expect(await dialledNumbers(page)).toEqual([`tel:${VILLAGER.phone}`]);

    const logged = await under.api.app
      .get(DataSource)
      .query('SELECT viewerPersonId AS "viewer", requestId AS "requestId" FROM phone_view_log WHERE subjectPersonId = ?', [villagerId]);
    expect(logged.map((r: { viewer: number; requestId: number }) => [Number(r.viewer), Number(r.requestId)])).toEqual([[leader.personId, requestId]]);

    // Then the contact is recorded as a call; the number stays off the page.
    await handling.locator('.accept-form .contact-method.chip--on').filter({ hasText: '电话联系' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(VILLAGER.phone);
    expect(pageErrors).toEqual([]);
  });

  it('so does a supervisor from the staff page: the large-grid head taps 打电话', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, largeGridHead);
    await catchDialling(page);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${requestId}`);
    const staffPage = current(page);
    await staffPage.getByText('电话：139****0707').waitFor({ timeout: 15_000 });
    expect(await page.locator('body').innerText()).not.toContain(VILLAGER.phone);

    const calling = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/requests/${requestId}/call`);
    await button(page, /^打电话$/, '.staff-call').click();
    expect((await calling).status()).toBe(200);
    expect(await dialledNumbers(page)).toEqual([`tel:${VILLAGER.phone}`]);
    const logged = await under.api.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM phone_view_log WHERE viewerPersonId = ? AND subjectPersonId = ? AND requestId = ?', [
        largeGridHead.personId,
        villagerId,
        requestId,
      ]);
    expect(Number(logged[0].n)).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain(VILLAGER.phone);
    expect(pageErrors).toEqual([]);
  });
});
