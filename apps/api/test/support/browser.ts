import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded one; flags keep it off the (closed) network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(process.cwd(), 'test-results', 'screenshots');

export interface PhoneBrowser {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * A phone-sized page (375×667 unless told, zh-CN); Playwright gives each launch a fresh temporary
 * profile. Chromium's fake microphone (a steady beep) answers getUserMedia without asking.
 */
export async function openPhoneBrowser(viewport: { width: number; height: number } = { width: 375, height: 667 }): Promise<PhoneBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 2 });
  const page = await context.newPage();
  return {
    browser,
    page,
    close: () => browser.close(),
  };
}

/** The pictures docs/ and the README show, refreshed by the tests that take them. */
export const DOCS_SCREENSHOTS = path.resolve(process.cwd(), '..', '..', 'docs', 'screenshots');

/** A screenshot under test-results/screenshots, and with `forDocs` the same picture under docs/screenshots. */
export async function saveScreenshot(page: Page, name: string, { forDocs = false } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (forDocs) {
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
  return file;
}
