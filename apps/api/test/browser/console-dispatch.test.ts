import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDayOf, REQUEST_SOURCE_LABELS, type RequestSource } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { saveScreenshot } from '../support/browser';
import { demoSignInAtDesk, useDesk } from '../support/console';
import { eventually } from '../support/h5';
import { call } from '../support/http';
import { demoToken, personWithRole, SeededPerson, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

const HEADER = ['工单编号', '受理时间', '来电人', '来电号码', '诉求类别', '诉求内容', '办理时限', '是否保密'];
const GRID = 'SG-TT-V02-L1-S01';
const NOTE = '请网格当天联系来电人并办理';

/** A China-time text cell (the city's sheet has them as text or as Excel dates). */
function chinaText(instant: Date): string {
  return `${chinaDayOf(instant)} ${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
}

async function writeSheet(file: string, rows: unknown[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('工单');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * Issue #19, the console's 派单 in Chromium at 1440×900 against the real API: the city's sheet of
 * three orders dropped on the page (a sheet with wrong cells first: nothing imported, its cells
 * listed), two of them selected and dispatched to a small grid found by name in the unit tree, in
 * one batch; they leave the queue and their timelines say where they went; the replies for the
 * day exported and read back; 工作台's chart drawn from the API's figures.
 */
describe('the desk console: 派单, the 12345 import and export, and 工作台’s chart', () => {
  const under = useAppUnderTest({ demoLogin: true });
  let page: Page;
  let staff: SeededPerson;
  let token: string;
  let townId: number;
  let gridName: string;
  let dir: string;
  const orders = Array.from({ length: 3 }, () => `SG${randomBytes(6).toString('hex').toUpperCase()}`);
  const receivedAt = new Date(Date.now() - 3_600_000);
  const desk = useDesk();

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const dataSource = under.api.app.get(DataSource);
    staff = await personWithRole(dataSource, 'hotline_staff', 'SG-TT');
    token = await demoToken(under.api.baseUrl, staff.personId);
    townId = (await unitByCode(dataSource, 'SG-TT')).id;
    const [grid] = await dataSource.query('SELECT name FROM org_unit WHERE code = ?', [GRID]);
    gridName = grid.name;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dispatch-'));

    page = desk.page;
  });

  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = (method: string, p: string) => call(under.api.baseUrl, method, p, { token });
  const queueRow = (orderNo: string) => page.locator('.queue-table .ant-table-row').filter({ hasText: `12345 工单 ${orderNo}` });
  const due = new Date(Date.now() + 5 * 86_400_000);
  const row = (orderNo: string, i: number, phone = `1365555${String(7000 + i)}`) => [
    orderNo,
    chinaText(receivedAt),
    `来电人${i + 1}`,
    phone,
    '基础设施',
    `第${i + 1}个工单：村里的路灯不亮了`,
    chinaText(due),
    '否',
  ];

  it('signs in as hotline staff and opens 待派单', async () => {
    await page.goto(`${under.api.baseUrl}/console/`);
    await demoSignInAtDesk(page, staff.name);
    await page.locator('.console-me').getByText(staff.name, { exact: false }).waitFor({ timeout: 30_000 });
    await page.locator('.ant-menu-item').filter({ hasText: '待派单' }).click();
    await page.locator('.hotline-import .ant-upload-drag').waitFor({ timeout: 30_000 });
  });

  it('a sheet with wrong cells imports nothing and lists them row by row', async () => {
    const bad = await writeSheet(path.join(dir, '错误工单.xlsx'), [
      row(orders[0]!, 0),
      row(orders[1]!, 1, '1381111'),
      [...row(orders[2]!, 2).slice(0, 6), '明天', '否'],
    ]);
    await page.locator('.hotline-import input[type=file]').setInputFiles(bad);
    const table = page.locator('.hotline-import-errors');
    await table.waitFor({ timeout: 30_000 });
    const cells = await table.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual([
      ['3', '来电号码', '不是有效的手机号'],
      ['4', '办理时限', expect.stringContaining('不是有效的时间')],
    ]);
    await page.locator('.hotline-import-refused').getByText('任何工单都没有导入', { exact: false }).waitFor();
    await saveScreenshot(page, 'console-import-errors', { forDocs: true });
    for (const orderNo of orders) expect((await api('GET', `/api/hotline/orders/${orderNo}/reply`)).status).toBe(404);
    expect(await queueRow(orders[0]!).count()).toBe(0);
  });

  it('the good sheet imports three orders, shown in the queue', async () => {
    const good = await writeSheet(
      path.join(dir, '工单.xlsx'),
      orders.map((orderNo, i) => row(orderNo, i)),
    );
    await page.locator('.hotline-import input[type=file]').setInputFiles(good);
    await page.locator('.hotline-import-done').getByText('新增 3 件', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.hotline-import-errors').count()).toBe(0);
    for (const orderNo of orders) await queueRow(orderNo).waitFor({ timeout: 15_000 });
  });

  it('two selected are dispatched to a small grid found by name, in one batch: they leave the queue and their timelines say so', async () => {
    for (const orderNo of orders.slice(0, 2)) await queueRow(orderNo).locator('.ant-checkbox-input').check();
    await page.locator('.dispatch-batch').getByText('派单（2 件）').waitFor();
    const batches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/requests/') && request.method() === 'POST') batches.push(new URL(request.url()).pathname);
    });
    await page.locator('.dispatch-batch').click();
    const modal = page.locator('.dispatch-modal');
    await modal.waitFor();
    // The town's tree is loaded before it can be searched.
    await modal.locator('.dispatch-target:not(.ant-select-disabled)').waitFor({ timeout: 30_000 });
    await modal.locator('.dispatch-target').click();
    await page.keyboard.type(gridName);
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: gridName }).first().click({ timeout: 30_000 });
    await modal.locator('.dispatch-note').fill(NOTE);
    await saveScreenshot(page, 'console-dispatch-batch', { forDocs: true });
    await modal.getByRole('button', { name: '确定派单' }).click();
    await page.getByText('已派出 2 件').waitFor({ timeout: 30_000 });
    await modal.waitFor({ state: 'detached' });
    expect(batches).toEqual(['/api/requests/dispatch-batch']);

    await eventually(async () => expect((await queueRow(orders[0]!).count()) + (await queueRow(orders[1]!).count())).toBe(0));
    await queueRow(orders[2]!).waitFor();
    const queue = (await api('GET', '/api/requests/dispatch-queue')).body as { id: number; hotlineOrderNo: string | null }[];
    expect(queue.map((r) => r.hotlineOrderNo)).toContain(orders[2]);
    expect(queue.map((r) => r.hotlineOrderNo)).not.toContain(orders[0]);
    for (const orderNo of orders.slice(0, 2)) {
      const reply = (await api('GET', `/api/hotline/orders/${orderNo}/reply`)).body as { requestId?: number; handlerUnit: string };
      expect(reply.handlerUnit).toBe(gridName);
    }
    // The matter's own page (诉求详情) shows the step on its timeline.
    const [first] = (await under.api.app.get(DataSource).query('SELECT id FROM request WHERE hotlineOrderNo = ?', [orders[0]])) as { id: number }[];
    const shown = (await api('GET', `/api/requests/${first!.id}`)).body as { timeline: { action: string; note: string }[] };
    expect(shown.timeline.filter((e) => e.action === 'transfer').map((e) => e.note)).toEqual([`转至${gridName}：${NOTE}`]);
    await page.goto(`${under.api.baseUrl}/console/requests/${first!.id}`);
    await page.getByText(`转至${gridName}：${NOTE}`).first().waitFor({ timeout: 30_000 });
    await page.locator('.ant-menu-item').filter({ hasText: '待派单' }).click();
    await page.locator('.hotline-import .ant-upload-drag').waitFor({ timeout: 30_000 });
  });

  it('exports the replies for a range of days; the file has every order the city took those days', async () => {
    const day = chinaDayOf(receivedAt);
    const inputs = page.locator('.reply-export-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(day);
    await page.keyboard.press('Enter');
    await inputs.nth(1).fill(day);
    await page.keyboard.press('Enter');
    await eventually(async () => expect([await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()]).toEqual([day, day]));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('.reply-export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^12345工单回复_.+\.xlsx$/);
    const file = path.join(dir, 'replies.xlsx');
    await download.saveAs(file);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['工单编号', '办理状态', '办理结果', '承办单位', '承办人', '办结时间', '是否超期']);
    const replies = (await api('GET', `/api/hotline/replies?townId=${townId}&from=${day}&to=${day}`)).body as { orderNo: string; handlerUnit: string }[];
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(replies.map((r) => r.orderNo).sort());
    const byOrder = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const orderNo of orders) expect(byOrder.has(orderNo)).toBe(true);
    expect(byOrder.get(orders[0])![3]).toBe(gridName);
    expect(byOrder.get(orders[1])![3]).toBe(gridName);
    expect(byOrder.get(orders[2])![3]).toBe('热线办');
  });

  it('工作台’s chart draws the API’s 30-day figures by source, with Chinese labels and whole-number ticks', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '工作台' }).click();
    const chart = page.locator('.intake-chart');
    await chart.locator('svg').waitFor({ timeout: 30_000 });
    const intake = (await api('GET', '/api/me/intake-30d')).body as { days: string[]; series: { source: RequestSource; counts: number[] }[] };
    const drawn = JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as { source: string; name: string; data: number[] }[];
    expect(drawn).toEqual(intake.series.map((line) => ({ source: line.source, name: REQUEST_SOURCE_LABELS[line.source], data: line.counts })));
    // Today's 12345 column holds at least the three orders imported above.
    expect(intake.series.find((line) => line.source === 'hotline_12345')!.counts.at(-1)).toBeGreaterThanOrEqual(3);
    const texts = await chart.locator('svg text').allTextContents();
    for (const label of Object.values(REQUEST_SOURCE_LABELS)) expect(texts).toContain(label);
    const ticks = texts.filter((t) => /^[\d.,]+$/.test(t));
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^\d+$/);
    await saveScreenshot(page, 'console-workbench-chart', { forDocs: true });
  });
});
