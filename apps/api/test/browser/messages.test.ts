import { beforeAll, describe, expect, it } from '@jest/globals';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { ManualClock } from '../../src/common/clock';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, settled, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '王桂芝', phone: '13912340001' };
const FIRST_TEXT = '村西头水渠堵了，下雨天水漫到路上，请帮忙疏通。';
const SECOND_TEXT = '南街的井盖松动了，晚上走路容易踩空，请尽快修一下。';

/** China time. 2026-10-09 is a Friday; Saturday 10-10 is a make-up working day. */
const at = (text: string) => new Date(`${text}+08:00`);

async function back(page: Page): Promise<void> {
  await settled(page);
  await page.goBack();
}

/** The unread badge on the home page's 消息中心 ('' when there is none), as it reads now. */
async function badge(page: Page): Promise<string> {
  const home = current(page);
  await home.locator('.home-messages').waitFor();
  const shown = home.locator('.home-badge');
  return (await shown.count()) === 0 ? '' : shown.innerText();
}

/**
 * Messages and overdue matters in the H5 build in Chromium, against the real API on SQLite with
 * the demo county and a clock the test moves: a villager finds 「您的诉求已受理」 in 消息中心,
 * opens it, and the home badge goes down; a matter left alone climbs the escalation ladder, hotline
 * staff find it on 超时督办 and press 督办 with a reason, and the grid leader hears 「诉求被督办」.
 */
