import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

const FIRST = { name: '周桂英', phone: '13912340041' };
const SECOND = { name: '吴玉梅', phone: '13912340042' };
const FIRST_TEXT = '村口大路上的路灯坏了好几盏，晚上走路看不见。';
const SECOND_TEXT = '村口大路上的路灯坏了，晚上走路看不见，请修一修。';
const TRANSFER_TEXT = '邻村的养殖场往河里排污水，味道很大。';
const ASK_REASON = '排污的养殖场不在本网格，需要环保部门去查。';
const DECLINE_REASON = '先请网格员上门核实排污点，再决定转给哪个部门。';

/**
 * 合并 and 不同意转办 in the H5 build in Chromium, against the real API on SQLite: two villagers
 * report the same broken street lights; the grid leader sees the second as 疑似重复 of the first and
 * merges it; the second villager then follows the first matter. The leader asks to transfer a third
 * matter; hotline staff find it in 派单 and decline with a reason; it stays with the leader.
 */
describe('合并 and 不同意转办 in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;
  let staff: SeededPerson;
  let dataSource: DataSource;
  const ids = { first: 0, second: 0, transfer: 0 };
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    staff = await personWithRole(dataSource, 'hotline_staff');
    const first = await demoToken(under.api.baseUrl, await addVillager(dataSource, FIRST, leader.unitId));
    const second = await demoToken(under.api.baseUrl, await addVillager(dataSource, SECOND, leader.unitId));
    const submit = async (token: string, clientRequestId: string, description: string, category: string) => {
      const res = await api('POST', '/api/requests', token, { clientRequestId, category, description, addressNote: '村口大路' });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    ids.first = await submit(first, 'merge-first-1', FIRST_TEXT, 'infrastructure');
    ids.second = await submit(second, 'merge-second-1', SECOND_TEXT, 'infrastructure');
    ids.transfer = await submit(first, 'transfer-asked-1', TRANSFER_TEXT, 'environment');
  });

  it('the grid leader sees the second report as 疑似重复 of the first and merges it', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    await button(page, '待办', '.home-inbox').click();
    const row = current(page)
      .locator('.req-row')
      .filter({ hasText: SECOND_TEXT.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const handling = current(page);
    const duplicates = handling.locator('.duplicates');
    await duplicates.locator('.req-card-title').getByText('疑似重复（1 件）').waitFor({ timeout: 15_000 });
    await duplicates.getByText(FIRST_TEXT).waitFor();
    await eventually(async () => expect(await duplicates.locator('.duplicate-score').innerText()).toMatch(/^相似 \d+%$/));
    await button(duplicates, '合并到这件', '.duplicate-merge').click();
    await duplicates.getByText('确定合并吗？这件事会关闭，反映人会跟着那一件看进度').waitFor();
    await screenshot(page, 'leader-merge', true, duplicates);
    await button(duplicates, '确定合并', '.action-confirm').click();
    await page.getByText(`已合并到第 ${ids.first} 件`).waitFor({ timeout: 15_000 });
    await handling.locator('.state-badge').getByText('已合并').waitFor({ timeout: 15_000 });

    const rows: { state: string }[] = await dataSource.query('SELECT state FROM request WHERE id = ?', [ids.second]);
    expect(rows[0]?.state).toBe('merged');
  });

  it('the second villager now follows the first matter in 我的诉求', async () => {
    const { page } = phone;
    await signInAs(page, SECOND);
    await button(page, '我的诉求', '.home-mine').click();
    const mine = current(page);
    await mine
      .locator('.req-row')
      .filter({ hasText: FIRST_TEXT.slice(0, 12) })
      .waitFor({ timeout: 15_000 });
  });

  it('the leader asks to transfer a matter; hotline staff decline it in 派单 with a reason; it stays with the leader', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    await button(page, '待办', '.home-inbox').click();
    await current(page)
      .locator('.req-row')
      .filter({ hasText: TRANSFER_TEXT.slice(0, 12) })
      .click();
    const handling = current(page);
    await button(handling, '申请转办', '.handle-transfer').click();
    await handling.locator('.transfer-form .action-note textarea').fill(ASK_REASON);
    await button(handling, '提交申请', '.action-confirm').click();
    await handling.getByText('已申请转办，等待热线办答复').first().waitFor({ timeout: 15_000 });

    await signInAs(page, staff);
    await button(page, '派单', '.home-dispatch').click();
    const row = current(page)
      .locator('.req-row')
      .filter({ hasText: TRANSFER_TEXT.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const shown = current(page);
    await shown
      .locator('.staff-transfer-asked')
      .getByText(/申请转办$/)
      .waitFor({ timeout: 15_000 });
    await button(shown, '不同意转办', '.staff-decline-transfer').click();
    const form = shown.locator('.decline-transfer-form');
    // A reason is required.
    await button(form, '确定', '.action-confirm').click();
    await form.locator('.form-error').first().waitFor();
    await form.locator('.action-note textarea').fill(DECLINE_REASON);
    await button(form, '确定', '.action-confirm').click();
    await page.getByText('已告诉承办人继续办理').waitFor({ timeout: 15_000 });
    await shown.locator('.staff-transfer-asked').waitFor({ state: 'detached', timeout: 15_000 });

    const rows: { handlerUnitId: number; transferRequested: number | boolean }[] = await dataSource.query(
      'SELECT handlerUnitId, transferRequested FROM request WHERE id = ?',
      [ids.transfer],
    );
    expect(Number(rows[0]?.handlerUnitId)).toBe(leader.unitId);
    expect(Boolean(Number(rows[0]?.transferRequested))).toBe(false);

    // The leader sees the answer, with its reason, in the timeline.
    await signInAs(page, leader);
    await button(page, '待办', '.home-inbox').click();
    await current(page)
      .locator('.req-row')
      .filter({ hasText: TRANSFER_TEXT.slice(0, 12) })
      .click();
    await current(page).locator('.timeline-note').getByText(DECLINE_REASON).waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
