import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readWxaCode, type FakeWechat } from '@gridloop/wechat-fake';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadAppConfig, type WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { openPhoneBrowser, saveScreenshot, type PhoneBrowser } from '../support/browser';
import { requireConsoleBuild, openDesk } from '../support/console';
import { startFakeWechat } from '../support/fake-wechat';
import { eventually, openHome, requireH5Build, signInAs } from '../support/h5';
import { call } from '../support/http';
import { demoToken, personWithRole, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

/**
 * 扫码登录 (#19) in Chromium at 1440×900: the sign-in page shows the mini-program code WeChat (the
 * fake) drew for a one-time ticket, beside the demo sign-in; the phone confirms through the API as
 * the mini-program does; the polling console lands on 工作台 as that person. Signed out from the
 * phone's 我的 (电脑登录, which asks first), the console is signed out on its next call.
 */
describe('the desk console: sign in by scanning', () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, demoLogin: true }));
  let desk: PhoneBrowser;
  let handset: PhoneBrowser;
  let page: Page;
  let staff: SeededPerson;
  const problems: string[] = [];

  beforeAll(async () => {
    requireConsoleBuild();
    requireH5Build(loadAppConfig({}).h5Dir);
    await seedDemoIfEmpty(under.api.app);
    staff = await personWithRole(under.api.app.get(DataSource), 'hotline_staff');
    desk = await openDesk(problems);
    page = desk.page;
  });
  afterAll(async () => {
    await desk?.close();
    await handset?.close();
  });

  it('shows the code, and lands on 工作台 once the phone confirms; revoked on the phone, the console is signed out', async () => {
    await page.goto(`${under.api.baseUrl}/console/`);
    const code = page.locator('img.desk-code');
    await code.waitFor({ timeout: 30_000 });
    await page.getByText('请用微信扫一扫，在「网格通」小程序里确认登录。').waitFor();
    // Both ways in: the demo sign-in is there too (DEMO_LOGIN=1).
    await page.getByPlaceholder('按姓名、身份或单位查找').waitFor();
    const src = (await code.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/jpeg;base64,')).toBe(true);
    const drawn = readWxaCode(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
    expect(drawn.page).toBe('pages/desk-sign-in/index');
    await saveScreenshot(page, 'console-sign-in-scan', { forDocs: true });

    // The phone, as the mini-program's confirm page does: read the ticket, then 确认登录.
    const phone = await demoToken(under.api.baseUrl, staff.personId);
    const info = await call(under.api.baseUrl, 'GET', `/api/desk-tickets/${drawn.scene}`, { token: phone });
    expect(info.body.browser).toBe('电脑上的谷歌浏览器');
    expect((await call(under.api.baseUrl, 'POST', `/api/desk-tickets/${drawn.scene}/confirm`, { token: phone })).status).toBe(204);

    await page.locator('.console-me').getByText(staff.name, { exact: false }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/console/workbench');
    await page.getByText('今日新收').first().waitFor({ timeout: 15_000 });

    // On the phone: 我的 lists this desk; a tap asks first, and 不退出 leaves it signed in.
    handset = await openPhoneBrowser({ width: 390, height: 844 });
    const app = handset.page;
    await openHome(app, under.api.baseUrl);
    await signInAs(app, staff);
    await app.goto(`${under.api.baseUrl}/#/subpackages/account/me/index`);
    const row = app.locator('.me-desk').filter({ hasText: '电脑上的谷歌浏览器' });
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await app.getByText('让这台电脑退出登录？').waitFor({ timeout: 15_000 });
    const modal = app.locator('.taro-modal__foot');
    await modal.getByText('不退出', { exact: true }).click();
    await app.getByText('让这台电脑退出登录？').waitFor({ state: 'hidden' });
    const listed = await call(under.api.baseUrl, 'GET', '/api/me/desk-sign-ins', { token: phone });
    expect(listed.body).toHaveLength(1);

    await row.click();
    await modal.getByText('退出', { exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await eventually(async () => expect((await call(under.api.baseUrl, 'GET', '/api/me/desk-sign-ins', { token: phone })).body).toHaveLength(0));
    await page.reload();
    await page.locator('img.desk-code').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).not.toBe('/console/workbench');
    expect(problems).toEqual([]);
  });
});
