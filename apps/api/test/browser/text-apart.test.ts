import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Locator } from 'playwright-core';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { current, signInAs, usePhoneOnApp } from '../support/h5';
import { importOrder } from '../support/hotline';

const ORDER_NO = 'SG20261207UX0901';
const RESULT = '已用水泥把坑填平了';

/** The first line is wholly above the second: they do not share a line (and cannot run together). */
async function onSeparateLines(first: Locator, second: Locator): Promise<void> {
  const [a, b] = [(await first.boundingBox())!, (await second.boundingBox())!];
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + 1);
}

/**
 * Text running together (#17): on the staff page a 12345 order's number and 「市里要求 …」 read
 * 「SG20261207UX0001市里要求」, and the result's time and note 「15:03已用水泥」. Each now has its
 * own line.
 */
describe('numbers, times and text apart on the staff request page', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  let staff: SeededPerson;
  let orderId: number;
  let resolvedId: number;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    staff = await personWithRole(dataSource, 'hotline_staff');
    const leader = await personWithRole(dataSource, 'grid_leader');
    orderId = await importOrder(dataSource, under.api.baseUrl, await demoToken(under.api.baseUrl, staff.personId), {
      orderNo: ORDER_NO,
      content: '菜市场门口积水，进出很不方便。',
      callerName: '吴大姐',
      callerPhone: '13655550199',
      receivedAt: new Date(Date.now() - 600_000),
      cityDueAt: new Date(Date.now() + 3 * 86_400_000),
    });

    const villagerToken = await demoToken(under.api.baseUrl, await addVillager(dataSource, { name: '冯桂兰', phone: '13912341010' }, leader.unitId));
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const submitted = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: randomBytes(8).toString('hex'),
      category: 'infrastructure',
      description: '路中间有个大坑，骑车容易摔。',
    });
    const accepted = await api('POST', `/api/requests/${submitted.body.id}/actions/accept`, leaderToken, {
      version: submitted.body.version,
      contactMethod: 'visit',
      complexity: 'simple',
    });
    const resolved = await api('POST', `/api/requests/${submitted.body.id}/actions/resolve`, leaderToken, { version: accepted.body.version, note: RESULT });
    expect(resolved.status).toBe(200);
    resolvedId = submitted.body.id;
  });

  it('the order number and 市里要求 on lines of their own', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, staff);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${orderId}`);
    const shown = current(page);
    await shown.locator('.staff-city-due').waitFor({ timeout: 15_000 });
    await onSeparateLines(shown.locator('.staff-order-no'), shown.locator('.staff-city-due'));
    expect(await shown.locator('.staff-dispatch-notice').innerText()).not.toMatch(/[0-9]市里要求/);
    expect(pageErrors).toEqual([]);
  });

  it('the result’s time and its note on lines of their own', async () => {
    const { page, pageErrors } = phone;
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${resolvedId}`);
    const shown = current(page);
    await shown.locator('.staff-result-note').getByText(RESULT).waitFor({ timeout: 15_000 });
    await onSeparateLines(shown.locator('.staff-result .timeline-action'), shown.locator('.staff-result-note'));
    expect(await shown.locator('.staff-result-body').innerText()).not.toMatch(/[0-9]已用水泥/);
    expect(pageErrors).toEqual([]);
  });
});
