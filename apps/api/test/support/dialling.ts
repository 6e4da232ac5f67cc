import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** tel: links the page followed (catchDialling). */
    dialled?: string[];
  }
}

/**
 * Stands in for the phone's dialer: every tel: link the page follows from now on is kept (in the
 * order followed) instead of being handed to the system, whose "open an app?" prompt would stay
 * pending in a desktop Chromium. Installed on this document and on every one loaded after it.
 */
export async function catchDialling(page: Page): Promise<void> {
  const install = () => {
    // Installed before on this document: start the list afresh, keep the one listener.
    if (window.dialled) {
      window.dialled = [];
      return;
    }
    window.dialled = [];
    document.addEventListener(
      'click',
      (event) => {
        const link = event.target instanceof Element ? event.target.closest('a') : null;
        if (!link?.href.startsWith('tel:')) return;
        event.preventDefault();
        window.dialled!.push(link.href);
      },
      true,
    );
  };
  await page.addInitScript(install);
  await page.evaluate(install);
}

/** Waits until the page has followed `count` tel: links, and answers them. */
export async function dialledNumbers(page: Page, count = 1): Promise<string[]> {
  await page.waitForFunction((n) => (window.dialled?.length ?? 0) >= n, count);
  return page.evaluate(() => window.dialled ?? []);
}
