import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Locator } from 'playwright-core';
import { DataSource } from 'typeorm';
import { pngImage } from '../support/images';
import { addVillager, personWithRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, holdUntilRecorded, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '吴春燕', phone: '13912340057' };

/**
 * Hardening (headers): the API serves the H5 app and the API docs under a Content-Security-Policy
 * (src/common/security-headers.ts). Chromium enforces it here (Playwright does not bypass it);
 * every violation the page reports, as an event or on the console, fails the test, while the
 * pages work: the demo sign-in, home, 我要反映 with a photo preview and a voice note, the sent
 * matter with its photo and player, a staff report with charts, and Swagger UI.
 */
describe('the H5 app and the API docs under the Content-Security-Policy', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const violations: string[] = [];
  const phone = usePhoneOnApp(under, {
    beforeHome: async (page) => {
      await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
      });
    },
  });
  const { pageErrors } = phone;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    await addVillager(dataSource, VILLAGER, (await personWithRole(dataSource, 'grid_leader')).unitId);
  });

  afterEach(() => {
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('serves the app with the policy, and home and the demo sign-in work under it', async () => {
    const { page } = phone;
    const home = await page.request.get(`${under.api.baseUrl}/`);
    expect(home.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    await page.getByText('服务正常').first().waitFor({ timeout: 15_000 });
    await signInAs(page, VILLAGER);
  });

  it('我要反映: a photo preview and a voice note recorded, played back and sent', async () => {
    const { page } = phone;
    await button(page, /^我要反映$/, '.home-report').click();
    const form = current(page);
    await form.getByText('是哪一类事情').waitFor({ timeout: 15_000 });
    await form.locator('.report-category').filter({ hasText: '环境卫生' }).click();
    await form.locator('.report-description textarea').fill('村口的垃圾桶满了好几天，请安排清运。');
    await button(form, /同意/, '.privacy-gate-agree').click();
    await form.locator('.report-phone input').fill(VILLAGER.phone);

    const chooser = page.waitForEvent('filechooser');
    await form.locator('.photo-add').click();
    await (await chooser).setFiles({ name: 'bin.png', mimeType: 'image/png', buffer: pngImage(120, 90) });
    await loaded(form.locator('.photo-cell--done img').first());

    const hold = form.locator('.voice-hold');
    await hold.scrollIntoViewIfNeeded();
    const box = (await hold.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await form.locator('.voice-hold--recording').waitFor();
    await holdUntilRecorded(hold, 2);
    await page.mouse.up();
    const player = form.locator('.voice-field--done .voice-player');
    await player.waitFor({ timeout: 15_000 });
    await player.click();
    await form.locator('.voice-player--playing').waitFor({ timeout: 10_000 });

    await button(page, /^提交$/, '.report-submit').click();
    await page.getByText('提交成功！网格员会尽快和您联系。').waitFor({ timeout: 30_000 });
    const sent = current(page);
    await loaded(sent.locator('.req-summary .photo-thumb img').first());
    await sent.locator('.req-voice').waitFor();
  });

  it('hotline staff: 受理日报 and its chart sections', async () => {
    const { page } = phone;
    await signInAs(page, await personWithRole(under.api.app.get(DataSource), 'hotline_staff'));
    await button(page, '受理日报', '.home-bulletin').click();
    const bulletin = current(page);
    await bulletin
      .locator('.report-title')
      .getByText(/受理情况日报/)
      .waitFor({ timeout: 15_000 });
    await bulletin.locator('.chart-title').getByText('按类别').waitFor({ timeout: 15_000 });
  });

  it('Swagger UI at /api/docs renders the API under the same policy', async () => {
    const { page } = phone;
    await page.goto(`${under.api.baseUrl}/api/docs`);
    await page
      .locator('.swagger-ui .info .title')
      .getByText(/GridLoop API/)
      .waitFor({ timeout: 30_000 });
    await page.locator('.opblock-tag').first().waitFor();
  });
});

/** Waits until an image has really loaded (a blocked `blob:` or `data:` URL never does). */
async function loaded(image: Locator): Promise<void> {
  await image.waitFor({ timeout: 15_000 });
  await image.page().waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
}
