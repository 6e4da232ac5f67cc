import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { loadAppConfig } from '../../src/config/app-config';
import { openPhoneBrowser, type PhoneBrowser } from './browser';

/** The desk console's build, which the API serves at /console/ (npm test builds it before the browser tests). */
export function requireConsoleBuild(): void {
  const consoleDir = loadAppConfig({}).consoleDir;
  if (!fs.existsSync(path.join(consoleDir, 'index.html')))
    throw new Error(`no console build at ${consoleDir}: run pnpm --filter @gridloop/console build first`);
}

/**
 * A browser at a desk (1440×900) whose page errors and Content-Security-Policy complaints are added
 * to `problems` (each console test asserts it empty after every test).
 */
export async function openDesk(problems: string[]): Promise<PhoneBrowser> {
  const desk = await openPhoneBrowser({ width: 1440, height: 900 });
  desk.page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  desk.page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return desk;
}

/** On the console's sign-in page: the demo sign-in as the person named (DEMO_LOGIN=1). */
export async function demoSignInAtDesk(page: Page, name: string): Promise<void> {
  await page.getByText('网格通 · 电脑工作台').waitFor({ timeout: 30_000 });
  await page.getByPlaceholder('按姓名、身份或单位查找').fill(name);
  await page.locator('.ant-table-row').filter({ hasText: name }).first().getByRole('button', { name: '以此身份登录' }).click();
}

/**
 * For a describe block of console tests: the build checked and a desk browser opened before its own
 * beforeAll (call this before it), closed after; every test ends with no page error and no CSP complaint.
 */
export function useDesk(): { readonly page: Page; readonly problems: string[] } {
  let desk: PhoneBrowser | undefined;
  const problems: string[] = [];
  beforeAll(async () => {
    requireConsoleBuild();
    desk = await openDesk(problems);
  });
  afterAll(async () => {
    await desk?.close();
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });
  return {
    get page(): Page {
      if (!desk) throw new Error('the desk opens in beforeAll');
      return desk.page;
    },
    problems,
  };
}
