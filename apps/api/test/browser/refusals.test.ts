import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '孙玉梅', phone: '13912340391' };

/** China time: Thursday 2026-12-03; matters received at 10:00, acted on at 10:30 (within the 2 office hours of 退单). */
const at = (text: string) => new Date(`${text}+08:00`);

/**
 * 退单 and 不予受理 with a reason in the H5 build in Chromium (issue 18): the grid leader returns one
 * matter to the hotline office's dispatch queue, and refuses another as not the village's, naming
 * where to go; the villager reads where on her timeline.
 */
describe('退单 and a refusal with where to go, in the H5 app', () => {
  const clock = new ManualClock(at('2026-12-03T10:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  const phone = usePhoneOnApp(under, { beforeHome: (page) => page.clock.install({ time: at('2026-12-03T10:30:00') }) });
  let leader: SeededPerson;
  let returnedId: number;
  let refusedId: number;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    const villager = await demoToken(under.api.baseUrl, await addVillager(dataSource, VILLAGER, leader.unitId));
    const submit = async (clientRequestId: string, description: string) => {
      const submitted = await api('POST', '/api/requests', villager, { clientRequestId, category: 'other', description });
      expect(submitted.status).toBe(201);
      return submitted.body.id as number;
    };
    returnedId = await submit('refusals-browser-01', '自来水公司的主管道漏水，水流到了路上');
    refusedId = await submit('refusals-browser-02', '老板拖欠我三个月工资不给');
    clock.set(at('2026-12-03T10:30:00'));
  });

  it('the grid leader returns one matter to dispatch and refuses another, saying where to go; the villager reads it', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${returnedId}`);
    const handling = current(page);
    await button(handling, '退单（不属于本单位）', '.handle-return').click();
    const back = handling.locator('.return-form');
    await back.locator('.action-note textarea').fill('这是自来水公司的管网，不归村里管');
    await button(back, '确认退单').click();
    // Handed back: the grid no longer holds it, so the page offers it nothing more.
    await back.waitFor({ state: 'detached', timeout: 15_000 });
    await handling.locator('.handle-return').waitFor({ state: 'detached', timeout: 15_000 });
    const returned = (await api('GET', `/api/requests/${returnedId}`, await demoToken(under.api.baseUrl, leader.personId))).body;
    expect(returned.handlerUnitName).toBe('热线办');

    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${refusedId}`);
    const refusing = current(page);
    await button(refusing, '不予受理', '.handle-reject').click();
    const reject = refusing.locator('.reject-form');
    await reject.locator('.reject-reason').getByText('不属于本单位职责或受理范围').click();
    await reject.locator('.action-note textarea').fill('这是劳动报酬纠纷');
    await button(reject, '确认不予受理').click();
    // Where to go is asked before anything is sent.
    await reject.locator('.form-error').getByText('请写明群众应该去哪里反映').waitFor({ timeout: 15_000 });
    await reject.locator('.refer-place').getByText('劳动人事争议仲裁委员会').click();
    await button(reject, '确认不予受理').click();
    await reject.waitFor({ state: 'detached', timeout: 15_000 });

    await signInAs(page, VILLAGER);
    await page.goto(`${under.api.baseUrl}/#/subpackages/villager/request/index?id=${refusedId}`);
    const mine = current(page);
    const row = mine.locator('.timeline-step').filter({ hasText: '不予受理' });
    await row.getByText('不属于本单位职责或受理范围：这是劳动报酬纠纷。建议您向劳动人事争议仲裁委员会反映').waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
