import * as fs from 'node:fs';
import { afterAll, beforeAll } from '@jest/globals';
import { Locator, Page } from 'playwright-core';
import { loadAppConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { openPhoneBrowser, type PhoneBrowser } from './browser';
import type { AppUnderTest } from './test-app';
import { saveScreenshot } from './browser';

/** Helpers for driving the H5 build of the mini-program in Chromium. */

/** The README's screenshots (docs/screenshots). */
export { DOCS_SCREENSHOTS } from './browser';
export const SIGN_IN = '/#/subpackages/account/sign-in/index';

/** NutUI's button label swallows clicks: tap the outer taro-button-core element. */
export function button(scope: Page | Locator, text: string | RegExp, className = ''): Locator {
  return scope.locator(`taro-button-core${className}:visible`).filter({ hasText: text });
}

/** The page on top (Taro H5 keeps earlier pages in the DOM, hidden). */
export function current(page: Page): Locator {
  return page.locator('.taro_page:visible').last();
}

/** Waits for Taro's page slide-in to finish (going back mid-slide can leave the page below hidden). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page')).every((el) => Math.abs(el.getBoundingClientRect().left) < 1));
}

/**
 * Waits for the page slide to finish and every shown photo to load, then saves from the top of the
 * page (or with `at` in view) to test-results and (for the README) docs/screenshots.
 */
export async function screenshot(page: Page, name: string, forDocs = false, at?: Locator): Promise<void> {
  await settled(page);
  // The part of the page that matters, brought into view only if it is not (a page that moved
  // under a held pointer would end the hold: 按住说话); else the top of the page.
  if (at) await at.scrollIntoViewIfNeeded();
  else {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('.taro_page').forEach((el) => el.scrollTo(0, 0));
    });
  }
  // Photos arrive after the page (fetched with the sign-in): wait for every shown one to load.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_page:not([style*="display: none"]) .photo-thumb')).every((thumb) => {
      const img = thumb.querySelector('img');
      return !!img && img.complete && img.naturalWidth > 0;
    }),
  );
  await saveScreenshot(page, name, { forDocs });
}

export { eventually } from './eventually';

/**
 * Keeps the voice button held until the app's own countdown shows that `seconds` have been
 * recorded (never a fixed wait: a loaded machine records as long as it shows).
 */
export async function holdUntilRecorded(hold: Locator, seconds: number): Promise<void> {
  const left = 60 - seconds;
  await hold.getByText(new RegExp(`还能说 (${Array.from({ length: left + 1 }, (_, i) => i).join('|')}) 秒`)).waitFor({ timeout: 30_000 });
}

/** Signs in through the demo login page (the previous sign-in on this phone is replaced). */
export async function signInAs(page: Page, who: { name: string }): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}${SIGN_IN.slice(1)}`);
  await page.getByText('演示模式', { exact: true }).waitFor({ timeout: 15_000 });
  await page.locator('.demo-person:visible').filter({ hasText: who.name }).first().click();
  await page.locator('.home-greeting-name').getByText(`${who.name}，您好`).waitFor({ timeout: 15_000 });
}

/** Fails early, with what to do, when the mini-program's H5 build is missing. */
export function requireH5Build(h5Dir: string): void {
  if (!fs.existsSync(`${h5Dir}/index.html`)) throw new Error(`no H5 build at ${h5Dir}: run the miniapp build:h5 first`);
}

/** Opens the app's home page (the H5 build served by the API) and waits for it. */
export async function openHome(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('.home-title').getByText('网格通', { exact: true }).waitFor({ timeout: 30_000 });
}

/** The phone a browser test file drives, and the page errors seen on it (a test expects none). */
export interface PhoneOnApp {
  readonly page: Page;
  readonly pageErrors: string[];
}

/**
 * One phone on the app under test for a whole file; declare it right after useAppUnderTest, so
 * it is ready before the file's own beforeAll: the H5 build required, the demo county seeded,
 * Chromium opened (360×780 unless told) on the home page with its page errors kept; closed after.
 * `beforeHome` runs on the page first (e.g. to set the phone's clock).
 */
export function usePhoneOnApp(
  under: AppUnderTest,
  options: { viewport?: { width: number; height: number }; beforeHome?(page: Page): Promise<void> } = {},
): PhoneOnApp {
  let phone: PhoneBrowser | undefined;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    requireH5Build(loadAppConfig({}).h5Dir);
    await seedDemoIfEmpty(under.api.app);
    phone = await openPhoneBrowser(options.viewport ?? { width: 360, height: 780 });
    phone.page.on('pageerror', (error) => pageErrors.push(error.message));
    await options.beforeHome?.(phone.page);
    await openHome(phone.page, under.api.baseUrl);
  });
  afterAll(async () => {
    await phone?.close();
  });
  return {
    get page(): Page {
      if (!phone) throw new Error('the phone opens in beforeAll');
      return phone.page;
    },
    pageErrors,
  };
}
