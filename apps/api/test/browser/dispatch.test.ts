import { beforeAll, describe, expect, it } from '@jest/globals';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { RoleAssignment } from '../../src/grid/role-assignment.entity';
import { demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, screenshot, signInAs, usePhoneOnApp } from '../support/h5';
import { importOrder } from '../support/hotline';

const PATROL_TEXT = '大桥边护栏松动，小孩路过有危险。';
const PATROL_RESULT = '已找人把护栏重新固定好。';
const ELDER = { name: '孙大爷', phone: '13712345678' };
const PROXY_TEXT = '孙大爷家门口的下水道堵了，老人腿脚不便，请帮忙疏通。';
const ORDER = { orderNo: 'SG20261125000123', text: '北孙村西头的路灯不亮了，晚上出行不方便。' };
const TRANSFER_REASON = '路灯在北孙村网格内，由网格巷长就近处理。';

async function goHome(page: Page): Promise<void> {
  await page.goto(page.url().split('#')[0] ?? '/');
  await page.locator('.home-greeting-name').waitFor({ timeout: 15_000 });
}

/**
 * The second increment for grid leaders and the hotline office, on the H5 build in Chromium
 * against the real API: a patrol finding settled on the spot, a matter entered 代办 for an elderly
 * villager (who then finds it in 我的诉求), and a 12345 order dispatched from 派单 to a small grid.
 */
