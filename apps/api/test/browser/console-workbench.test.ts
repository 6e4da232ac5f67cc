import { beforeAll, describe, expect, it } from '@jest/globals';
import { workSearch, type WorkSearchKey } from '@gridloop/domain';
import { JwtService } from '@nestjs/jwt';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { saveScreenshot } from '../support/browser';
import { demoSignInAtDesk, useDesk } from '../support/console';
import { DOCS_SCREENSHOTS, eventually } from '../support/h5';
import { importOrder } from '../support/hotline';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

const VILLAGER = { name: '郑桂英', phone: '13912340219' };
const SESSION_KEY = 'gridloop.console.session';
/** GET /api/me/work's counts and the titles of their cards on 工作台. */
const COUNT_TITLES = {
  dispatch: '待派单',
  handling: '待办',
  overdue: '已超时',
  dueSoon: '即将超时',
  dueToday: '今日到期',
  receivedToday: '今日新收',
  lookBack: '待回看',
  supervision: '超时督办',
} as const;
/** The cards that open a queue of the console, and where to; the others open 诉求检索 under the domain's workSearch. */
const QUEUE_LINKS = {
  dispatch: '/console/dispatch',
  lookBack: '/console/look-back',
  supervision: '/console/overdue',
} as const;
const SEARCHED: readonly WorkSearchKey[] = ['handling', 'overdue', 'dueSoon', 'dueToday', 'receivedToday'];

/** Where a card opens for counts taken on `day` (the API's China day): the queue's page, or 诉求检索's address with the card's filter. */
function linkOf(key: keyof typeof COUNT_TITLES, day: string): string {
  if (key in QUEUE_LINKS) return QUEUE_LINKS[key as keyof typeof QUEUE_LINKS];
  const params = new URLSearchParams(Object.entries(workSearch(key as WorkSearchKey, day)).map(([name, value]) => [name, String(value)]));
  params.sort();
  return `/console/search?${params.toString()}`;
}
const ORDER_NO = 'SG20261207000019';

interface StoredSession {
  accessToken: string;
  refreshToken: string;
}

const storedSession = (page: Page): Promise<StoredSession | null> =>
  page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null') as StoredSession | null, SESSION_KEY);

/**
 * Issue #19, the desk console's first increment, in Chromium at 1440×900 against the real API
 * (which serves the build at /console/ under its Content-Security-Policy): the demo sign-in as
 * hotline staff, the menu by capability, 工作台's counts equal to GET /api/me/work, a deep link,
 * an expired access token renewed, sign-out; a villager is told the console is for staff.
 */
