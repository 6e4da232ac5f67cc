import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDayOf } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { saveScreenshot } from '../support/browser';
import { demoSignInAtDesk, useDesk } from '../support/console';
import { eventually } from '../support/eventually';
import { call } from '../support/http';
import { demoToken, personWithRole, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

const HEADER = ['工单编号', '受理时间', '来电人', '来电号码', '诉求类别', '诉求内容', '办理时限', '是否保密'];
const NOTE = '请承办单位当天联系来电人，按时办结';

/**
 * The three orders of the story, each to its own place: two small grids of 台头镇 and a town
 * department (镇直部门), each resolved by the person holding the handling role there.
 */
const PLACES = [
  { unitCode: 'SG-TT-V02-L1-S01', role: 'grid_leader', content: '村东头的路灯一连三天不亮', result: '已联系电工更换灯泡，路灯恢复照明。' },
  { unitCode: 'SG-TT-V03-L1-S01', role: 'grid_leader', content: '村里的下水道堵了，雨天积水', result: '已组织人员疏通下水道，积水排净。' },
  { unitCode: 'SG-TT-D3', role: 'department_handler', content: '镇上新修的路面有一段塌陷', result: '村镇建设办已派施工队修补塌陷路面。' },
] as const;

/** What each return visit heard and how it was made, in the console's words. */
const VISITS = [
  { method: '电话回访', heard: '满意', note: '来电人说路灯已经亮了' },
  { method: '上门回访', heard: '基本满意', note: '积水已排，希望以后常来看看' },
  { method: '短信回访', heard: '满意', note: '来电人回复路面已修好' },
] as const;

interface Shown {
  id: number;
  version: number;
  state: string;
  handlerUnitId: number;
  hotlineOrderNo: string | null;
  timeline: { action: string; note: string | null }[];
}

/** A China-time text cell, as the city's sheet writes it. */
function chinaText(instant: Date): string {
  return `${chinaDayOf(instant)} ${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
}

/**
 * Issue #19's end-to-end story at the desk, in Chromium at 1440×900 against the real API: hotline
 * staff drop the city's sheet of three orders on 待派单; select all three and, in one batch, send
 * two to two small grids and one to a town department (each row of the 派单 form its own unit);
 * the three handlers accept and resolve over the API; in 待回看 each is opened and 回看并关闭 with
 * its return visit, the next one opening after each; 导出回复 for the day gives each order's
 * result as its handler wrote it, and its state.
 */
describe('the desk console: a morning’s orders from import to the replies', () => {
  // Unrated results join the look-back queue at once.
  const under = useAppUnderTest({ demoLogin: true, lookBack: { ratingWaitHours: 0 } });
  let page: Page;
  let staff: SeededPerson;
  let token: string;
  let townId: number;
  let dir: string;
  const places: { unitId: number; unitName: string; handler: SeededPerson; handlerToken: string }[] = [];
  const orders = PLACES.map(() => `ST${randomBytes(6).toString('hex').toUpperCase()}`);
  const ids: number[] = [];
  const receivedAt = new Date(Date.now() - 3_600_000);
  const desk = useDesk();

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const dataSource = under.api.app.get(DataSource);
    staff = await personWithRole(dataSource, 'hotline_staff', 'SG-TT');
    token = await demoToken(under.api.baseUrl, staff.personId);
    const [town] = (await dataSource.query('SELECT id FROM org_unit WHERE code = ?', ['SG-TT'])) as { id: number }[];
    townId = Number(town!.id);
    for (const place of PLACES) {
      const handler = await personWithRole(dataSource, place.role, place.unitCode);
      // The handler holds the role at that very unit (not one whose code merely starts the same).
      expect(handler.unitCode).toBe(place.unitCode);
      const [unit] = (await dataSource.query('SELECT name FROM org_unit WHERE id = ?', [handler.unitId])) as { name: string }[];
      places.push({ unitId: handler.unitId, unitName: unit!.name, handler, handlerToken: await demoToken(under.api.baseUrl, handler.personId) });
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-story-'));
    page = desk.page;
  });

  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = (method: string, p: string, as = token, body?: unknown) => call(under.api.baseUrl, method, p, { token: as, body });
  const show = async (id: number): Promise<Shown> => {
    const res = await api('GET', `/api/requests/${id}`);
    expect(res.status).toBe(200);
    return res.body as Shown;
  };
  const queueRow = (orderNo: string) => page.locator('.queue-table .ant-table-row').filter({ hasText: `12345 工单 ${orderNo}` });
  /** The open TreeSelect's node named `name` (other pickers' closed lists stay in the page, hidden). */
  const treeNode = (name: string) => page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: name }).first();
  const pick = async (picker: Locator, name: string) => {
    await picker.click();
    await page.keyboard.type(name);
    await treeNode(name).click({ timeout: 30_000 });
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  };

  it('signs in as hotline staff and opens 待派单', async () => {
    await page.goto(`${under.api.baseUrl}/console/`);
    await demoSignInAtDesk(page, staff.name);
    await page.locator('.console-me').getByText(staff.name, { exact: false }).waitFor({ timeout: 30_000 });
    await page.locator('.ant-menu-item').filter({ hasText: '待派单' }).click();
    await page.locator('.hotline-import .ant-upload-drag').waitFor({ timeout: 30_000 });
  });

  it('the city’s sheet of three orders, dropped on the import, becomes three matters waiting in the queue', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('工单');
    sheet.addRow(HEADER);
    const due = new Date(Date.now() + 5 * 86_400_000);
    PLACES.forEach((place, i) =>
      sheet.addRow([orders[i], chinaText(receivedAt), `来电人${i + 1}`, `1365555${8100 + i}`, '基础设施', place.content, chinaText(due), '否']),
    );
    const file = path.join(dir, '12345工单.xlsx');
    await workbook.xlsx.writeFile(file);

    await page.locator('.hotline-import input[type=file]').setInputFiles(file);
    await page.locator('.hotline-import-done').getByText('新增 3 件', { exact: false }).waitFor({ timeout: 30_000 });
    for (const orderNo of orders) await queueRow(orderNo).waitFor({ timeout: 15_000 });

    for (const orderNo of orders) {
      const [row] = (await under.api.app.get(DataSource).query('SELECT id FROM request WHERE hotlineOrderNo = ?', [orderNo])) as { id: number }[];
      ids.push(Number(row!.id));
    }
    const queue = (await api('GET', '/api/requests/dispatch-queue')).body as { id: number }[];
    expect(queue.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect((await show(id)).state).toBe('submitted');
  });

  it('all three selected go in one batch: two to two small grids, one to a town department, each row its own unit', async () => {
    for (const orderNo of orders) await queueRow(orderNo).locator('.ant-checkbox-input').check();
    await page.locator('.dispatch-batch').getByText('派单（3 件）').waitFor();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/requests/') && request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    await page.locator('.dispatch-batch').click();
    const modal = page.locator('.dispatch-modal');
    await modal.locator('.dispatch-target:not(.ant-select-disabled)').waitFor({ timeout: 30_000 });
    const rowOf = (orderNo: string) => modal.locator('.dispatch-item').filter({ hasText: orderNo });
    expect(await modal.locator('.dispatch-item').count()).toBe(3);

    // The unit for all: each row starts on it.
    await pick(modal.locator('.dispatch-target'), places[0]!.unitName);
    for (const orderNo of orders)
      await rowOf(orderNo).locator('.dispatch-item-target .ant-select-selection-item').getByText(places[0]!.unitName, { exact: false }).waitFor();
    // The second and the third elsewhere, row by row.
    await pick(rowOf(orders[1]!).locator('.dispatch-item-target'), places[1]!.unitName);
    await pick(rowOf(orders[2]!).locator('.dispatch-item-target'), places[2]!.unitName);
    for (const [i, orderNo] of orders.entries()) {
      const row = rowOf(orderNo);
      await row.locator('.dispatch-item-target .ant-select-selection-item').getByText(places[i]!.unitName, { exact: false }).waitFor();
      expect(await row.getByText('单独指定').count()).toBe(i === 0 ? 0 : 1);
    }
    await modal.locator('.dispatch-note').fill(NOTE);
    await saveScreenshot(page, 'console-dispatch-per-row', { forDocs: true });
    await modal.getByRole('button', { name: '确定派单' }).click();
    await page.getByText('已派出 3 件').waitFor({ timeout: 30_000 });
    await modal.waitFor({ state: 'detached' });
    // One call for the three (their units are checked in the API's state below).
    expect(posts).toEqual(['/api/requests/dispatch-batch']);

    // Each at its own unit, its timeline saying where it went; none left in the queue.
    await eventually(async () => {
      for (const [i, id] of ids.entries()) expect((await show(id)).handlerUnitId).toBe(places[i]!.unitId);
    });
    for (const [i, id] of ids.entries()) {
      const shown = await show(id);
      expect(shown.state).toBe('submitted');
      expect(shown.timeline.filter((e) => e.action === 'transfer').map((e) => e.note)).toEqual([`转至${places[i]!.unitName}：${NOTE}`]);
    }
    const queue = (await api('GET', '/api/requests/dispatch-queue')).body as { id: number }[];
    for (const id of ids) expect(queue.map((r) => r.id)).not.toContain(id);
    await eventually(async () => {
      for (const orderNo of orders) expect(await queueRow(orderNo).count()).toBe(0);
    });
  });

  it('each handler finds the order in the inbox, accepts and resolves it over the API', async () => {
    for (const [i, id] of ids.entries()) {
      const { handlerToken } = places[i]!;
      await eventually(async () => {
        const inbox = (await api('GET', '/api/requests/inbox?limit=100', handlerToken)).body as { id: number }[];
        expect(inbox.map((r) => r.id)).toContain(id);
      });
      const before = (await api('GET', `/api/requests/${id}`, handlerToken)).body as Shown;
      const accepted = await api('POST', `/api/requests/${id}/actions/accept`, handlerToken, { version: before.version, contactMethod: 'call' });
      expect(accepted.status).toBe(200);
      const resolved = await api('POST', `/api/requests/${id}/actions/resolve`, handlerToken, { version: accepted.body.version, note: PLACES[i]!.result });
      expect(resolved.status).toBe(200);
      await eventually(async () => expect((await show(id)).state).toBe('resolved'));
    }
  });

  it('待回看: each is opened, 回看并关闭 with its return visit, and the next one opens after each', async () => {
    // The queue holds the three in the order their results came.
    let order: number[] = [];
    await eventually(async () => {
      const queue = ((await api('GET', '/api/requests/look-back-queue')).body as { id: number }[]).map((r) => r.id);
      order = queue.filter((id) => ids.includes(id));
      expect(order).toEqual(ids);
    });
    const queue = ((await api('GET', '/api/requests/look-back-queue')).body as { id: number }[]).map((r) => r.id);
    // Nothing else waits between them: closing one opens the next of the story.
    const at = queue.indexOf(ids[0]!);
    expect(queue.slice(at, at + 3)).toEqual(ids);
    const lastInQueue = at + 3 === queue.length;

    await page.locator('.ant-menu-item').filter({ hasText: '待回看' }).click();
    await queueRow(orders[0]!).click({ timeout: 30_000 });
    for (const [i, id] of ids.entries()) {
      await page.waitForURL((url) => url.pathname === `/console/requests/${id}` && url.searchParams.get('queue') === 'lookBack', { timeout: 30_000 });
      await page.locator('.request-detail').getByText(PLACES[i]!.content).waitFor({ timeout: 30_000 });
      await page.locator('.request-action-lookBackClose').click();
      const form = page.locator('.action-form-lookBackClose');
      await form.waitFor();
      // The common case is already chosen: 电话回访, 联系上了, 满意.
      await form.locator('.action-field-visitMethod .ant-radio-wrapper-checked').getByText('电话回访').waitFor();
      await form.locator('.action-field-visitReached .ant-radio-wrapper-checked').getByText('联系上了').waitFor();
      await form.locator('.action-field-visitHeard .ant-radio-wrapper-checked').getByText('满意', { exact: true }).waitFor();
      const visit = VISITS[i]!;
      await form.locator('.action-field-visitMethod').getByText(visit.method, { exact: true }).click();
      await form.locator('.action-field-visitReached').getByText('联系上了', { exact: true }).click();
      await form.locator('.action-field-visitHeard').getByText(visit.heard, { exact: true }).click();
      await form.locator('.action-note textarea').fill(visit.note);
      await form.locator('.action-field-visitHeard .ant-radio-wrapper-checked').getByText(visit.heard, { exact: true }).waitFor();
      if (i === 1) {
        // The picture for the README without the last steps' passing toasts.
        await eventually(async () => expect(await page.locator('.ant-message-notice').count()).toBe(0), 30_000);
        await saveScreenshot(page, 'console-look-back-close', { forDocs: true });
      }
      await form.locator('.action-submit').click();

      // Closed in the API, with the visit on its timeline; the queue walks on.
      await eventually(async () => expect((await show(id)).state).toBe('closed'));
      const closed = await show(id);
      expect(closed.timeline.at(-1)).toMatchObject({ action: 'lookBackClose', note: `${visit.method}，已联系上，群众说${visit.heard}：${visit.note}` });
      const next = ids[i + 1];
      if (next !== undefined)
        await page.waitForURL((url) => url.pathname === `/console/requests/${next}` && url.searchParams.get('queue') === 'lookBack', { timeout: 30_000 });
    }
    if (lastInQueue) {
      await page.getByText('待回看里的诉求都处理完了').waitFor({ timeout: 30_000 });
      await page.waitForURL((url) => url.pathname === '/console/look-back', { timeout: 30_000 });
    }
    const after = ((await api('GET', '/api/requests/look-back-queue')).body as { id: number }[]).map((r) => r.id);
    for (const id of ids) expect(after).not.toContain(id);
  });

  it('导出回复 for the day: each order’s reply is its handler’s result, from its unit, 已关闭', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '待派单' }).click();
    await page.locator('.hotline-import .ant-upload-drag').waitFor({ timeout: 30_000 });
    const day = chinaDayOf(receivedAt);
    const inputs = page.locator('.reply-export-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(day);
    await page.keyboard.press('Enter');
    await inputs.nth(1).fill(day);
    await page.keyboard.press('Enter');
    await eventually(async () => expect([await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()]).toEqual([day, day]));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('.reply-export-download').click()]);
    const file = path.join(dir, 'replies.xlsx');
    await download.saveAs(file);

    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['工单编号', '办理状态', '办理结果', '承办单位', '承办人', '办结时间', '是否超期']);
    // The file is the API's replies for the day, no more and no fewer.
    const replies = (await api('GET', `/api/hotline/replies?townId=${townId}&from=${day}&to=${day}`)).body as { orderNo: string }[];
    expect(rows.slice(1).map((r) => r[0])).toEqual(replies.map((r) => r.orderNo));
    const byOrder = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const [i, orderNo] of orders.entries()) {
      const reply = (await api('GET', `/api/hotline/orders/${orderNo}/reply`)).body as {
        state: string;
        stateLabel: string;
        result: string;
        handlerUnit: string;
      };
      expect(reply).toMatchObject({ state: 'closed', stateLabel: '已关闭', result: PLACES[i]!.result, handlerUnit: places[i]!.unitName });
      expect(byOrder.get(orderNo)?.slice(0, 5)).toEqual([orderNo, '已关闭', PLACES[i]!.result, places[i]!.unitName, places[i]!.handler.name]);
      expect(byOrder.get(orderNo)?.[6]).toBe('否');
    }
  });
});
