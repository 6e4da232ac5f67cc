import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { catchDialling } from '../support/dialling';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';
import { importOrder } from '../support/hotline';
import { Burden } from './support/burden';

const VILLAGER = { name: '孙秀兰', phone: '13912345678' };
const REPORT_TEXT = '村口的垃圾桶满了三天没人清，请帮忙联系清运。';
const RESULT_TEXT = '已联系保洁队清运干净。';
const LOOK_BACK_TEXT = '已电话回访，群众说已经清走了。';
const PATROL_TEXT = '小桥护栏松了一根，孩子路过有危险。';
const PATROL_RESULT = '已当场找人把护栏固定好。';
const ELDER = { name: '孙大娘', phone: '13712349876' };
const PROXY_TEXT = '孙大娘家门前的路灯不亮了，晚上出门看不见。';
const ORDER = { orderNo: 'SG20261207000777', text: '北孙村南头的排水沟堵了，下雨就漫到路上。' };

/**
 * Ceilings of each main flow's burden (issue 17, "a burden budget"; the table in docs/miniapp.md):
 * taps (every click from home, navigation included) and typed fields. A change that adds a tap
 * fails here; one that saves a tap lowers the ceiling with the table.
 */
const CEILINGS = {
  'villager-submit': { taps: 3, typed: 1 },
  'leader-accept-resolve': { taps: 6, typed: 1 },
  // Before issue 17: 5 taps (the hat, the category, 现场处置, then 提交).
  'patrol-settled': { taps: 3, typed: 2 },
  'proxy-entry': { taps: 3, typed: 3 },
  // Before issue 17: 6 taps and the note (回看, 确认回看, then 关闭, 确定关闭).
  'staff-look-back-close': { taps: 4, typed: 1 },
  // Before issue 17: 7 taps and the reason (转办, then the picker from the town down to the grid).
  'dispatch-12345': { taps: 3, typed: 0 },
} as const;

async function goHome(page: Page): Promise<void> {
  await page.goto(page.url().split('#')[0] ?? '/');
  await page.locator('.home-greeting-name').waitFor({ timeout: 15_000 });
}

async function stateOf(dataSource: DataSource, sql: string, params: unknown[]): Promise<{ id: number; state: string }[]> {
  const rows: { id: number; state: string }[] = await dataSource.query(sql, params);
  return rows.map((row) => ({ id: Number(row.id), state: row.state }));
}

/**
 * Each main flow driven from home, every tap and typed field through a `Burden`: the count is
 * printed and written to test-results/taps/<flow>.json, and must stay within its ceiling. Each test
 * also checks the flow's end in the database, so a broken flow fails here too.
 */
