import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { demoToken, personWithRole, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';
import { importOrder } from '../support/hotline';

const ORDER = { orderNo: 'SG20261207TS0001', text: '大棚区的灌溉渠堵了，水过不去，菜要旱死了。' };

/**
 * 转办 by name (issue 17) in the H5 build in Chromium: the town has 41 villages and hundreds of
 * grids, so hotline staff type part of a name: 「农业」 finds the department, a village's name finds
 * the village and its grids, each with where it lies. After the dispatch the page offers neither
 * 转办 nor 不同意转办 and says who holds the matter now (「现由…办理」).
 */
describe('转办: search by name, then who holds it', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  let dataSource: DataSource;
  let staff: SeededPerson;
  let orderId: number;

  beforeAll(async () => {
    dataSource = under.api.app.get(DataSource);
    staff = await personWithRole(dataSource, 'hotline_staff', 'SG-TT');
    orderId = await importOrder(dataSource, under.api.baseUrl, await demoToken(under.api.baseUrl, staff.personId), {
      orderNo: ORDER.orderNo,
      content: ORDER.text,
      callerName: '王大姐',
      callerPhone: '13655557777',
    });
  });

  it('finds the department and a grid by name, dispatches, and the page then says who holds it', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, staff);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${orderId}`);
    const shown = current(page);
    await shown.getByText(`12345 工单号：${ORDER.orderNo}`).waitFor({ timeout: 15_000 });
    // Waiting at the hotline office: no holder line yet, 转办 offered.
    expect(await shown.locator('.staff-holder').count()).toBe(0);
    await button(shown, /^转办$/, '.staff-transfer').click();
    const form = shown.locator('.transfer-form');
    const search = form.locator('.unit-search input');

    // Part of a department's name: the department, marked 镇直部门, and nothing of the other town.
    await search.fill('农业');
    const department = form.locator('.unit-match').filter({ hasText: '农业农村办' });
    await department.waitFor({ timeout: 15_000 });
    await department.getByText('镇直部门').waitFor();
    expect(await form.locator('.unit-match').count()).toBe(1);

    // A village's name: the village first, then its large grid and small grids, each saying where it lies.
    await search.fill('');
    await search.fill('北孙');
    const grids = form.locator('.unit-match').filter({ has: page.locator('.unit-match-within', { hasText: '北孙村 · 北孙村东片大网格' }) });
    await grids.first().waitFor({ timeout: 15_000 });
    expect(await grids.first().locator('.unit-row-text').innerText()).toMatch(/^北孙村东片第\d+网格$/);
    expect(await form.locator('.unit-match').first().locator('.unit-row-text').innerText()).toBe('北孙村');
    expect(await form.locator('.unit-match').count()).toBeLessThanOrEqual(30);
    await screenshot(page, 'staff-transfer-search', true);

    // A name nobody has.
    await search.fill('没有这个村');
    await form.getByText('没有找到这个名称').waitFor({ timeout: 15_000 });

    await search.fill('农业');
    await department.locator('.unit-match-name').click();
    await form.locator('.unit-chosen-name').getByText('农业农村办').waitFor();
    await form.locator('.action-note textarea').fill('属于农业农村办的职责');
    await button(form, '确定转办', '.action-confirm').click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });

    // Dispatched: who holds it now, and neither 转办 nor 不同意转办.
    await shown.locator('.staff-holder').getByText('现由农业农村办办理').waitFor({ timeout: 15_000 });
    await eventually(async () => {
      expect(await shown.locator('.staff-transfer').count()).toBe(0);
      expect(await shown.locator('.staff-decline-transfer').count()).toBe(0);
    });
    const [row]: { name: string; state: string }[] = await dataSource.query(
      'SELECT u.name AS name, r.state AS state FROM request r JOIN org_unit u ON u.id = r.handlerUnitId WHERE r.id = ?',
      [orderId],
    );
    expect(row).toEqual({ name: '农业农村办', state: 'submitted' });
    await screenshot(page, 'staff-dispatched', true);
    expect(pageErrors).toEqual([]);
  });
});
