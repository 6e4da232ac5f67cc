import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '赵玉兰', phone: '13912340012' };

/**
 * 我的网格成绩 in the H5 build in Chromium, against the real API on SQLite with the demo county: a
 * matter of the grid leader's small grid accepted, resolved and rated 满意 this month; the leader
 * opens 我的网格成绩 from home and sees the grid with its score but 件数不足，不排名 (one matter is below the board's minimum), two red hearts, and the last
 * six months as bars (this one the only one with a score).
 */
describe('我的网格成绩 in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;
  let smallGridName: string;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    const grid: { name: string }[] = await dataSource.query('SELECT name FROM org_unit WHERE id = ?', [leader.unitId]);
    smallGridName = grid[0]!.name;
    const villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    const villagerToken = await demoToken(under.api.baseUrl, villagerId);
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const submitted = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: 'my-grid-first',
      category: 'environment',
      description: '河边有人倒建筑垃圾，请管一管。',
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as number;
    const accepted = await api('POST', `/api/requests/${id}/actions/accept`, leaderToken, {
      version: submitted.body.version,
      contactMethod: 'call',
      complexity: 'simple',
    });
    expect(accepted.status).toBe(200);
    const resolved = await api('POST', `/api/requests/${id}/actions/resolve`, leaderToken, {
      version: accepted.body.version,
      note: '已联系村里清走，立了警示牌。',
    });
    expect(resolved.status).toBe(200);
    const rated = await api('POST', `/api/requests/${id}/rating`, villagerToken, { version: resolved.body.version, rating: 'satisfied' });
    expect(rated.status).toBeLessThan(300);
  });

  it('the grid leader sees this month: one matter is too few to be ranked (the rule said), ❤❤, 满意率 100%, the matter counted', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    await button(page, '我的网格成绩', '.home-my-grid').click();
    const mine = current(page);
    const card = mine.locator('.my-grid-card').filter({ hasText: smallGridName });
    await card.waitFor({ timeout: 15_000 });
    // One matter received: below the board's minimum (RANKING_MIN_RECEIVED, 3), so not ranked, and the page says why.
    await card.locator('.my-grid-rank').getByText('件数不足，不排名').waitFor();
    await card.locator('.my-grid-rank').getByText('受理不足3件的单位不排名；得分相同的并列').waitFor();
    await eventually(async () => expect(await card.locator('.my-grid-hearts-drawn').innerText()).toBe('❤❤'));
    await card.locator('.my-grid-hearts-count').getByText('本月 2 颗红心').waitFor();
    await eventually(async () => expect(await card.locator('.my-grid-satisfactionRate .my-grid-figure-value').innerText()).toBe('100%'));
    await eventually(async () =>
      expect(await card.locator('.my-grid-figure').filter({ hasText: '受理' }).locator('.my-grid-figure-value').innerText()).toBe('1 件'),
    );
    await eventually(async () => expect(await card.locator('.my-grid-score .my-grid-big').innerText()).toBe('100'));
    // The last six months as bars: only this one has a score (a full bar), the five before none.
    const trend = mine.locator('.my-grid-trend');
    await trend.getByText('近6个月综合得分').waitFor();
    const rows = trend.locator('.my-grid-trend-row');
    await eventually(async () => expect(await rows.count()).toBe(6));
    const thisMonth = new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 1;
    const cells = async (i: number) =>
      (await rows.nth(i).locator('.my-grid-trend-month, .my-grid-trend-score, .my-grid-trend-rank, .my-grid-trend-hearts').allInnerTexts()).map((t) =>
        t.trim(),
      );
    await eventually(async () => expect(await cells(5)).toEqual([`${thisMonth}月`, '100', '件数不足', '❤2']));
    await eventually(async () =>
      expect(
        await rows
          .nth(5)
          .locator('.my-grid-trend-bar')
          .evaluate((bar) => (bar as HTMLElement).style.width),
      ).toBe('100%'),
    );
    for (let i = 0; i < 5; i++) {
      await eventually(async () => expect(await cells(i)).toEqual([`${((thisMonth - 6 + i + 12) % 12) + 1}月`, '—', '无成绩', '❤0']));
    }
    await screenshot(page, 'leader-my-grid', true);

    // 红心榜 from here.
    await button(page, '看全镇红心榜', '.my-grid-board').click();
    await current(page).locator('.board-title').waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
