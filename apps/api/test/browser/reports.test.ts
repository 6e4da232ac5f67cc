import { beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { chinaDayOf } from '@gridloop/domain';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';
import { Page } from 'playwright-core';

const VILLAGER = { name: '王桂兰', phone: '13912340011' };

/** Waits until the chart's canvas has more than `least` pixels drawn on (a chart, not an empty box). */
async function waitForDrawn(page: Page, canvasId: string, least = 1000): Promise<void> {
  await page.waitForFunction(
    ([id, min]) => {
      const canvas = document.querySelector(`.taro_page:not([style*="display: none"]) canvas#${id}`) as HTMLCanvasElement | null;
      if (!canvas || canvas.width === 0) return false;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
      return drawn > min;
    },
    [canvasId, least] as const,
  );
}

/**
 * The town's reports in the H5 build in Chromium, against the real API on SQLite with the demo
 * county: hotline staff open 受理日报 (yesterday first, then today with a matter received, as
 * charts) and 办理周调度 (the open matter by its small grid, charted, and the .xlsx downloaded).
 */
describe('受理日报 and 办理周调度 in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;
  let staff: SeededPerson;
  let smallGridName: string;
  let town: { id: number; name: string };
  let staffToken: string;
  let matterId: number;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    staff = await personWithRole(dataSource, 'hotline_staff');
    const ancestors: { id: number; name: string; kind: string }[] = await dataSource.query(
      `SELECT id, name, kind FROM org_unit WHERE ? LIKE '%/' || id || '/%'`,
      [leader.unitPath],
    );
    smallGridName = ancestors.find((unit) => unit.id === leader.unitId)!.name;
    town = ancestors.find((unit) => unit.kind === 'town')!;
    const villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    // Today: one matter received from a villager, still open.
    const villagerToken = await demoToken(under.api.baseUrl, villagerId);
    const submitted = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: 'reports-first',
      category: 'infrastructure',
      description: '村西头的路灯坏了三盏，晚上出门看不见路。',
    });
    expect(submitted.status).toBe(201);
    matterId = submitted.body.id;
    staffToken = await demoToken(under.api.baseUrl, staff.personId);
  });

  it('受理日报 opens on yesterday; today shows the matter received, by source, category and village as charts', async () => {
    const { page } = phone;
    await signInAs(page, staff);
    await button(page, '受理日报', '.home-bulletin').click();
    const bulletin = current(page);
    await bulletin.locator('.report-title').getByText(`${town.name} · 受理情况日报`).waitFor({ timeout: 15_000 });
    const now = new Date();
    const today = chinaDayOf(now);
    const yesterday = chinaDayOf(new Date(now.getTime() - 24 * 3600_000));
    const dayLabel = (day: string) => new RegExp(`^${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`);
    await bulletin.locator('.report-day-text').getByText(dayLabel(yesterday)).waitFor();
    // Today cannot be passed: 后一天 once, then it is greyed out.
    await bulletin.locator('.report-day-after').click();
    await bulletin.locator('.report-day-text').getByText(dayLabel(today)).waitFor();
    await bulletin.locator('.report-day-step--off.report-day-after').waitFor();

    // The figures are the API's for today (the demo year may hold other matters today too).
    const expected = await api('GET', `/api/reports/daily?townId=${town.id}&day=${today}`, staffToken);
    expect(expected.status).toBe(200);
    expect(expected.body.received).toBeGreaterThanOrEqual(1);
    const received = bulletin.locator('.report-figure').filter({ hasText: '当天受理' }).locator('.report-figure-value');
    await received.getByText(String(expected.body.received), { exact: true }).waitFor({ timeout: 15_000 });
    await eventually(async () =>
      expect(await bulletin.locator('.report-figure').filter({ hasText: '日末未办结' }).locator('.report-figure-value').innerText()).toBe(
        String(expected.body.open),
      ),
    );

    // Three charts, each drawn.
    for (const id of ['bulletin-by-source', 'bulletin-by-category', 'bulletin-by-village']) {
      const canvas = bulletin.locator(`canvas#${id}`);
      await canvas.waitFor();
      await eventually(async () => {
        const box = await canvas.boundingBox();
        expect(box?.width).toBeGreaterThan(250);
        expect(box?.height).toBeGreaterThan(60);
      });
      await waitForDrawn(page, id);
    }
    await bulletin.locator('.chart-title').getByText('按类别').waitFor();
    await screenshot(page, 'staff-bulletin', true);

    // 一数一查: 当天受理 lists the very requests the API counts, the villager's among them.
    await bulletin.locator('.bulletin-figure-received').click();
    const drill = bulletin.locator('.bulletin-drill');
    await drill.locator('.report-section-title').getByText(`「当天受理」共 ${expected.body.received} 件`).waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await drill.locator('.bulletin-drill-row').count()).toBe(expected.body.received));
    await drill
      .locator('.bulletin-drill-row')
      .filter({ hasText: `第 ${matterId} 号 · 基础设施 · ` })
      .waitFor();
    await eventually(async () => expect(await drill.innerText()).not.toContain(VILLAGER.name));
    // A chart's line too: 基础设施 under 按类别 lists the matters of that category.
    const line = bulletin.locator('.bulletin-lines-byCategory .bulletin-line').filter({ hasText: '基础设施' });
    await line.click();
    const byLine = bulletin.locator('.bulletin-drill').filter({ hasText: '「基础设施」' });
    await byLine
      .locator('.bulletin-drill-row')
      .filter({ hasText: `第 ${matterId} 号 · 基础设施 · ` })
      .waitFor({ timeout: 15_000 });
    const categoryCount = (expected.body.byCategory as { label: string; count: number }[]).find((c) => c.label === '基础设施')!.count;
    await eventually(async () => expect(await byLine.locator('.bulletin-drill-row').count()).toBe(categoryCount));
    // The day's sheet, for printing.
    const download = page.waitForEvent('download');
    await button(bulletin, '导出表格（打印用）', '.bulletin-export').click();
    expect((await download).suggestedFilename()).toMatch(/^受理情况通报_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(pageErrors).toEqual([]);
  });

  it('办理周调度: the open matter under its small grid, charted, and the .xlsx downloaded', async () => {
    const { page } = phone;
    await page.goBack();
    await button(page, '办理周调度', '.home-weekly').click();
    const weekly = current(page);
    await weekly.locator('.report-title').getByText(`${town.name} · 办理进度调度`).waitFor({ timeout: 15_000 });
    const expected = await api('GET', `/api/reports/weekly-dispatch?townId=${town.id}`, staffToken);
    expect(expected.status).toBe(200);
    await weekly
      .locator('.report-figure')
      .filter({ hasText: '未办结' })
      .first()
      .locator('.report-figure-value')
      .getByText(String(expected.body.open), { exact: true })
      .waitFor({ timeout: 15_000 });
    await weekly.locator('.weekly-unit').filter({ hasText: smallGridName }).first().waitFor();
    const canvas = weekly.locator('canvas#weekly-by-unit');
    await canvas.waitFor();
    await waitForDrawn(page, 'weekly-by-unit');
    await screenshot(page, 'staff-weekly', true);

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, /导出表格/, '.report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^办理进度调度_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    // An .xlsx is a zip: it starts with PK.
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    await weekly.getByText('表格已下载').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
