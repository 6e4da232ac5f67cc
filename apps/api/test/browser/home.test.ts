import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import { loadAppConfig } from '../../src/config/app-config';
import { openPhoneBrowser, PhoneBrowser, saveScreenshot } from '../support/browser';
import { RunningApp, startTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The H5 build of the mini-program, served by the real API, opened in Chromium as a phone. */
describe('the H5 app in a browser', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let phone: PhoneBrowser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { h5Dir } = loadAppConfig({});
    if (!fs.existsSync(`${h5Dir}/index.html`)) throw new Error(`no H5 build at ${h5Dir}: run the miniapp build:h5 first`);
    db = await createTestDatabase();
    api = await startTestApp(db.target);
    phone = await openPhoneBrowser();
    phone.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await phone?.close();
    await api?.close();
    await db?.drop();
  });

  it('renders the home page in Chinese with the live service state from the API', async () => {
    const { page } = phone;
    await page.goto(`${api.baseUrl}/`);
    await page.locator('.home-title').getByText('网格通', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText('我要反映', { exact: true }).first().waitFor();
    // The state line comes from GET /api/health through the generated client.
    await page.getByText('服务正常').first().waitFor({ timeout: 15_000 });
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(text).not.toMatch(/Hello world/i);
    const file = await saveScreenshot(page, 'home');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });
});
