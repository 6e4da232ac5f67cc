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
 * 我要反映 after his own entries; a villager's home still leads with 我要反映; a town leader's home
 * opens on the month's key figures of his town (受理, 办结, 超期, 满意率), the monthly board's own counts.
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
    expect(await page.locator('.town-figures:visible').count()).toBe(0);
    expect(phone.pageErrors).toEqual([]);
  });

  it('a town leader’s home opens on the month’s key figures of his town, as the monthly board counts them', async () => {
    const { page } = phone;
    const ds = under.api.app.get(DataSource);
    const townCode = leader.unitCode.split('-').slice(0, 2).join('-');
    const townLeader = await personWithRole(ds, 'town_leader', townCode);
    const [town]: { id: number; name: string }[] = await ds.query('SELECT id, name FROM org_unit WHERE code = ?', [townCode]);
    // The board's own figures for the month, summed over the town's villages and departments (no 12345 order here).
    const board = async (level: string) =>
      (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${Number(town!.id)}&month=2026-11&level=${level}`)).body.rows as {
        received: number;
        resolved: number;
        openOverdue: number;
      }[];
    const rows = [...(await board('village')), ...(await board('department'))];
    const sum = (figure: 'received' | 'resolved' | 'openOverdue') => rows.reduce((n, row) => n + row[figure], 0);
    expect([sum('received'), sum('resolved'), sum('openOverdue')]).toEqual([2, 0, 1]);

    await signInAs(page, townLeader);
    const card = page.locator('.town-figures');
    await card.locator('.town-figures-title').getByText(`${town!.name} · 本月（11月）`).waitFor({ timeout: 15_000 });
    const value = (key: string) => card.locator(`.town-figure-${key} .town-figure-value`).innerText();
    await eventually(async () =>
      expect([await value('received'), await value('resolved'), await value('overdue'), await value('satisfaction')]).toEqual(['2', '0', '1', '暂无数据']),
    );
    expect(await card.locator('.town-figure-overdue .town-figure-value--alarm').count()).toBe(1);
    // The figures come before his work tiles.
    const order = await page.locator('.town-figures:visible, .home-tile:visible').evaluateAll((els) => els.map((el) => el.className));
    expect(order[0]).toContain('town-figures');
    await screenshot(page, 'home-town-leader', true);
    expect(phone.pageErrors).toEqual([]);
  });
});
