import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../src/common/clock';
import { acceptedMatter } from '../support/accepted-matter';
import { type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '孙秀英', phone: '13912340388' };
const TEXT = '村里主路塌了一段，车过不去。';
const REASON = '路基要等开春化冻后才能重新铺';

/** China time: Thursday 2026-12-03. */
const at = (text: string) => new Date(`${text}+08:00`);

/**
 * 挂账 in the H5 build in Chromium (issue 18): the grid leader asks to park the matter (the plan
 * date on the system's date picker: today as it opens), hotline staff approve the date asked, the
 * villager's page shows 挂账 with the plan date and the reason, and the leader reports progress.
 */
describe('parking a matter in the H5 app', () => {
  const clock = new ManualClock(at('2026-12-03T10:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  const phone = usePhoneOnApp(under, { beforeHome: (page) => page.clock.install({ time: at('2026-12-03T14:00:00') }) });
  let leader: SeededPerson;
  let hotline: SeededPerson;
  let requestId: number;

  beforeAll(async () => {
    ({ leader, hotline, requestId } = await acceptedMatter(under, clock, {
      villager: VILLAGER,
      text: TEXT,
      clientRequestId: 'parking-browser-01',
      acceptAt: at('2026-12-03T10:10:00'),
    }));
    clock.set(at('2026-12-03T14:00:00'));
  });

  it('the grid leader asks, hotline staff approve, the villager sees 挂账 with the plan date, the leader reports progress', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${requestId}`);
    const handling = current(page);
    await button(handling, '申请挂账', '.handle-park').click();
    const ask = handling.locator('.park-ask-form');
    // Without a date the form says so and sends nothing.
    await ask.locator('.action-note textarea').fill(REASON);
    await button(ask, '提交挂账申请').click();
    await ask.locator('.park-date-missing').getByText('请选择计划办结日期').waitFor();
    await ask.locator('.park-date').click();
    await page.getByText('确定', { exact: true }).locator('visible=true').last().click();
    await ask.locator('.park-date').getByText('2026年12月3日').waitFor();
    await button(ask, '提交挂账申请').click();
    await handling.locator('.handle-park-asked').getByText('已申请挂账（计划2026年12月3日前办结），等待审批').waitFor({ timeout: 15_000 });

    await signInAs(page, hotline);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${requestId}`);
    const staff = current(page);
    await staff.locator('.staff-park-asked').getByText('计划2026年12月3日前办结', { exact: false }).waitFor({ timeout: 15_000 });
    await button(staff, '批准挂账', '.staff-approve-park').click();
    await button(staff.locator('.park-approve-form'), '批准挂账到2026年12月3日').click();
    await staff.locator('.staff-park-asked').waitFor({ state: 'detached', timeout: 15_000 });

    await signInAs(page, VILLAGER);
    await page.goto(`${under.api.baseUrl}/#/subpackages/villager/request/index?id=${requestId}`);
    const mine = current(page);
    await mine.locator('.req-parked').getByText('挂账办理，计划2026年12月3日前办好').waitFor({ timeout: 15_000 });
    await mine.locator('.req-mark--parked').getByText('挂账').waitFor();
    await mine.locator('.timeline-step').filter({ hasText: '批准挂账' }).getByText(`计划2026年12月3日前办结：${REASON}`).waitFor();

    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${requestId}`);
    const again = current(page);
    await button(again, '报送挂账进展', '.handle-park-progress').click();
    const progress = again.locator('.park-progress-form');
    await progress.locator('.action-note textarea').fill('施工队已联系好');
    await button(progress, '提交进展').click();
    await again.locator('.timeline-step').filter({ hasText: '挂账进展' }).getByText('施工队已联系好').waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
