import { beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDayOf } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { saveScreenshot } from '../support/browser';
import { demoSignInAtDesk, useDesk } from '../support/console';
import { eventually } from '../support/h5';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

const GRID = 'SG-TT-V05-L1-S01';
const VILLAGER = { name: '郑春梅', phone: '13912340577' };
const OVERDUE = ['村南的排水渠塌了一段，水漫进了院子。', '学校门口的斑马线看不清了。'];
const REQUIREMENT = '两个工作日内到现场处置并回复处置照片';

/** 2026-10-20 → 2026年10月20日, as the notice prints a day. */
const dayText = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
};

/**
 * Issue #18's printed notices at the desk (Chromium, 1440×900): in 超时督办 two overdue matters are
 * supervised at once with what is required and the days to reply; 打印通知 opens one printout with
 * a 督办通知单 a page, each with its number, the unit, the matter's deadline and the reply-by day;
 * 打印 calls the browser's print, and printed, the console's menu and header are gone. The matter's
 * page lists its notice with 打印通知.
 */
describe('the desk console: printed notices', () => {
  const under = useAppUnderTest({ demoLogin: true });
  let page: Page;
  let staff: SeededPerson;
  let staffToken: string;
  let unitName: string;
  const overdue: number[] = [];
  const desk = useDesk();

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const dataSource = under.api.app.get(DataSource);
    const base = under.api.baseUrl;
    staff = await personWithRole(dataSource, 'hotline_staff', 'SG-TT');
    staffToken = await demoToken(base, staff.personId);
    const leader = await personWithRole(dataSource, 'grid_leader', GRID);
    unitName = ((await dataSource.query('SELECT name FROM org_unit WHERE id = ?', [leader.unitId])) as { name: string }[])[0]!.name;
    const villagerToken = await demoToken(base, await addVillager(dataSource, VILLAGER, leader.unitId));
    for (const description of OVERDUE) {
      const submitted = await call(base, 'POST', '/api/requests', {
        token: villagerToken,
        body: { clientRequestId: randomBytes(8).toString('hex'), category: 'infrastructure', description },
      });
      expect(submitted.status).toBe(201);
      // Nobody contacted them in time: overdue now.
      // Received six hours ago, its first contact due an hour later and never made: overdue.
      await dataSource
        .getRepository(RequestEntity)
        .update(submitted.body.id, { createdAt: new Date(Date.now() - 6 * 3_600_000), contactDueAt: new Date(Date.now() - 5 * 3_600_000) });
      overdue.push(submitted.body.id);
    }
    page = desk.page;
    await page.goto(`${base}/console/`);
    await demoSignInAtDesk(page, staff.name);
    await page.locator('.console-me').waitFor({ timeout: 30_000 });
  });

  const noticesOf = async (id: number) =>
    (await call(under.api.baseUrl, 'GET', `/api/requests/${id}/notices`, { token: staffToken })).body as Record<string, any>[];

  it('超时督办: 督办 two matters with the notice’s terms, then one printout with a 督办通知单 a page', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '超时督办' }).click();
    for (const description of OVERDUE) {
      const row = page.locator('.queue-table .ant-table-row').filter({ hasText: description });
      await row.waitFor({ timeout: 30_000 });
      await row.locator('.ant-checkbox-input').check();
    }
    await page.locator('.overdue-batch-supervise').getByText('督办（2 件）').waitFor();
    await page.locator('.overdue-batch-supervise').click();
    const modal = page.locator('.batch-step-supervise');
    await modal.locator('.notice-field-requirement textarea').fill(REQUIREMENT);
    await modal.locator('.notice-field-replyDays input').fill('2');
    const note = modal.locator('.batch-note');
    await note.fill('超时未联系，列入督办。');
    await note.press('Enter');
    await eventually(async () => expect(await modal.locator('.batch-outcome-ok').count()).toBe(2));
    // Each outcome names its notice's number.
    const numbers = (await Promise.all(overdue.map(noticesOf))).map((notices) => notices[0]!.number as string);
    const year = chinaDayOf(new Date()).slice(0, 4);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^台头镇督〔${year}〕\\d+号$`));
    expect(new Set(numbers).size).toBe(2);
    for (const number of numbers) await modal.locator('.batch-outcome-ok').filter({ hasText: number }).waitFor();
    await saveScreenshot(page, 'console-notices-supervised', { forDocs: true });

    await modal.locator('.batch-print-notices').getByText('打印通知（2 份，每件一页）').click();
    await page.waitForURL((url) => url.pathname.startsWith('/console/notices/'), { timeout: 30_000 });
    const sheets = page.locator('.notice-sheet');
    await eventually(async () => expect(await sheets.count()).toBe(2));
    for (const [i, id] of overdue.entries()) {
      const [notice] = await noticesOf(id);
      const sheet = page.locator(`.notice-sheet[data-notice-id="${notice!.id}"]`);
      await sheet.waitFor();
      const text = await sheet.innerText();
      expect(text).toContain('督办通知单');
      expect(text).toContain(numbers[i]!);
      expect(text).toContain(`${unitName}：`);
      expect(text).toContain(OVERDUE[i]!);
      expect(text).toContain(REQUIREMENT);
      expect(text).toContain('超时未联系，列入督办。');
      expect(await sheet.locator('.notice-reply-by').innerText()).toContain(`请于${dayText(notice!.replyBy)}前（2个工作日内）`);
      // The matter's deadline as the notice prints it: a China date and time.
      expect(await sheet.locator('.notice-due').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      // The requester only masked; no phone.
      expect(text).toContain('郑**');
      expect(text).not.toContain(VILLAGER.name);
      expect(text).not.toContain(VILLAGER.phone.slice(-4));
    }
    await saveScreenshot(page, 'console-notices-screen', { forDocs: true });

    // 打印 calls the browser's print.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.locator('.notice-print-button').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On paper: the sheets, without the console's menu, header or the page's buttons; a page each.
    expect(await page.locator('.ant-menu').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await eventually(async () => expect(await page.locator('.ant-menu').first().isVisible()).toBe(false));
    expect(await page.locator('.console-me').isVisible()).toBe(false);
    expect(await page.locator('.notice-print-button').isVisible()).toBe(false);
    expect(await sheets.first().isVisible()).toBe(true);
    expect(await sheets.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
    const left = await sheets.first().evaluate((el) => el.getBoundingClientRect().left);
    expect(left).toBeLessThan(40);
    await saveScreenshot(page, 'console-notices-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    // Two sheets: two A4 pages.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(2);
    await page.emulateMedia({ media: 'screen' });
  });

  it('诉求详情 lists the matter’s notice with 打印通知', async () => {
    await page.goto(`${under.api.baseUrl}/console/requests/${overdue[0]}`);
    const card = page.locator('.request-notices-card');
    await card.waitFor({ timeout: 30_000 });
    const [notice] = await noticesOf(overdue[0]!);
    await card.locator('.request-notice').filter({ hasText: notice!.number }).waitFor({ timeout: 30_000 });
    await card.locator('.request-notice-print').first().click();
    await page.waitForURL((url) => url.pathname === `/console/notices/${notice!.id}`, { timeout: 30_000 });
    await page.locator('.notice-sheet').getByText(notice!.number).waitFor({ timeout: 30_000 });
  });
});
