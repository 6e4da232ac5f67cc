import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Locator, Page } from 'playwright-core';
import { addVillager, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, openHome, screenshot, settled, signInAs, usePhoneOnApp } from '../support/h5';

/** The rendered text size of an element, in CSS pixels. */
function fontSize(element: Locator): Promise<number> {
  return element.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** At least 44 CSS px high (88 rpx in weapp) and text at least 16 px, for every tappable thing. */
const MIN_TAP_HEIGHT = 44;
const MIN_TEXT_SIZE = 16;

/**
 * Every visible thing on the page on top that takes a tap (a tap or touch listener: our views and
 * NutUI's alike), or an input, with its height and its smallest text; those under the limits, as
 * readable lines.
 */
function smallTapTargets(page: Page): Promise<string[]> {
  return current(page).evaluate(
    (root, [minHeight, minText]) => {
      // Taro's H5 elements keep their listeners in __events (click, touchstart, longpress…).
      const tappable = (el: Element) => {
        const events = Object.keys((el as unknown as { __events?: object }).__events ?? {});
        return ['INPUT', 'TEXTAREA'].includes(el.tagName) || events.some((name) => ['click', 'tap', 'touchstart', 'longpress'].includes(name));
      };
      const shown = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const textSizes = (el: Element): number[] => {
        if (['INPUT', 'TEXTAREA'].includes(el.tagName)) return [parseFloat(getComputedStyle(el).fontSize)];
        return [el, ...Array.from(el.querySelectorAll('*'))]
          .filter((node) => shown(node) && Array.from(node.childNodes).some((child) => child.nodeType === 3 && child.textContent!.trim() !== ''))
          .map((node) => parseFloat(getComputedStyle(node).fontSize));
      };
      const small: string[] = [];
      for (const el of Array.from(root.querySelectorAll('*')).filter((node) => tappable(node) && shown(node))) {
        const height = el.getBoundingClientRect().height;
        const sizes = textSizes(el);
        const text = sizes.length > 0 ? Math.min(...sizes) : minText;
        if (height < minHeight - 0.5 || text < minText - 0.05) {
          const label = (el.textContent ?? '').trim().slice(0, 12) || (el as HTMLInputElement).placeholder?.slice(0, 12) || '';
          small.push(
            `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 3).join('.')} 「${label}」 ${height.toFixed(1)} px high, text ${text.toFixed(1)} px`,
          );
        }
      }
      return small;
    },
    [MIN_TAP_HEIGHT, MIN_TEXT_SIZE] as const,
  );
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

  it("on a villager's home and 我要反映 every tap target is 44 px high with 16 px text; the whole 什么事 box takes a tap; 大字模式 enlarges what is typed too", async () => {
    const { page } = phone;
    const villager = { name: '钱玉兰', phone: '13912340199' };
    await addVillager(under.api.app.get(DataSource), villager, leader.unitId);
    await signInAs(page, villager);
    await current(page).locator('.home-report').first().waitFor();
    expect(await smallTapTargets(page)).toEqual([]);

    await button(page, '我要反映', '.home-report').first().click();
    const report = current(page);
    const box = report.locator('.form-textarea.report-description');
    await box.waitFor({ timeout: 15_000 });
    // The privacy card's 「同意，填写手机号」 is on the page before any phone number is asked.
    await report.locator('.privacy-gate-agree').waitFor();
    expect(await smallTapTargets(page)).toEqual([]);

    // The textarea fills its box: a tap on the box's last line starts typing.
    const textarea = box.locator('textarea');
    const [boxHeight, areaHeight] = await Promise.all([
      box.evaluate((el) => el.getBoundingClientRect().height),
      textarea.evaluate((el) => el.getBoundingClientRect().height),
    ]);
    expect(areaHeight).toBeGreaterThanOrEqual(boxHeight - 4); // all but the box's border
    // Where the box is once the page has slid in and it is in view.
    await settled(page);
    await box.scrollIntoViewIfNeeded();
    const area = (await box.boundingBox())!;
    await page.mouse.click(area.x + area.width / 2, area.y + area.height - 10);
    await eventually(async () => expect(await textarea.evaluate((el) => el === document.activeElement)).toBe(true));
    await textarea.fill('门口的水管漏水了');
    await screenshot(page, 'report-normal-text', false, box);

    // 大字模式 on (我的), then back to 我要反映: the typed text is at least as large as its label,
    // and larger than the 「8/2000」 counter below it; the phone and place inputs grow with it.
    await openHome(page, under.api.baseUrl);
    await button(page, '我的', '.home-me').click();
    await current(page).locator('.me-large-text-switch').click();
    await current(page).locator('.me-large-text-switch:not(.nut-switch-close)').waitFor();
    await openHome(page, under.api.baseUrl);
    await button(page, '我要反映', '.home-report').first().click();
    const large = current(page);
    const label = large.locator('.form-field .form-label').filter({ hasText: '什么事' });
    await label.waitFor({ timeout: 15_000 });
    const labelSize = await fontSize(label);
    const typed = large.locator('.report-description textarea');
    await eventually(async () => expect(await fontSize(typed)).toBeGreaterThanOrEqual(labelSize));
    expect(await fontSize(typed)).toBeGreaterThan(await fontSize(large.locator('.report-description .nut-textarea-limit')));
    expect(await fontSize(large.locator('.report-address input'))).toBeGreaterThanOrEqual(
      await fontSize(large.locator('.form-label').filter({ hasText: '地点' })),
    );
    expect(await fontSize(large.locator('.privacy-gate-agree .nut-button-children'))).toBeGreaterThanOrEqual(MIN_TEXT_SIZE * 1.3 - 0.1);
    await screenshot(page, 'report-large-text', false, typed);

    // Off again, for the next test file on this phone's storage.
    await openHome(page, under.api.baseUrl);
    await button(page, '我的', '.home-me').click();
    await current(page).locator('.me-large-text-switch').click();
    await current(page).locator('.me-large-text-switch.nut-switch-close').waitFor();
  });
});
