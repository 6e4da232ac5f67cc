import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { pngImage } from '../support/images';
import { addVillager, personWithRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '孙秀兰', phone: '13912345678' };
const TEXT = '村西头的井盖丢了，晚上路过很危险。';

async function choosePhoto(page: Page, within: Locator): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await within.locator('.photo-add').click();
  await (await chooser).setFiles({ name: 'well.png', mimeType: 'image/png', buffer: pngImage(120, 90) });
}

/**
 * Taro's H5 photo viewer (previewImage, with the swiper library) is loaded only when a photo is
 * first tapped (weak networks, docs/miniapp.md): 我要反映 does not fetch it, and a tap on a
 * matter's photo still opens it full size.
 */
describe('the photo viewer, loaded on the first tap (H5)', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  const scripts: string[] = [];

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader');
    await addVillager(dataSource, VILLAGER, leader.unitId);
    phone.page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
  });

  it('a matter’s photo opens full size when tapped; the viewer came with the tap', async () => {
    const { page } = phone;
    await signInAs(page, VILLAGER);
    await button(page, /^我要反映$/, '.home-report').click();
    const form = current(page);
    await form.getByText('是哪一类事情').waitFor({ timeout: 15_000 });
    await form.locator('.report-category').filter({ hasText: '安全隐患' }).click();
    await form.locator('.report-description textarea').fill(TEXT);
    await choosePhoto(page, form);
    await form.locator('.photo-cell--done').first().waitFor({ timeout: 15_000 });
    await button(form, /^提交$/, '.report-submit').click();
    await page.getByText('提交成功！网格员会尽快和您联系。').waitFor({ timeout: 30_000 });
    const shown = current(page);
    const thumb = shown.locator('.req-summary .photo-thumb').first();
    await thumb.locator('img').waitFor();
    // Nothing has asked for the viewer yet.
    expect(await page.locator('taro-swiper-core').count()).toBe(0);
    const before = scripts.length;

    await thumb.click();
    const viewer = page.locator('taro-swiper-core:visible');
    await viewer.waitFor({ timeout: 15_000 });
    await viewer.locator('img[src^="blob:"]').first().waitFor({ state: 'attached', timeout: 15_000 });
    // Its code came with the tap.
    expect(scripts.length).toBeGreaterThan(before);
  });

  it('raised no page errors', () => {
    expect(phone.pageErrors).toEqual([]);
  });
});
