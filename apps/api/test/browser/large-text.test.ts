import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Locator } from 'playwright-core';
import { personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, openHome, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

/** The rendered text size of an element, in CSS pixels. */
function fontSize(element: Locator): Promise<number> {
  return element.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/**
 * 大字模式 in the H5 build in Chromium: the switch on 我的 makes the text on every page larger
 * (NutUI's buttons too), and the choice stays on the phone across a reload until it is switched off.
 */
describe('大字模式 in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;

  beforeAll(async () => {
    leader = await personWithRole(under.api.app.get(DataSource), 'grid_leader');
  });

  it('switching it on in 我的 enlarges the text there and on home, and it stays after a reload', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    const homeTitle = current(page).locator('.home-title');
    const homeButton = button(page, '我的', '.home-me');
    const normalTitle = await fontSize(homeTitle);
    // The label we size, and NutUI's own size on the button itself.
    const normalLabel = await fontSize(homeButton.locator('.nut-button-children'));
    const normalButton = await fontSize(homeButton);

    await homeButton.click();
    const me = current(page);
    const name = me.locator('.me-name');
    await name.getByText(leader.name, { exact: true }).waitFor({ timeout: 15_000 });
    const normalName = await fontSize(name);
    await me.locator('.me-large-text').getByText('大字模式').waitFor();

    await me.locator('.me-large-text-switch').click();
    // 1.3 times, on this page at once.
    await page.waitForFunction(
      (before) => parseFloat(getComputedStyle(document.querySelector('.taro_page:not([style*="display: none"]) .me-name')!).fontSize) > before * 1.25,
      normalName,
    );
    expect(await fontSize(name)).toBeCloseTo(normalName * 1.3, 0);
    // The page slides in with a CSS animation: let it finish before the picture.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await screenshot(page, 'me-large-text', true);

    // Still large after reloading the app.
    await page.reload();
    const reloaded = current(page).locator('.me-name');
    await reloaded.getByText(leader.name, { exact: true }).waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await fontSize(reloaded)).toBeCloseTo(normalName * 1.3, 0));
    await current(page).locator('.me-large-text-switch:not(.nut-switch-close)').waitFor();

    // And on home: the title and NutUI's buttons.
    await openHome(page, under.api.baseUrl);
    const title = current(page).locator('.home-title');
    await eventually(async () => {
      expect(await fontSize(title)).toBeCloseTo(normalTitle * 1.3, 0);
      expect(await fontSize(button(page, '我的', '.home-me').locator('.nut-button-children'))).toBeCloseTo(normalLabel * 1.3, 0);
      expect(await fontSize(button(page, '我的', '.home-me'))).toBeCloseTo(normalButton * 1.3, 0);
    });

    // Off again: back to the normal size.
    await button(page, '我的', '.home-me').click();
    await current(page).locator('.me-large-text-switch').click();
    await page.waitForFunction(
      (before) => parseFloat(getComputedStyle(document.querySelector('.taro_page:not([style*="display: none"]) .me-name')!).fontSize) < before * 1.05,
      normalName,
    );
    expect(pageErrors).toEqual([]);
  });
});
