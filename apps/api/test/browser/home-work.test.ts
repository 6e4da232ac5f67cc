import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '钱秀兰', phone: '13912340177' };
const at = (text: string) => new Date(`${text}+08:00`);

/**
 * Issue #17, "homes that say what to do next", in the H5 build in Chromium: a grid leader's home
 * leads with his work (待办 and its count, how many are about to run out or already have) and puts
 * 我要反映 after his own entries; a villager's home still leads with 我要反映.
 */
describe('the home leads with the work and its counts', () => {
  const clock = new ManualClock(at('2026-11-24T08:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  const phone = usePhoneOnApp(under);
  let leader: SeededPerson;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const ds = under.api.app.get(DataSource);
    // The first seeded grid leader: the demo sign-in page lists him.
    leader = await personWithRole(ds, 'grid_leader');
    // The demo county has no villagers; holding the villager role puts her on the demo sign-in list.
    const token = await demoToken(under.api.baseUrl, await addVillager(ds, VILLAGER, leader.unitId));
    for (const when of ['2026-11-24T08:00:00', '2026-11-24T09:00:00']) {
      clock.set(at(when));
      const filed = await api('POST', '/api/requests', token, {
        clientRequestId: randomBytes(12).toString('hex'),
        category: 'environment',
        description: '沟里的水发臭了',
      });
      expect(filed.status).toBe(201);
    }
    // 09:50: the first is past its contact hour, the second has been reminded (15 minutes before 10:00).
    clock.set(at('2026-11-24T09:50:00'));
  });

  it('a grid leader sees 待办 with its count and 已超时 / 即将超时, and the tile opens the inbox', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    const work = (await api('GET', '/api/me/work', await demoToken(under.api.baseUrl, leader.personId))).body;
    expect(work.overdue).toBeGreaterThanOrEqual(1);
    expect(work.dueSoon).toBeGreaterThanOrEqual(1);
    const tile = button(page, '待办', '.home-inbox');
    await eventually(async () => expect(await tile.locator('.home-tile-count').innerText()).toBe(String(work.handling)));
    await page.getByText(`已超时 ${work.overdue} 件`, { exact: true }).waitFor();
    await page.getByText(`即将超时 ${work.dueSoon} 件`, { exact: true }).waitFor();
    // His own work first; reporting a matter of his own comes after it.
    const order = await page.locator('.home-tile:visible, .home-patrol:visible, .home-report:visible').evaluateAll((els) => els.map((el) => el.className));
    expect(order.findIndex((c) => c.includes('home-report'))).toBe(order.length - 1);
    expect(await page.locator('.home-dispatch:visible, .home-look-back:visible').count()).toBe(0);
    await screenshot(page, 'home-grid-leader', true);
    await tile.click();
    await current(page).getByText(`共 ${work.handling} 件`, { exact: false }).waitFor({ timeout: 15_000 });
  });

  it('a villager’s home still leads with 我要反映 and shows no work tiles', async () => {
    const { page } = phone;
    await signInAs(page, VILLAGER);
    await button(page, /^我要反映$/, '.home-report').waitFor();
    expect(await page.locator('.home-tile:visible').count()).toBe(0);
    expect(phone.pageErrors).toEqual([]);
  });
});