describe('the desk console: sign-in, menu and 工作台', () => {
  const under = useAppUnderTest({ demoLogin: true });
  let page: Page;
  let staff: SeededPerson;
  let leader: SeededPerson;
  let villagerId: number;
  const desk = useDesk();
  const { problems } = desk;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const dataSource = under.api.app.get(DataSource);
    staff = await personWithRole(dataSource, 'hotline_staff');
    leader = await personWithRole(dataSource, 'grid_leader');
    villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    // A 12345 order waiting for dispatch, so 待派单 counts something.
    await importOrder(dataSource, under.api.baseUrl, await demoToken(under.api.baseUrl, staff.personId), {
      orderNo: ORDER_NO,
      content: '北孙村西头的路灯不亮了，晚上出行不方便。',
    });

    page = desk.page;
    await page.exposeFunction('reportCspViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`,
        );
      });
    });
  });

  const signInAs = (name: string) => demoSignInAtDesk(page, name);

  async function expectCounts(token: string): Promise<void> {
    const work = (await call(under.api.baseUrl, 'GET', '/api/me/work', { token })).body as Record<keyof typeof COUNT_TITLES, number | null> & { day: string };
    expect(work.dispatch).toBeGreaterThanOrEqual(1);
    expect(work.receivedToday).toBeGreaterThanOrEqual(1);
    for (const [key, title] of Object.entries(COUNT_TITLES) as [keyof typeof COUNT_TITLES, string][]) {
      const card = page.locator(`.workbench-count-${key}`);
      if (work[key] === null) {
        expect(await card.count()).toBe(0);
        continue;
      }
      await card.getByText(title, { exact: true }).waitFor({ timeout: 15_000 });
      expect(await card.locator('.ant-statistic-content-value').innerText()).toBe(String(work[key]));
      // Every card opens the list of that work: a queue, or 诉求检索 filtered to exactly what it counts.
      expect(await card.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual([linkOf(key, work.day)]);
    }
  }

  it('serves the console at /console/ under the API’s policy, index.html for its deep links, and no H5 page there', async () => {
    const index = await page.request.get(`${under.api.baseUrl}/console/`);
    expect(index.status()).toBe(200);
    expect(index.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await index.text()).toContain('/console/assets/');
    const deep = await page.request.get(`${under.api.baseUrl}/console/workbench`);
    expect(deep.status()).toBe(200);
    expect(await deep.text()).toBe(await index.text());
  });

  it('hotline staff sign in with the demo sign-in and see their menu and 工作台 with the counts of GET /api/me/work', async () => {
    await page.goto(`${under.api.baseUrl}/console/`);
    await signInAs(staff.name);
    await page.locator('.console-me').getByText(staff.name, { exact: false }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/console/workbench');
    await expect(page.locator('.console-me').innerText()).resolves.toContain('热线办工作人员');
    // The menu: the pages hotline staff may open.
    await eventually(async () => expect(await page.locator('.ant-menu-item').allInnerTexts()).toEqual(['工作台', '诉求检索', '待派单', '待回看', '超时督办']));

    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    await expectCounts(session.accessToken);
    await page.locator('.workbench-count .ant-statistic-content-value').first().waitFor();
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'console-workbench.png') });
    await saveScreenshot(page, 'console-workbench');
  });

  it('opens a deep link in the same tab, renewing an expired access token once', async () => {
    const before = await storedSession(page);
    if (!before) throw new Error('no stored session');
    const [, payload = ''] = before.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string };
    const expired = await under.api.app.get(JwtService).signAsync({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await call(under.api.baseUrl, 'GET', '/api/me', { token: expired })).body.code).toBe('TOKEN_EXPIRED');
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [SESSION_KEY, JSON.stringify({ ...before, accessToken: expired })] as const);

    await page.goto(`${under.api.baseUrl}/console/workbench`);
    await page.locator('.workbench-count').first().waitFor({ timeout: 30_000 });
    let after: StoredSession | null = null;
    await eventually(async () => {
      after = await storedSession(page);
      expect(after?.refreshToken).not.toBe(before.refreshToken);
    });
    const renewed = after as StoredSession | null;
    if (!renewed) throw new Error('no renewed session');
    expect(renewed.accessToken).not.toBe(expired);
    await expectCounts(renewed.accessToken);
  });

  it('the 待派单 card opens the dispatch queue as a table, the 12345 order in it', async () => {
    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    const queue = (await call(under.api.baseUrl, 'GET', '/api/requests/dispatch-queue', { token: session.accessToken })).body as { id: number }[];
    await page.locator('.workbench-count-dispatch a').click();
    await page
      .locator('.queue-table .ant-table-row')
      .filter({ hasText: `12345 工单 ${ORDER_NO}` })
      .waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/console/dispatch');
    await page.getByText(`共 ${queue.length} 件`).waitFor();
    expect(await page.locator('.queue-table .ant-table-row').count()).toBe(Math.min(queue.length, 20));
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'console-dispatch.png') });
    await page.locator('.ant-menu-item').filter({ hasText: '工作台' }).click();
    await page.locator('.workbench-count').first().waitFor();
  });

  /** Clicks each card of a count that opens 诉求检索 and counts the rows of every page of the list it opens. */
  async function followSearchCards(token: string): Promise<Partial<Record<WorkSearchKey, number>>> {
    const work = (await call(under.api.baseUrl, 'GET', '/api/me/work', { token })).body as Record<WorkSearchKey, number | null> & { day: string };
    const listed: Partial<Record<WorkSearchKey, number>> = {};
    for (const key of SEARCHED) {
      if (work[key] === null) continue;
      const card = page.locator(`.workbench-count-${key}`);
      await eventually(async () => expect(await card.locator('.ant-statistic-content-value').innerText()).toBe(String(work[key])));
      await card.locator('a').click();
      await eventually(() => expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(linkOf(key, work.day)));
      let rows = 0;
      for (let number = 1; ; number++) {
        const heading = page.locator('.search-page-number');
        await eventually(async () => expect(await heading.innerText()).toMatch(new RegExp(`^第 ${number} 页，本页 \\d+ 件$`)));
        const shown = Number(/本页 (\d+) 件/.exec(await heading.innerText())?.[1]);
        expect(await page.locator('.search-table .ant-table-row').count()).toBe(shown);
        rows += shown;
        const next = page.locator('.search-next');
        if (await next.isDisabled()) break;
        await next.click();
      }
      listed[key] = rows;
      if (key === 'handling') await saveScreenshot(page, 'console-search-handling');
      await page.locator('.ant-menu-item').filter({ hasText: '工作台' }).click();
      await page.locator('.workbench-count').first().waitFor();
    }
    const counted = Object.fromEntries(SEARCHED.filter((key) => work[key] !== null).map((key) => [key, work[key]]));
    expect(listed).toEqual(counted);
    return listed;
  }

  it('待办, 已超时, 即将超时, 今日到期 and 今日新收 each open 诉求检索 listing exactly the matters the card counts', async () => {
    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    const listed = await followSearchCards(session.accessToken);
    // The imported order: the hotline office handles it until it is dispatched, and it came in today.
    expect(listed.handling).toBeGreaterThanOrEqual(1);
    expect(listed.receivedToday).toBeGreaterThanOrEqual(1);
  });

  it('a grid leader’s 待办 and the other cards open his lists, each as long as its card says', async () => {
    const villager = await demoToken(under.api.baseUrl, villagerId);
    const filed = await call(under.api.baseUrl, 'POST', '/api/requests', {
      token: villager,
      body: { clientRequestId: `workbench-${Date.now()}`, category: 'environment', description: '村口的垃圾箱满了，没人清运。' },
    });
    expect(filed.status).toBe(201);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('网格通 · 电脑工作台').waitFor({ timeout: 15_000 });
    await signInAs(leader.name);
    await page.locator('.console-me').getByText(leader.name, { exact: false }).waitFor({ timeout: 30_000 });
    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    const listed = await followSearchCards(session.accessToken);
    expect(listed.handling).toBeGreaterThanOrEqual(1);
    expect(listed.receivedToday).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('网格通 · 电脑工作台').waitFor({ timeout: 15_000 });
    await signInAs(staff.name);
    await page.locator('.console-me').getByText(staff.name, { exact: false }).waitFor({ timeout: 30_000 });
  });

  it('退出登录 returns to sign-in and revokes the sign-in on the API', async () => {
    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('网格通 · 电脑工作台').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await storedSession(page)).toBeNull();
    const refresh = await call(under.api.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(refresh).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
  });

  it('a villager is told the console is for staff and stays signed out', async () => {
    await signInAs(VILLAGER.name);
    await page.locator('.sign-in-refusal').getByText('电脑工作台供镇、村工作人员使用', { exact: false }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await storedSession(page)).toBeNull();
    expect(await page.locator('.console-me').count()).toBe(0);
  });

  it('a large-grid head’s menu has 待回看 and 超时督办 but not 待派单, which a typed address does not open either', async () => {
    const head = await personWithRole(under.api.app.get(DataSource), 'large_grid_head');
    await signInAs(head.name);
    await page.locator('.console-me').getByText(head.name, { exact: false }).waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await page.locator('.ant-menu-item').allInnerTexts()).toEqual(['工作台', '诉求检索', '待回看', '超时督办']));
    expect(await page.locator('.workbench-count-dispatch').count()).toBe(0);
    // No 待办 of his own (he supervises); 今日到期 and 今日新收 open his area's lists.
    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    expect(Object.keys(await followSearchCards(session.accessToken))).toEqual(['dueToday', 'receivedToday']);
    await page.goto(`${under.api.baseUrl}/console/dispatch`);
    await page.locator('.workbench-count').first().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/console/workbench');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('网格通 · 电脑工作台').waitFor({ timeout: 15_000 });
  });
});