describe('消息中心 and 超时督办 in the H5 app', () => {
  const clock = new ManualClock(at('2026-10-09T16:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  // The phone's clock agrees with the API's (countdowns are read on the phone). It keeps running:
  // a frozen Date (setFixedTime) stalls Taro's page transitions now and then.
  const phone = usePhoneOnApp(under, { beforeHome: (page) => page.clock.install({ time: at('2026-10-09T16:20:00') }) });
  const { pageErrors } = phone;
  let leader: SeededPerson;
  let leaderGridName: string;
  let staff: SeededPerson;
  let villagerId: number;
  let firstId: number;
  let secondId: number;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    // The first of each role: those are on the demo sign-in list.
    leader = await personWithRole(dataSource, 'grid_leader');
    const [grid] = await dataSource.query('SELECT name FROM org_unit WHERE id = ?', [leader.unitId]);
    leaderGridName = grid.name;
    staff = await personWithRole(dataSource, 'hotline_staff');
    // The demo county has no villagers: add one living in the grid leader's small grid.
    villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
  });

  it('the villager finds 「您的诉求已受理」 unread in 消息中心, opens the matter, and the badge goes down', async () => {
    // Through the API: the villager submits two matters; the grid leader accepts and resolves the first.
    const villagerToken = await demoToken(under.api.baseUrl, villagerId);
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    const first = await api('POST', '/api/requests', villagerToken, { clientRequestId: 'messages-first', category: 'infrastructure', description: FIRST_TEXT });
    expect(first.status).toBe(201);
    firstId = first.body.id as number;
    clock.set(at('2026-10-09T16:05:00'));
    const accepted = await api('POST', `/api/requests/${firstId}/actions/accept`, leaderToken, {
      version: first.body.version,
      contactMethod: 'call',
      complexity: 'simple',
    });
    expect(accepted.status).toBe(200);
    clock.set(at('2026-10-09T16:15:00'));
    const resolved = await api('POST', `/api/requests/${firstId}/actions/resolve`, leaderToken, { version: accepted.body.version, note: '已疏通水渠。' });
    expect(resolved.status).toBe(200);
    // The second one is left alone (the staff's part below).
    clock.set(at('2026-10-09T16:10:00'));
    const second = await api('POST', '/api/requests', villagerToken, {
      clientRequestId: 'messages-second',
      category: 'infrastructure',
      description: SECOND_TEXT,
    });
    expect(second.status).toBe(201);
    secondId = second.body.id as number;
    clock.set(at('2026-10-09T16:20:00'));

    const { page } = phone;
    await signInAs(page, VILLAGER);
    await eventually(async () => expect(await badge(page)).toBe('2'));
    await button(page, /消息中心/, '.home-messages').click();
    const centre = current(page);
    await centre.getByText('2 条未读').waitFor({ timeout: 15_000 });
    // Newest first, both unread.
    const rows = centre.locator('.message-row');
    await eventually(async () => expect(await rows.count()).toBe(2));
    await eventually(async () => expect(await rows.nth(0).locator('.message-title').innerText()).toBe('您的诉求已办结，请评价'));
    await eventually(async () => expect(await rows.nth(1).locator('.message-title').innerText()).toBe('您的诉求已受理'));
    const acceptedRow = centre.locator('.message-row').filter({ hasText: '您的诉求已受理' });
    await acceptedRow.locator('.message-unread').getByText('未读').waitFor();
    await eventually(async () => expect(await centre.locator('.message-row--unread').count()).toBe(2));
    await screenshot(page, 'villager-messages', true);

    // Tap it: read, and the matter opens (the villager's own page).
    await acceptedRow.click();
    const detail = current(page);
    await detail.getByText(FIRST_TEXT).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`/subpackages/villager/request/index?id=${firstId}`);
    await detail.locator('.req-summary .state-badge').getByText('已办好').waitFor();

    // Back in 消息中心: one unread left, the tapped one read (also on the server).
    await back(page);
    const again = current(page);
    await again.getByText('1 条未读').waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await again.locator('.message-row--unread').count()).toBe(1));
    await eventually(async () => expect(await again.locator('.message-row--unread .message-title').innerText()).toBe('您的诉求已办结，请评价'));
    // On the server too, once the app's mark has landed (the page shows it read at once).
    await eventually(async () => expect((await api('GET', '/api/me/notifications', villagerToken)).body.unreadCount).toBe(1));

    // And home: the badge went from 2 to 1.
    await back(page);
    await current(page).locator('.home-badge').getByText('1', { exact: true }).waitFor({ timeout: 15_000 });
  });

  it('hotline staff find the matter left alone on 超时督办, four rungs up, and press 督办 with a reason', async () => {
    // Nobody contacted the villager: Friday 17:10 the first rung, then one more every 4 office
    // hours (Saturday is a make-up working day): 09:10, 13:10, 17:10 (镇热线办).
    const saturday = at('2026-10-10T17:30:00');
    clock.set(saturday);
    for (let i = 0; i < 10; i++) {
      const fired = (await under.api.app.get(JobScheduler).runOnce(saturday)).escalateOverdue;
      if (fired.scheduled + fired.reminded + fired.escalated === 0) break;
    }
    const { page } = phone;
    await page.clock.setSystemTime(saturday);
    await signInAs(page, staff);
    await button(page, '超时督办', '.home-overdue').click();
    const board = current(page);
    const row = board.locator('.req-row').filter({ hasText: SECOND_TEXT.slice(0, 10) });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('.overdue-rung').getByText('已通知到第 4 级：镇热线办').waitFor();
    await eventually(async () => expect(await row.locator('.ladder-step--reached').count()).toBe(4));
    await eventually(async () => expect(await row.locator('.req-mark--supervised').count()).toBe(0));
    // Under the unit handling it: the grid leader's small grid, with its count.
    const group = board.locator('.overdue-group').filter({ has: page.locator('.req-row', { hasText: SECOND_TEXT.slice(0, 10) }) });
    await group.locator('.overdue-group-name').getByText(leaderGridName, { exact: true }).waitFor();
    await group.locator('.overdue-group-count').getByText('1 件', { exact: true }).waitFor();
    // The first matter is done: not on the board.
    await eventually(async () =>
      expect(
        await board
          .locator('.req-row')
          .filter({ hasText: FIRST_TEXT.slice(0, 10) })
          .count(),
      ).toBe(0),
    );

    await row.click();
    const detail = current(page);
    await detail.getByText(SECOND_TEXT).waitFor({ timeout: 15_000 });
    await detail.getByText('已超时，已通知到第 4 级：镇热线办').waitFor();
    await button(page, /^催办$/, '.staff-urge').waitFor();
    await button(page, /^督办$/, '.staff-supervise').click();
    const form = detail.locator('.supervise-form');
    // A reason is required.
    await button(page, '确定督办', '.action-confirm').click();
    await form.getByText('请填写督办原因').waitFor();
    await form.locator('textarea').fill('超过一天没有联系群众，请今天之内上门处理。');
    await button(page, '确定督办', '.action-confirm').click();
    await detail.locator('.staff-supervised').getByText('这件事已被督办').waitFor({ timeout: 15_000 });
    // Staff see the internal timeline row with the reason.
    await detail.locator('.timeline-note').getByText('超过一天没有联系群众，请今天之内上门处理。').waitFor();

    // Back on the board: marked 督办.
    await back(page);
    const marked = current(page)
      .locator('.req-row')
      .filter({ hasText: SECOND_TEXT.slice(0, 10) });
    await marked.locator('.req-mark--supervised').getByText('督办').waitFor({ timeout: 15_000 });
    await screenshot(page, 'staff-overdue', true);
  });

  it('the grid leader hears 「诉求被督办」 in 消息中心 and opens the matter to handle it', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    // The unread count arrives after the home page: wait for the badge, not the first paint.
    await eventually(async () => expect(Number(await badge(page))).toBeGreaterThan(0));
    await button(page, /消息中心/, '.home-messages').click();
    const centre = current(page);
    const top = centre.locator('.message-row').first();
    await top.locator('.message-title').getByText('诉求被督办').waitFor({ timeout: 15_000 });
    await top.locator('.message-unread').waitFor();
    await screenshot(page, 'leader-messages');
    await top.click();
    const handling = current(page);
    await handling.getByText(SECOND_TEXT).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`/subpackages/handler/request/index?id=${secondId}`);
    // 全部已读 empties the count.
    await back(page);
    await page.waitForURL(/subpackages\/account\/messages\/index/);
    const centreAgain = page.locator('.taro_page:visible').filter({ has: page.locator('.messages-head') });
    await centreAgain
      .locator('.messages-count')
      .getByText(/ 条未读$/)
      .waitFor({ timeout: 15_000 });
    await centreAgain.locator('taro-button-core.messages-read-all').filter({ hasText: '全部已读' }).click();
    await centreAgain.locator('.messages-count').getByText('没有未读消息').waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await centreAgain.locator('.message-row--unread').count()).toBe(0));
    expect(pageErrors).toEqual([]);
  });
});
