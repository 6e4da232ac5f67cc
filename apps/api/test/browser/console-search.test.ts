import { beforeAll, describe, expect, it } from '@jest/globals';
import { REQUEST_STATE_LABELS } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { saveScreenshot } from '../support/browser';
import { useDesk } from '../support/console';
import { DOCS_SCREENSHOTS, eventually } from '../support/h5';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

const SESSION_KEY = 'gridloop.console.session';
const GRID_IN = 'SG-TT-V03-L1-S02';
const GRID_OUT = 'SG-TT-V04-L1-S01';
const WORDS = '灯杆歪了';

/**
 * Issue #19, 诉求检索 in Chromium at 1440×900 against the real API: hotline staff filter by a
 * village (the tree picker, searched by name), a state and words, Enter searching; the address
 * holds the filter, and opened in a new page shows the same rows; 下一页 / 上一页 walk the API's
 * cursor; 导出 downloads a workbook whose rows are the filtered set.
 */
describe('the desk console: 诉求检索', () => {
  const under = useAppUnderTest({ demoLogin: true });
  let page: Page;
  let staffToken: string;
  let villageId: number;
  let villageName: string;
  const desk = useDesk();
  const { problems } = desk;

  const api = (p: string) => call(under.api.baseUrl, 'GET', p, { token: staffToken });
  /** Every id the API finds for a query, page after page. */
  async function allIds(query: string): Promise<number[]> {
    const found: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/api/requests/search?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      found.push(...res.body.items.map((i: { id: number }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return found;
  }

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const ds = under.api.app.get(DataSource);
    const staff = await personWithRole(ds, 'hotline_staff', 'SG-TT');
    const signIn = await call(under.api.baseUrl, 'POST', '/api/auth/demo-login', { body: { personId: staff.personId } });
    staffToken = signIn.body.accessToken;
    const me = await api('/api/me');
    const [village] = await ds.query("SELECT id, name FROM org_unit WHERE code = 'SG-TT-V03'");
    villageId = Number(village.id);
    villageName = village.name;

    // 23 waiting in the village, 2 taken up there, 3 in another village: the filter keeps 23.
    const inside = await personWithRole(ds, 'grid_leader', GRID_IN);
    const outside = await personWithRole(ds, 'grid_leader', GRID_OUT);
    const leader = await demoToken(under.api.baseUrl, inside.personId);
    const villagers = {
      in: await demoToken(under.api.baseUrl, await addVillager(ds, { name: '周玉兰', phone: '13700001919' }, inside.unitId)),
      out: await demoToken(under.api.baseUrl, await addVillager(ds, { name: '吴长顺', phone: '13700001920' }, outside.unitId)),
    };
    const submit = async (token: string, n: number) => {
      const res = await call(under.api.baseUrl, 'POST', '/api/requests', {
        token,
        body: { clientRequestId: randomBytes(10).toString('hex'), category: 'infrastructure', description: `第${n}号路口${WORDS}，请派人看看` },
      });
      expect(res.status).toBe(201);
      return res.body as { id: number; version: number };
    };
    for (let n = 1; n <= 25; n++) {
      const made = await submit(villagers.in, n);
      if (n > 23) {
        const accepted = await call(under.api.baseUrl, 'POST', `/api/requests/${made.id}/actions/accept`, {
          token: leader,
          body: { version: made.version, contactMethod: 'call', complexity: 'complex', note: '已电话联系' },
        });
        expect(accepted.status).toBe(200);
      }
    }
    for (let n = 26; n <= 28; n++) await submit(villagers.out, n);

    page = desk.page;
    // Signed in for every page of this browser (sessionStorage is per tab): the demo sign-in's own tokens.
    await page
      .context()
      .addInitScript(([key, session]) => sessionStorage.setItem(key, session), [
        SESSION_KEY,
        JSON.stringify({ accessToken: signIn.body.accessToken, refreshToken: signIn.body.refreshToken, me: me.body }),
      ] as const);
  });

  it('filters by village, state and words (Enter searches), keeps the filter in the address, pages by the cursor and exports the set', async () => {
    await page.goto(`${under.api.baseUrl}/console/search`);
    await page.getByRole('menuitem', { name: '诉求检索' }).waitFor({ timeout: 30_000 });
    await page.locator('.search-table .ant-table-row').first().waitFor({ timeout: 15_000 });

    // antd's own words come in Chinese: the date picker's hints and calendar under the zhCN locale.
    expect(await page.locator('.search-received input').first().getAttribute('placeholder')).toBe('开始日期');
    await page.locator('.search-received').click();
    const calendar = page.locator('.ant-picker-dropdown:visible');
    await calendar.waitFor({ timeout: 15_000 });
    expect(await calendar.innerText()).not.toMatch(/[A-Za-z]{2,}/);
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'hidden' });

    // The place: the tree picker, searched by the village's name.
    await page.locator('.search-place').click();
    await page.locator('.search-place input').fill(villageName);
    await page.locator('.ant-select-tree-treenode').filter({ hasText: villageName }).first().locator('.ant-select-tree-node-content-wrapper').click();
    // The state, by its Chinese label from packages/domain.
    await page.locator('.search-state').click();
    await page.locator('.ant-select-item-option').filter({ hasText: REQUEST_STATE_LABELS.submitted }).click();
    await page.keyboard.press('Escape');
    // The words, and Enter.
    await page.locator('.search-words input').fill(WORDS);
    await page.locator('.search-words input').press('Enter');

    await page.waitForURL((url) => url.searchParams.get('q') === WORDS, { timeout: 15_000 });
    const address = new URL(page.url());
    expect(address.searchParams.get('unitId')).toBe(String(villageId));
    expect(address.searchParams.get('state')).toBe('submitted');
    const expected = await allIds(`unitId=${villageId}&state=submitted&q=${encodeURIComponent(WORDS)}`);
    expect(expected).toHaveLength(23);

    // The first page: 20 rows, as the API pages them.
    await expectRows(page, expected.slice(0, 20));
    await page.locator('.search-filters').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'console-search');
    fs.copyFileSync(path.join(process.cwd(), 'test-results', 'screenshots', 'console-search.png'), path.join(DOCS_SCREENSHOTS, 'console-search.png'));

    // 下一页 and 上一页 walk the cursor.
    await page.locator('.search-next').click();
    await expectRows(page, expected.slice(20));
    expect(await page.locator('.search-next').isDisabled()).toBe(true);
    await page.locator('.search-previous').click();
    await expectRows(page, expected.slice(0, 20));

    // The address reproduces the view in a new page.
    const other = await page.context().newPage();
    other.on('pageerror', (error) => problems.push(`page error (new page): ${error.message}`));
    await other.goto(page.url());
    await expectRows(other, expected.slice(0, 20));
    expect(await other.locator('.search-words input').inputValue()).toBe(WORDS);
    expect(await other.locator('.search-state').innerText()).toContain(REQUEST_STATE_LABELS.submitted);
    // A row opens the matter's page.
    expect(await other.locator('.search-table .ant-table-row td:first-child a').first().getAttribute('href')).toBe(`/console/requests/${expected[0]}`);
    await other.close();

    // 导出: a workbook of the whole filtered set, in the table's order.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('.search-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^诉求检索_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = path.join(process.cwd(), 'test-results', `console-search-${Date.now()}.xlsx`);
    await download.saveAs(saved);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0]!;
    const ids: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(Number(row.getCell(1).value));
    });
    expect(ids).toEqual(expected);
    expect(String(sheet.getRow(2).getCell(6).value)).toContain(WORDS);

    // Back: the search before this one (no filter), the form emptied with it.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q'), { timeout: 15_000 });
    await eventually(async () => expect(await page.locator('.search-words input').inputValue()).toBe(''));
  }, 180_000);
});

async function expectRows(on: Page, ids: number[]): Promise<void> {
  await eventually(async () => expect((await on.locator('.search-table .ant-table-row td:first-child a').allInnerTexts()).map(Number)).toEqual(ids));
}
