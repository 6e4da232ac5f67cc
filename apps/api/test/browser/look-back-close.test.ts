import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '孙桂芝', phone: '13912340318' };
const TEXT = '村西头的路灯坏了，晚上走路看不见。';

/**
 * 回看并关闭 in the H5 build in Chromium (issues 17, 18): hotline staff open a resolved matter, tap
 * 回看并关闭, and the form already says 电话回访 / 已联系上 / 满意, so one confirm closes it; the
 * timeline says what was heard. Then a second matter where the phone heard 不满意: it goes back to work.
 */
describe('回看并关闭 in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  let hotline: SeededPerson;
  const ids: number[] = [];
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader');
    hotline = await personWithRole(dataSource, 'hotline_staff');
    const villager = await demoToken(under.api.baseUrl, await addVillager(dataSource, VILLAGER, leader.unitId));
    const leaderToken = await demoToken(under.api.baseUrl, leader.personId);
    for (const n of [1, 2]) {
      const submitted = await api('POST', '/api/requests', villager, {
        clientRequestId: `look-back-close-0${n}`,
        category: 'infrastructure',
        description: TEXT,
      });
      expect(submitted.status).toBe(201);
      const accepted = await api('POST', `/api/requests/${submitted.body.id}/actions/accept`, leaderToken, {
        version: submitted.body.version,
        contactMethod: 'call',
      });
      const resolved = await api('POST', `/api/requests/${submitted.body.id}/actions/resolve`, leaderToken, {
        version: accepted.body.version,
        note: '已换了新灯泡',
      });
      expect(resolved.status).toBe(200);
      ids.push(submitted.body.id as number);
    }
  });

  it('the common case is one confirm: 电话回访, 已联系上, 满意 are already chosen', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, hotline);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${ids[0]}`);
    const detail = current(page);
    await button(detail, '回看并关闭', '.staff-look-back-close').click();
    const form = detail.locator('.return-visit-form');
    await form.locator('.visit-method.chip--on').getByText('电话回访').waitFor({ timeout: 15_000 });
    await form.locator('.visit-reached.chip--on').getByText('已联系上').waitFor();
    await form.locator('.visit-heard.chip--on').getByText('满意', { exact: true }).waitFor();
    await button(form, '确认回看并关闭').click();
    await detail.locator('.req-summary .state-badge').getByText('已关闭').waitFor({ timeout: 15_000 });
    await detail.locator('.timeline-step').filter({ hasText: '回看并关闭' }).getByText('电话回访，已联系上，群众说满意').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('不满意 heard: the confirm says it goes back to work, and it does', async () => {
    const { page, pageErrors } = phone;
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${ids[1]}`);
    const detail = current(page);
    await button(detail, '回看并关闭', '.staff-look-back-close').click();
    const form = detail.locator('.return-visit-form');
    await form.locator('.visit-heard').getByText('不满意').click();
    await form.locator('.action-note textarea').fill('群众说灯还是不亮');
    await button(form, '确认，退回重新办理').click();
    await detail.locator('.req-summary .state-badge').getByText('办理中').waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
