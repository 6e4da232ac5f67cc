import { beforeAll, describe, expect, it } from '@jest/globals';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';
import { importOrder } from '../support/hotline';

const VILLAGER = { name: '孙秀英', phone: '13912340188' };
const TEXT = '村口的路灯坏了三盏，晚上黑得看不见路。';

/** China time. 2025-12-31 is a Wednesday; 1–3 January 2026 are 元旦, Sunday 4 January a make-up day. */
const at = (text: string) => new Date(`${text}+08:00`);

/** How the deadlines of a complex matter received on New Year's Eve at 19:30 were counted. */
const EXPLAINED = [
  '12月31日（周三）19:30 收到',
  '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
  '20:00后停表，第二天8:00接着算',
  '应在1月1日（周四）8:30 前联系',
  '疑难复杂事项：3个工作日内办好，从收到时算起，只算工作日',
  '元旦假期1月1日至3日不算',
  '1月4日（周日）调休上班，算工作日',
  '算的工作日：12月31日（周三）、1月4日（周日）、1月5日（周一）、1月6日（周二）',
  '应在1月6日（周二）19:30 前办好',
];

/** The open 「期限是怎么算的」 sheet's lines, once it shows them. */
async function sheetLines(page: Page): Promise<string[]> {
  const sheet = page.locator('.deadline-why-sheet:visible');
  await sheet.locator('.deadline-why-line').first().waitFor({ timeout: 15_000 });
  return sheet.locator('.deadline-why-line').allInnerTexts();
}

async function closeSheet(page: Page): Promise<void> {
  await button(page, '知道了', '.deadline-why-close').click();
  await page.locator('.deadline-why-sheet:visible').waitFor({ state: 'detached' });
}

/**
 * 「怎么算的？」 in the H5 build in Chromium (issue 17): beside the deadline on her matter's page, a
 * villager taps it and reads how the deadlines were counted over New Year (the holiday skipped, the
 * make-up Sunday counted), on the matter's page and on its 我的诉求 card; the grid leader finds the same beside the countdown on a 待办 card, and
 * the tap does not open the card; hotline staff read on a 12345 order that the city's deadline governs.
 */
describe('deadlines that explain themselves in the H5 app', () => {
  const clock = new ManualClock(at('2025-12-31T19:30:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  // The phone's clock near the API's, so its sign-in is fresh there too (it keeps running).
  const phone = usePhoneOnApp(under, { beforeHome: (page) => page.clock.install({ time: at('2025-12-31T20:00:00') }) });
  let leader: SeededPerson;
  let requestId: number;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    const villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    const submitted = await api('POST', '/api/requests', await demoToken(under.api.baseUrl, villagerId), {
      clientRequestId: 'deadline-explanation-01',
      category: 'infrastructure',
      description: TEXT,
    });
    expect(submitted.status).toBe(201);
    requestId = submitted.body.id as number;
    clock.set(at('2025-12-31T19:50:00'));
    const accepted = await api('POST', `/api/requests/${requestId}/actions/accept`, await demoToken(under.api.baseUrl, leader.personId), {
      version: submitted.body.version,
      contactMethod: 'call',
      complexity: 'complex',
      // Not the category's usual complexity: the reason goes with it.
      note: '要换线路，得等供电所来',
    });
    expect(accepted.body).toMatchObject({ state: 'accepted', complexity: 'complex' });
    // What the sheet ends on is the deadline the API stored.
    expect(new Date(accepted.body.completionDueAt)).toEqual(at('2026-01-06T19:30:00'));
  });

  it('the villager taps 「怎么算的？」 beside her deadline and reads how it was counted', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, VILLAGER);
    await page.goto(`${under.api.baseUrl}/#/subpackages/villager/request/index?id=${requestId}`);
    const detail = current(page);
    await detail.getByText(TEXT).waitFor({ timeout: 15_000 });
    const due = detail.locator('.req-due');
    await due.getByText('前办好', { exact: false }).waitFor();
    await due.locator('.deadline-why-tap').getByText('怎么算的？').click();
    expect(await sheetLines(page)).toEqual(EXPLAINED);
    await screenshot(page, 'villager-deadline-explained', false, page.locator('.deadline-why-sheet:visible'));
    await closeSheet(page);
    expect(pageErrors).toEqual([]);
  });

  it('the villager reads it on her 我的诉求 card too, and the tap leaves her on the list', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, VILLAGER);
    await page.goto(`${under.api.baseUrl}/#/subpackages/villager/mine/index`);
    const card = current(page).locator('.req-row').filter({ hasText: '前办好' });
    await card.waitFor({ timeout: 15_000 });
    await card.locator('.deadline-why-tap').getByText('怎么算的？').click();
    expect(await sheetLines(page)).toEqual(EXPLAINED);
    await screenshot(page, 'villager-mine-deadline-explained', false, page.locator('.deadline-why-sheet:visible'));
    await closeSheet(page);
    await eventually(() => expect(page.url()).toContain('/subpackages/villager/mine/index'));
    expect(pageErrors).toEqual([]);
  });

  it('the grid leader reads it on a 待办 card, and the tap leaves him on 待办', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/inbox/index`);
    const card = current(page).locator('.req-row').filter({ hasText: TEXT });
    await card.waitFor({ timeout: 15_000 });
    await card.locator('.deadline-why-tap').click();
    expect(await sheetLines(page)).toEqual(EXPLAINED);
    await closeSheet(page);
    await eventually(() => expect(page.url()).toContain('/subpackages/handler/inbox/index'));
    expect(pageErrors).toEqual([]);
  });

  it("hotline staff read on a 12345 order that the city's earlier deadline governs its first contact", async () => {
    const { page, pageErrors } = phone;
    const dataSource = under.api.app.get(DataSource);
    const staff = await personWithRole(dataSource, 'hotline_staff');
    const orderId = await importOrder(dataSource, under.api.baseUrl, await demoToken(under.api.baseUrl, staff.personId), {
      orderNo: 'SG20251231DL0001',
      content: '桥头的护栏被车撞歪了，孩子上学要经过。',
      callerName: '周大爷',
      callerPhone: '13655550188',
      category: 'safety',
      receivedAt: at('2025-12-31T19:40:00'),
      cityDueAt: at('2026-01-01T08:00:00'),
    });

    await signInAs(page, staff);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${orderId}`);
    const shown = current(page);
    await shown.locator('.staff-city-due').waitFor({ timeout: 15_000 });
    await shown.locator('.staff-dispatch-notice .deadline-why-tap').click();
    expect(await sheetLines(page)).toEqual([
      '12月31日（周三）19:50 收到',
      '收到后1小时内先联系，只算每天8:00至20:00的服务时间',
      '20:00后停表，第二天8:00接着算',
      '市12345要求1月1日（周四）8:00 前办结，比镇里的期限早，以市里的为准',
      '应在1月1日（周四）8:00 前联系',
      '联系后定为简单事项（1个工作日）或疑难复杂事项（3个工作日），再算办好的期限',
    ]);
    await closeSheet(page);
    expect(pageErrors).toEqual([]);
  });
});
