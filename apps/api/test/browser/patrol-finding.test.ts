import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { current, signInAs, usePhoneOnApp } from '../support/h5';

const PASSED_ON = '村道边的护栏被撞弯了，需要修一下';
const SETTLED = '路灯下的垃圾堆当场清走了';

/**
 * 未诉先办 in the H5 app (#17): a patrol finding was raised by nobody, so the grid leader who
 * reported it is not shown as its 反映人 and is offered no 打电话 to himself: the page says
 * 「巡查发现」. One settled on the spot is nobody's work any more and is not in his 待办.
 */
describe('a patrol finding on the grid leader’s pages', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  let leader: SeededPerson;
  let passedOnId: number;

  beforeAll(async () => {
    leader = await personWithRole(under.api.app.get(DataSource), 'grid_leader');
    const token = await demoToken(under.api.baseUrl, leader.personId);
    const report = (description: string, settledOnSpot: boolean) =>
      call(under.api.baseUrl, 'POST', '/api/requests/patrol', {
        token,
        body: {
          clientRequestId: randomBytes(8).toString('hex'),
          dutyType: 'hazard_inspector',
          category: 'safety',
          description,
          unitId: leader.unitId,
          settledOnSpot,
          ...(settledOnSpot ? { result: '已清理干净' } : {}),
        },
      });
    const passedOn = await report(PASSED_ON, false);
    expect([passedOn.status, passedOn.body.state]).toEqual([201, 'submitted']);
    passedOnId = passedOn.body.id;
    const settled = await report(SETTLED, true);
    expect([settled.status, settled.body.state]).toEqual([201, 'resolved']);
  });

  it('待办 lists the finding passed on, not the one settled on the spot; its page says 巡查发现 with nobody to call', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/inbox/index`);
    const inbox = current(page);
    await inbox
      .locator('.req-row')
      .filter({ hasText: PASSED_ON.slice(0, 10) })
      .waitFor({ timeout: 15_000 });
    expect(
      await inbox
        .locator('.req-row')
        .filter({ hasText: SETTLED.slice(0, 10) })
        .count(),
    ).toBe(0);

    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${passedOnId}`);
    const handling = current(page);
    await handling.getByText('巡查发现', { exact: true }).waitFor({ timeout: 15_000 });
    await handling.locator('.handle-accept').waitFor();
    expect(await handling.getByText(/反映人|电话：/).count()).toBe(0);
    expect(await handling.locator('.handle-call').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('so does the staff page a supervisor opens', async () => {
    const { page, pageErrors } = phone;
    const head = await personWithRole(under.api.app.get(DataSource), 'large_grid_head', leader.unitCode.split('-').slice(0, -1).join('-'));
    await signInAs(page, head);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${passedOnId}`);
    const staffPage = current(page);
    await staffPage.getByText('巡查发现', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await staffPage.getByText(/反映人|电话：/).count()).toBe(0);
    expect(await staffPage.locator('.staff-call').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