describe('the burden of each main flow in the H5 app (taps and typed fields)', () => {
  const under = useAppUnderTest({ demoLogin: true, lookBack: { ratingWaitHours: 0 } });
  const phone = usePhoneOnApp(under);
  let dataSource: DataSource;
  let leader: SeededPerson;
  let staff: SeededPerson;
  let requestId = 0;

  beforeAll(async () => {
    dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    staff = await personWithRole(dataSource, 'hotline_staff');
    await addVillager(dataSource, VILLAGER, leader.unitId);
  });

  it('villager submit: 我要反映, a category, what happened, 提交', async () => {
    const { page } = phone;
    await signInAs(page, VILLAGER);
    const burden = new Burden('villager-submit');
    await burden.tap(button(page, /^我要反映$/, '.home-report'), '我要反映');
    const form = current(page);
    await form.getByText('是哪一类事情').waitFor({ timeout: 15_000 });
    await form.locator('.report-unit-name').getByText(/网格/).waitFor();
    await burden.tap(form.locator('.report-category').filter({ hasText: '环境卫生' }), '环境卫生');
    await burden.type(form.locator('.report-description textarea'), REPORT_TEXT, '什么事');
    await burden.tap(button(form, /^提交$/, '.report-submit'), '提交');
    await page.getByText('提交成功！网格员会尽快和您联系。').waitFor({ timeout: 30_000 });
    burden.finish(CEILINGS['villager-submit']);

    const rows = await stateOf(dataSource, 'SELECT id, state FROM request WHERE description = ?', [REPORT_TEXT]);
    expect(rows.map((r) => r.state)).toEqual(['submitted']);
    requestId = rows[0]?.id ?? 0;
  });

  it('leader accept → resolve: 待办, the matter, 打电话, 确认受理, 办结 with the result, 确认办结', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    await catchDialling(page);
    const burden = new Burden('leader-accept-resolve');
    await burden.tap(button(page, '待办', '.home-inbox'), '待办');
    const row = current(page)
      .locator('.req-row')
      .filter({ hasText: REPORT_TEXT.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    await burden.tap(row, '这件事');
    const handling = current(page);
    await burden.tap(button(handling, /^打电话$/, '.handle-call'), '打电话');
    await handling.locator('.accept-form').waitFor({ timeout: 15_000 });
    await burden.tap(button(page, '确认受理', '.action-confirm'), '确认受理');
    await handling.locator('.req-summary .state-badge').getByText('已受理').waitFor({ timeout: 15_000 });
    await burden.tap(button(handling, /^办结$/, '.handle-resolve'), '办结');
    await burden.type(handling.locator('.resolve-form textarea'), RESULT_TEXT, '办理结果');
    await burden.tap(button(page, '确认办结', '.action-confirm'), '确认办结');
    await handling.locator('.req-summary .state-badge').getByText('已办结').waitFor({ timeout: 15_000 });
    burden.finish(CEILINGS['leader-accept-resolve']);

    expect(await stateOf(dataSource, 'SELECT id, state FROM request WHERE id = ?', [requestId])).toEqual([{ id: requestId, state: 'resolved' }]);
  });

  it('staff look back and close: 回看, the matter, 回看并关闭 with what the return visit heard, one confirm', async () => {
    const { page } = phone;
    await signInAs(page, staff);
    const burden = new Burden('staff-look-back-close');
    await burden.tap(button(page, '回看', '.home-look-back'), '回看');
    const row = current(page)
      .locator('.req-row')
      .filter({ hasText: REPORT_TEXT.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    await burden.tap(row, '这件事');
    const detail = current(page);
    await detail.locator('.staff-result-note').getByText(RESULT_TEXT).waitFor({ timeout: 15_000 });
    // 回看并关闭: one form, starting on 电话回访 / 已联系上 / 满意, and one confirm.
    await burden.tap(button(page, '回看并关闭', '.staff-look-back-close'), '回看并关闭');
    const visit = detail.locator('.return-visit-form');
    await visit.locator('.visit-heard.chip--on').getByText('满意', { exact: true }).waitFor({ timeout: 15_000 });
    await burden.type(visit.locator('.action-note textarea'), LOOK_BACK_TEXT, '回访情况');
    await burden.tap(button(page, '确认回看并关闭', '.action-confirm'), '确认回看并关闭');
    await detail.locator('.req-summary .state-badge').getByText('已关闭').waitFor({ timeout: 15_000 });
    burden.finish(CEILINGS['staff-look-back-close']);

    expect(await stateOf(dataSource, 'SELECT id, state FROM request WHERE id = ?', [requestId])).toEqual([{ id: requestId, state: 'closed' }]);
    // The return visit is recorded with the close: called by phone, reached.
    const visits: { method: string; reached: number | boolean }[] = await dataSource.query('SELECT method, reached FROM return_visit WHERE requestId = ?', [
      requestId,
    ]);
    expect(visits.map((v) => [v.method, Boolean(v.reached)])).toEqual([['phone', true]]);
  });

  it('patrol settled on the spot: 未诉先办, the duty (its category proposed), what, what was done, 现场已处置', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    const burden = new Burden('patrol-settled');
    await burden.tap(button(page, '未诉先办', '.home-patrol'), '未诉先办');
    const form = current(page);
    await form.getByText('第一步：以什么身份发现的').waitFor({ timeout: 15_000 });
    await form.locator('.patrol-grid-name').waitFor();
    await burden.tap(form.locator('.duty-button').filter({ hasText: '安全隐患排查员' }), '安全隐患排查员');
    // The hat proposes its category (安全隐患): no tap; the result field is there, and 现场已处置 submits.
    await form.locator('.report-category.chip--on').filter({ hasText: '安全隐患' }).waitFor();
    await burden.type(form.locator('.patrol-description textarea'), PATROL_TEXT, '发现了什么');
    await burden.type(form.locator('.patrol-result textarea'), PATROL_RESULT, '现场怎么处置的');
    await burden.tap(button(form, '现场已处置', '.patrol-settle'), '提交：现场已处置');
    await current(page).locator('.state-badge').getByText('已办结').waitFor({ timeout: 15_000 });
    burden.finish(CEILINGS['patrol-settled']);

    const rows: { source: string; state: string; dutyType: string }[] = await dataSource.query(
      'SELECT source, state, dutyType FROM request WHERE description = ?',
      [PATROL_TEXT],
    );
    expect(rows).toEqual([{ source: 'patrol', state: 'resolved', dutyType: 'hazard_inspector' }]);
  });

  it('代办: 代办, the villager’s name and mobile, a category, what, 代为提交', async () => {
    const { page } = phone;
    await goHome(page);
    const burden = new Burden('proxy-entry');
    await burden.tap(button(page, '代办', '.home-on-behalf'), '代办');
    const form = current(page);
    await form.getByText('替谁反映：姓名').waitFor({ timeout: 15_000 });
    await burden.type(form.locator('.proxy-name input'), ELDER.name, '姓名');
    await burden.type(form.locator('.proxy-phone input'), ELDER.phone, '手机号');
    await form.locator('.unit-chosen-name').waitFor();
    await burden.tap(form.locator('.report-category').filter({ hasText: '基础设施' }), '基础设施');
    await burden.type(form.locator('.proxy-description textarea'), PROXY_TEXT, '什么事');
    await burden.tap(button(form, '代为提交', '.proxy-submit'), '代为提交');
    await current(page).getByText(PROXY_TEXT).waitFor({ timeout: 15_000 });
    burden.finish(CEILINGS['proxy-entry']);

    const rows: { source: string; state: string }[] = await dataSource.query('SELECT source, state FROM request WHERE description = ?', [PROXY_TEXT]);
    expect(rows).toEqual([{ source: 'proxy', state: 'accepted' }]);
  });

  it('dispatch one 12345 order: 派单, the order (转办 open, the village it names chosen, the reason written), 确定转办', async () => {
    const { page } = phone;
    const staffToken = await demoToken(under.api.baseUrl, staff.personId);
    await importOrder(dataSource, under.api.baseUrl, staffToken, { orderNo: ORDER.orderNo, content: ORDER.text });

    await signInAs(page, staff);
    const burden = new Burden('dispatch-12345');
    await burden.tap(button(page, '派单', '.home-dispatch'), '派单');
    const row = current(page)
      .locator('.req-row')
      .filter({ hasText: ORDER.text.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    await burden.tap(row, '这张工单');
    const shown = current(page);
    await shown.getByText(`12345 工单号：${ORDER.orderNo}`).waitFor({ timeout: 15_000 });
    // From 派单 the order opens with 转办 open; the village it names (北孙村) is chosen, with a reason.
    const form = shown.locator('.transfer-form');
    const village: { id: number; name: string }[] = await dataSource.query("SELECT id, name FROM org_unit WHERE kind = 'village' AND name = '北孙村'");
    expect(village).toHaveLength(1);
    await form.locator('.transfer-named-unit.chip--on').getByText('北孙村').waitFor({ timeout: 15_000 });
    await form.locator('.unit-chosen-name').getByText('北孙村').waitFor();
    expect(await form.locator('.action-note textarea').inputValue()).toBe('工单反映的是北孙村的事，请就近办理。');
    await burden.tap(button(form, '确定转办', '.action-confirm'), '确定转办');
    await shown.locator('.transfer-form').waitFor({ state: 'detached', timeout: 15_000 });
    burden.finish(CEILINGS['dispatch-12345']);

    const rows: { handlerUnitId: number; state: string }[] = await dataSource.query('SELECT handlerUnitId, state FROM request WHERE hotlineOrderNo = ?', [
      ORDER.orderNo,
    ]);
    expect(rows.map((r) => [Number(r.handlerUnitId), r.state])).toEqual([[Number(village[0]?.id), 'submitted']]);
  });

  it('raised no page errors', () => {
    expect(phone.pageErrors).toEqual([]);
  });
});