describe('patrol, 代办 and 派单 in the H5 app', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;
  let staff: SeededPerson;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    staff = await personWithRole(dataSource, 'hotline_staff');
  });

  it('a grid leader reports a patrol finding settled on the spot: two taps, what he found and what he did', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    await button(page, '未诉先办', '.home-patrol').click();
    const form = current(page);
    await form.getByText('第一步：以什么身份发现的').waitFor({ timeout: 15_000 });
    // The leader's own small grid, no question asked.
    await form.locator('.patrol-grid-name').waitFor();
    await form.locator('.duty-button').filter({ hasText: '安全隐患排查员' }).click();
    // The hat proposes its category: 安全隐患, no tap.
    await form.locator('.report-category.chip--on').filter({ hasText: '安全隐患' }).waitFor();
    await form.locator('.patrol-description textarea').fill(PATROL_TEXT);
    await form.locator('.patrol-result textarea').fill(PATROL_RESULT);
    await screenshot(page, 'leader-patrol', true);

    await button(form, '现场已处置', '.patrol-settle').click();
    const shown = current(page);
    await shown.getByText(PATROL_TEXT).waitFor({ timeout: 15_000 });
    await shown.locator('.state-badge').getByText('已办结').waitFor();

    const rows: { source: string; state: string; dutyType: string; unitId: number }[] = await dataSource.query(
      'SELECT source, state, dutyType, unitId FROM request WHERE description = ?',
      [PATROL_TEXT],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'patrol', state: 'resolved', dutyType: 'hazard_inspector' });
    expect(Number(rows[0]?.unitId)).toBe(leader.unitId);
    // The draft went with the submit.
    expect(await page.evaluate((id) => window.localStorage.getItem(`gridloop.patrol-draft.${id}`), leader.personId)).toBeNull();
  });

  it('a grid leader enters a matter 代办 for an elderly villager, who then sees it in 我的诉求', async () => {
    const { page } = phone;
    await goHome(page);
    await button(page, '代办', '.home-on-behalf').click();
    const form = current(page);
    await form.getByText('替谁反映：姓名').waitFor({ timeout: 15_000 });
    await form.locator('.proxy-name input').fill(ELDER.name);
    await form.locator('.proxy-phone input').fill(ELDER.phone);
    // The leader's own small grid is preselected.
    await form.locator('.unit-chosen-name').waitFor();
    await form.locator('.report-category').filter({ hasText: '基础设施' }).click();
    await form.locator('.proxy-description textarea').fill(PROXY_TEXT);
    // 代办 is the first contact: face to face to start with, and he may say it was a call.
    await form.locator('.proxy-contact-method.chip--on').filter({ hasText: '上门走访' }).waitFor();
    await form.locator('.proxy-contact-method').filter({ hasText: '电话联系' }).click();
    await form.locator('.proxy-contact-method.chip--on').filter({ hasText: '电话联系' }).waitFor();
    await button(form, '代为提交', '.proxy-submit').click();
    await current(page).getByText(PROXY_TEXT).waitFor({ timeout: 15_000 });

    const people: { id: number; name: string }[] = await dataSource.query('SELECT id, name FROM person WHERE phone = ?', [ELDER.phone]);
    expect(people).toHaveLength(1);
    const elderId = Number(people[0]?.id);
    const rows: { source: string; requesterPersonId: number; state: string; id: number }[] = await dataSource.query(
      'SELECT id, source, requesterPersonId, state FROM request WHERE description = ?',
      [PROXY_TEXT],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source).toBe('proxy');
    // Accepted as entered, the call recorded as the first contact: nothing waits in 待联系.
    expect(rows[0]?.state).toBe('accepted');
    const accepted: { note: string }[] = await dataSource.query("SELECT note FROM request_event WHERE requestId = ? AND action = 'accept'", [
      Number(rows[0]?.id),
    ]);
    expect(accepted.map((e) => e.note)).toEqual(['电话联系：代办登记时已联系群众']);
    expect(Number(rows[0]?.requesterPersonId)).toBe(elderId);

    // The API added him as a person; the villager role puts him on the demo sign-in list.
    await dataSource.getRepository(RoleAssignment).insert({ personId: elderId, role: 'villager', unitId: leader.unitId, endedAt: null });
    await signInAs(page, ELDER);
    await button(page, '我的诉求', '.home-mine').click();
    await current(page)
      .locator('.req-row')
      .filter({ hasText: PROXY_TEXT.slice(0, 12) })
      .waitFor({ timeout: 15_000 });
  });

  it('a 12345 order appears in 派单; hotline staff transfer it to a small grid; its leader sees it in 待办', async () => {
    const { page } = phone;
    const staffToken = await demoToken(under.api.baseUrl, staff.personId);
    await importOrder(dataSource, under.api.baseUrl, staffToken, { orderNo: ORDER.orderNo, content: ORDER.text });

    await signInAs(page, staff);
    await button(page, '派单', '.home-dispatch').click();
    const queue = current(page);
    const row = queue.locator('.req-row').filter({ hasText: ORDER.text.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText(`12345 工单 ${ORDER.orderNo}`).waitFor();
    await row.locator('.dispatch-city-due').waitFor();
    await screenshot(page, 'staff-dispatch', true);

    await row.click();
    const shown = current(page);
    await shown.getByText(`12345 工单号：${ORDER.orderNo}`).waitFor({ timeout: 15_000 });
    // From 派单 an order opens with 转办 open, the village its text names (北孙村) proposed; the
    // dispatcher may go further down, to the small grid.
    const form = shown.locator('.transfer-form');
    await form.locator('.transfer-named-unit.chip--on').getByText('北孙村').waitFor({ timeout: 15_000 });
    // From the town down: the leader's village, (large grid,) small grid.
    const ancestors = leader.unitPath.split('/').filter(Boolean).map(Number);
    const units: { id: number; name: string; kind: string }[] = await dataSource.query(
      `SELECT id, name, kind FROM org_unit WHERE id IN (${ancestors.map(() => '?').join(',')})`,
      ancestors,
    );
    const byId = new Map(units.map((unit) => [Number(unit.id), unit]));
    const steps = ancestors.map((id) => byId.get(id)).filter((unit) => unit && (unit.kind === 'village' || unit.kind === 'large_grid'));
    for (const step of steps) {
      await form.locator('.unit-row').filter({ hasText: step!.name }).first().locator('.unit-row-open').click();
    }
    const grid = byId.get(leader.unitId)!;
    await form.locator('.unit-row').filter({ hasText: grid.name }).first().locator('.unit-row-name').click();
    await form.locator('.unit-chosen-name').getByText(grid.name).waitFor();
    await form.locator('.action-note textarea').fill(TRANSFER_REASON);
    await button(form, '确定转办', '.action-confirm').click();
    await shown.locator('.transfer-form').waitFor({ state: 'detached', timeout: 15_000 });

    const rows: { handlerUnitId: number; state: string }[] = await dataSource.query('SELECT handlerUnitId, state FROM request WHERE hotlineOrderNo = ?', [
      ORDER.orderNo,
    ]);
    expect(Number(rows[0]?.handlerUnitId)).toBe(leader.unitId);
    expect(rows[0]?.state).toBe('submitted');

    await signInAs(page, leader);
    await button(page, '待办', '.home-inbox').click();
    await current(page)
      .locator('.req-row')
      .filter({ hasText: ORDER.text.slice(0, 12) })
      .waitFor({ timeout: 15_000 });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
