import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '李秀英', phone: '13912340007' };
const REFUSAL_NOTE = '李秀英要求拆邻居院墙，不属于可办理事项，已当面解释';
const NEIGHBOURS = [
  { name: '王建国', phone: '13912340008' },
  { name: '赵桂兰', phone: '13912340009' },
];

/**
 * 红心榜 in the H5 build in Chromium, against the real API on SQLite with the demo county: a
 * matter accepted, resolved and rated 满意 this month puts the grid leader's small grid at the top
 * with two red hearts, and a visitor who never signed in finds it from the home page. A
 * confidential matter of the same grid is counted but shown only as 「另有保密事项 1 件」. A second
 * grid with the same score shares the first place (并列第1名); a third with one matter shows its
 * figures as 「件数不足，不排名」; the board states the rule. A signed-in villager starts on her
 * own town and small grid (「我所在的小网格」, opened).
 */
describe('红心榜 in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;
  let smallGridName: string;
  let village: { id: number; name: string };
  let town: { id: number; name: string };
  let matterId: number;
  let secretId: number;
  let refusedId: number;
  let hotline: SeededPerson;
  const neighbourGrids: string[] = [];
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });
  /** A matter of the villager's, accepted and resolved in time by the grid leader, not rated. */
  const handled = async (villagerToken: string, leaderToken: string, key: string) => {
    const submitted = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: key,
      category: 'infrastructure',
      description: '路灯不亮了，晚上出行不便。',
    });
    expect(submitted.status).toBe(201);
    const accepted = await api('POST', `/api/requests/${submitted.body.id}/actions/accept`, leaderToken, {
      version: submitted.body.version,
      contactMethod: 'call',
      complexity: 'simple',
    });
    expect(accepted.status).toBe(200);
    expect(
      (await api('POST', `/api/requests/${submitted.body.id}/actions/resolve`, leaderToken, { version: accepted.body.version, note: '已修好。' })).status,
    ).toBe(200);
  };

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    const ancestors: { id: number; name: string; kind: string }[] = await dataSource.query(
      `SELECT id, name, kind FROM org_unit WHERE ? LIKE '%/' || id || '/%'`,
      [leader.unitPath],
    );
    smallGridName = ancestors.find((unit) => unit.id === leader.unitId)!.name;
    village = ancestors.find((unit) => unit.kind === 'village')!;
    town = ancestors.find((unit) => unit.kind === 'town')!;
    // The demo county has no villagers: add one living in the grid leader's small grid.
    const villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);

    // Through the API, this month: submitted, accepted, resolved, rated 满意.
    const villagerToken = await demoToken(under.api.baseUrl, villagerId);
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const submitted = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: 'board-first',
      category: 'environment',
      description: '村口垃圾箱满了好几天，请安排清运。',
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as number;
    matterId = id;
    const accepted = await api('POST', `/api/requests/${id}/actions/accept`, leaderToken, {
      version: submitted.body.version,
      contactMethod: 'call',
      complexity: 'simple',
    });
    expect(accepted.status).toBe(200);
    const resolved = await api('POST', `/api/requests/${id}/actions/resolve`, leaderToken, { version: accepted.body.version, note: '已联系环卫清运。' });
    expect(resolved.status).toBe(200);
    const rated = await api('POST', `/api/requests/${id}/rating`, villagerToken, { version: resolved.body.version, rating: 'satisfied' });
    expect(rated.status).toBeLessThan(300);
    // A confidential (保密) matter of hers, handled in time but not rated: counted on the board, never listed.
    const secret = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: 'board-secret',
      category: 'other',
      description: '反映村干部的问题，请保密。',
      confidential: true,
    });
    expect(secret.status).toBe(201);
    secretId = secret.body.id as number;
    const secretAccepted = await api('POST', `/api/requests/${secretId}/actions/accept`, leaderToken, {
      version: secret.body.version,
      contactMethod: 'visit',
      complexity: 'simple',
    });
    expect(
      (await api('POST', `/api/requests/${secretId}/actions/resolve`, leaderToken, { version: secretAccepted.body.version, note: '已核实处理。' })).status,
    ).toBe(200);
    // A third matter: three received, enough to be ranked (RANKING_MIN_RECEIVED, 3 by default).
    await handled(villagerToken, leaderToken, 'board-third');
    // A fourth, refused as unreasonable and the refusal confirmed at look-back: out of the rates, in the register.
    const refused = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: 'board-refused',
      category: 'dispute',
      description: '要求邻居拆掉自家院墙。',
    });
    expect(refused.status).toBe(201);
    refusedId = refused.body.id as number;
    const rejected = await api('POST', `/api/requests/${refusedId}/actions/reject`, leaderToken, {
      version: refused.body.version,
      rejectReason: 'unreasonable',
      note: REFUSAL_NOTE,
    });
    expect(rejected.status).toBe(200);
    hotline = await personWithRole(dataSource, 'hotline_staff', leader.unitCode.split('-').slice(0, 2).join('-'));
    const lookedBack = await api('POST', `/api/requests/${refusedId}/actions/lookBack`, await demoToken(under.api.baseUrl, hotline.personId), {
      version: rejected.body.version,
    });
    expect(lookedBack.status).toBe(200);

    // Two other small grids of the town: one with three matters handled in time (100, the same score), one with a single matter.
    const others: { personId: number | string; unitId: number | string; unitName: string }[] = await dataSource.query(
      `SELECT ra.personId AS "personId", u.id AS "unitId", u.name AS "unitName" FROM role_assignment ra JOIN org_unit u ON u.id = ra.unitId
        WHERE ra.role = 'grid_leader' AND ra.endedAt IS NULL AND u.kind = 'small_grid' AND u.path LIKE ? AND u.id <> ? ORDER BY u.id LIMIT 2`,
      [`%/${town.id}/%`, leader.unitId],
    );
    for (const [i, other] of others.entries()) {
      neighbourGrids.push(other.unitName);
      const neighbour = await addVillager(dataSource, NEIGHBOURS[i]!, Number(other.unitId));
      const neighbourToken = await demoToken(under.api.baseUrl, neighbour);
      const otherLeaderToken = await demoToken(under.api.baseUrl, Number(other.personId));
      for (let n = 0; n < (i === 0 ? 3 : 1); n++) await handled(neighbourToken, otherLeaderToken, `board-neighbour-${i}-${n}`);
    }
  });

  it('a visitor opens 红心榜 from home: the small grid first with its leader and ❤❤, 满意率 100%, then the village', async () => {
    const { page } = phone;
    // Not signed in.
    await current(page).getByText('您还没有登录').waitFor();
    await button(page, /红心榜/, '.home-board').click();
    const board = current(page);
    await board.locator('.board-title').waitFor({ timeout: 15_000 });
    // One town in the demo is opened at once; with several the visitor picks it.
    if ((await board.locator('.board-ask').count()) > 0) await board.locator('.board-town').filter({ hasText: town.name }).click();
    await board.locator('.board-title').getByText(`${town.name} · 办理成绩晾晒`).waitFor({ timeout: 15_000 });
    await board.locator('.board-level.board-tab--on').getByText('小网格').waitFor();

    const row = board.locator('.board-row').filter({ hasText: smallGridName }).first();
    await row.waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await row.locator('.board-rank').innerText()).toBe('1'));
    await eventually(async () => expect(await row.locator('.board-leader').innerText()).toBe(`网格巷长 ${leader.name}`));
    await eventually(async () => expect(await row.locator('.board-hearts-drawn').innerText()).toBe('❤❤'));
    await row.locator('.board-hearts-count').getByText('2 颗红心').waitFor();
    await eventually(async () => expect(await row.locator('.board-score-value').innerText()).toBe('100'));
    // The rule in one line; the received count beside the score; an equal score shares the place.
    await board.locator('.board-rule').getByText('受理不足3件的单位不排名；得分相同的并列').waitFor();
    await row.locator('.board-received').getByText('受理 3 件').waitFor();
    await row.locator('.board-place').getByText('并列第1名').waitFor();
    const tiedRow = board.locator('.board-row').filter({ hasText: neighbourGrids[0]! }).first();
    await eventually(async () => expect(await tiedRow.locator('.board-rank').innerText()).toBe('1'));
    await tiedRow.locator('.board-place').getByText('并列第1名').waitFor();
    // One matter is too few to rank: its figures shown, no rank.
    const fewRow = board.locator('.board-too-few .board-row').filter({ hasText: neighbourGrids[1]! }).first();
    await fewRow.locator('.board-place').getByText('件数不足，不排名').waitFor();
    await eventually(async () => expect(await fewRow.locator('.board-rank').innerText()).toBe('—'));
    await fewRow.locator('.board-received').getByText('受理 1 件').waitFor();
    await eventually(async () => expect(await fewRow.locator('.board-score-value').innerText()).toBe('100'));
    // The three small grids with data are shown; the rest wait behind the toggle.
    await eventually(async () => expect(await board.locator('.board-row').count()).toBe(3));
    await board
      .locator('.board-toggle')
      .getByText(/显示无数据的单位/)
      .waitFor();

    // Tap: its rates.
    await row.click();
    await row.locator('.board-rate-satisfactionRate').getByText('100%').waitFor();
    await row.locator('.board-details').getByText('满意率').waitFor();
    await screenshot(page, 'board', true);

    // 一数一查: 满意 1, and the tap lists that one matter (its number, kind and state, nobody's name).
    const satisfied = row.locator('.board-drill-satisfied');
    await eventually(async () => expect(await satisfied.locator('.board-drill-value').innerText()).toBe('1'));
    await eventually(async () => expect(await row.locator('.board-drill-dissatisfied .board-drill-value').innerText()).toBe('0'));
    await satisfied.click();
    const listed = row.locator('.board-drill-row');
    await listed.first().waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await listed.count()).toBe(1));
    await eventually(async () => expect(await listed.locator('.board-drill-main').innerText()).toMatch(new RegExp(`^第 ${matterId} 号 · 环境卫生 · `)));
    await eventually(async () => expect(await row.locator('.board-drill-list').innerText()).not.toContain(VILLAGER.name));
    await screenshot(page, 'board-drill', true, row.locator('.board-drill'));
    // The rows stay open while the counts are tapped.
    await row.locator('.board-rate-satisfactionRate').waitFor();

    // 受理 3: her matters listed; the confidential one only as 「另有保密事项 1 件」, no number, time or state.
    const received = row.locator('.board-drill-received');
    await eventually(async () => expect(await received.locator('.board-drill-value').innerText()).toBe('3'));
    await received.click();
    await row.locator('.board-drill-confidential').getByText('另有保密事项 1 件').waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await listed.count()).toBe(2));
    await eventually(async () => expect(await listed.first().locator('.board-drill-main').innerText()).toMatch(new RegExp(`^第 ${matterId} 号 · `)));
    await eventually(async () => expect(await row.locator('.board-drill-list').innerText()).not.toContain(`第 ${secretId} 号`));
    await screenshot(page, 'board-drill-confidential', false, row.locator('.board-drill-list'));
    // Signed out: the list only, no line opens a case.
    expect(await row.locator('.board-drill-open').count()).toBe(0);
    expect(await row.locator('.board-drill-row--openable').count()).toBe(0);

    // 不计入: the refused matter, who refused and who confirmed; the reason, which may name people, only said to exist.
    await row.locator('.board-excluded').getByText('另不计入 1 件').waitFor();
    await row.locator('.board-drill-excluded').click();
    const exclusion = row.locator('.board-exclusion');
    await exclusion.first().waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await exclusion.locator('.board-drill-main').innerText()).toBe(`第 ${refusedId} 号 · 矛盾纠纷`));
    await eventually(async () => expect(await exclusion.locator('.board-exclusion-rejected').innerText()).toContain(`不予受理：网格巷长 ${leader.name}`));
    await eventually(async () =>
      expect(await exclusion.locator('.board-exclusion-confirmed').innerText()).toContain(`回看确认：热线办工作人员 ${hotline.name}`),
    );
    await exclusion
      .locator('.board-exclusion-reason')
      .getByText(/^已记录理由/)
      .waitFor();
    expect(await row.locator('.board-exclusions').innerText()).not.toContain(REFUSAL_NOTE);

    // The toggle shows units without data a page at a time, greyed.
    await board
      .locator('.board-toggle')
      .filter({ hasText: /显示无数据的单位/ })
      .click();
    await eventually(async () => expect(await board.locator('.board-row--no-data').count()).toBe(30));

    // 村: the village, first, with the same hearts.
    await board.locator('.board-level').filter({ hasText: /^村$/ }).click();
    const villageRow = board.locator('.board-row').filter({ hasText: village.name }).first();
    await villageRow.waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await villageRow.locator('.board-rank').innerText()).toBe('1'));
    await eventually(async () => expect(await villageRow.locator('.board-hearts-drawn').innerText()).toBe('❤❤'));
    await eventually(async () => expect(await villageRow.locator('.board-leader').count()).toBe(0));
    expect(pageErrors).toEqual([]);
  });

  it('the town leader opens a case from the drill-down, and reads the refusal’s reason', async () => {
    const { page } = phone;
    const townLeader = await personWithRole(under.api.app.get(DataSource), 'town_leader', leader.unitCode.split('-').slice(0, 2).join('-'));
    await signInAs(page, townLeader);
    await button(page, /红心榜/, '.home-board').click();
    const board = current(page);
    await board.locator('.board-title').waitFor({ timeout: 15_000 });
    if ((await board.locator('.board-ask').count()) > 0) await board.locator('.board-town').filter({ hasText: town.name }).click();
    const row = board.locator('.board-row').filter({ hasText: smallGridName }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    // The register gives him the reason: the matter lies within his span.
    await row.locator('.board-drill-excluded').click();
    await row.locator('.board-exclusion-reason').getByText(`理由：诉求不合理：${REFUSAL_NOTE}`).waitFor({ timeout: 15_000 });
    // 满意: the one matter, openable; a tap opens the case.
    await row.locator('.board-drill-satisfied').click();
    const line = row.locator('.board-drill-row--openable').filter({ hasText: `第 ${matterId} 号` });
    await line.locator('.board-drill-open').getByText('查看办理详情 ›').waitFor({ timeout: 15_000 });
    await line.click();
    await current(page).getByText('村口垃圾箱满了好几天，请安排清运。').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`id=${matterId}`);
    expect(pageErrors).toEqual([]);
  });

  it('a signed-in villager starts on her own town and small grid, opened, with no town to pick', async () => {
    const { page } = phone;
    await signInAs(page, VILLAGER);
    await button(page, /红心榜/, '.home-board').click();
    const board = current(page);
    await board.locator('.board-title').getByText(`${town.name} · 办理成绩晾晒`).waitFor({ timeout: 15_000 });
    expect(await board.locator('.board-ask').count()).toBe(0);
    await board.locator('.board-level.board-tab--on').getByText('小网格').waitFor();
    const mine = board.locator('.board-mine');
    await mine.locator('.board-section').getByText('我所在的小网格').waitFor({ timeout: 15_000 });
    await mine.locator('.board-unit-name').getByText(smallGridName, { exact: true }).waitFor();
    // Opened at once: her grid's rates without a tap.
    await mine.locator('.board-rate-satisfactionRate').getByText('100%').waitFor();
    await screenshot(page, 'board-villager-own-grid', true);
    expect(pageErrors).toEqual([]);
  });
});
