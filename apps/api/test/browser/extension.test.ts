import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManualClock } from '../../src/common/clock';
import { acceptedMatter } from '../support/accepted-matter';
import { type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '吴桂兰', phone: '13912340277' };
const TEXT = '村东头的排水沟堵了，下雨就漫到路上。';
const REASON = '要等镇里派挖掘机来清淤，周末派不出来';

/** China time: Thursday 2026-12-03; a simple matter received at 10:00 is due Friday 10:00. */
const at = (text: string) => new Date(`${text}+08:00`);

/**
 * 延期申请 in the H5 build in Chromium (issue 18): the grid leader asks for 3 working days with a
 * reason, hotline staff approve 2, and the villager's page shows the new deadline (Tuesday, the
 * weekend skipped), the reason on the timeline, and the extension in 「怎么算的？」.
 */
describe('a deadline extension in the H5 app', () => {
  const clock = new ManualClock(at('2026-12-03T10:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  const phone = usePhoneOnApp(under, { beforeHome: (page) => page.clock.install({ time: at('2026-12-03T14:00:00') }) });
  let leader: SeededPerson;
  let hotline: SeededPerson;
  let requestId: number;

  beforeAll(async () => {
    let completionDueAt: Date;
    ({ leader, hotline, requestId, completionDueAt } = await acceptedMatter(under, clock, {
      villager: VILLAGER,
      text: TEXT,
      clientRequestId: 'extension-browser-01',
      acceptAt: at('2026-12-03T10:10:00'),
    }));
    expect(completionDueAt).toEqual(at('2026-12-04T10:00:00'));
    clock.set(at('2026-12-03T14:00:00'));
  });

  it('the grid leader asks, hotline staff approve fewer days, the villager sees the new deadline and why', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, leader);
    await page.goto(`${under.api.baseUrl}/#/subpackages/handler/request/index?id=${requestId}`);
    const handling = current(page);
    await button(handling, '申请延期', '.handle-extension').click();
    const ask = handling.locator('.extension-ask-form');
    await ask.locator('.extension-days').getByText('3个工作日').click();
    await ask.locator('.action-note textarea').fill(REASON);
    await button(ask, '提交延期申请').click();
    await handling.locator('.handle-extension-asked').getByText('已申请延期3个工作日，等待审批').waitFor({ timeout: 15_000 });

    await signInAs(page, hotline);
    await page.goto(`${under.api.baseUrl}/#/subpackages/staff/request/index?id=${requestId}`);
    const staff = current(page);
    await staff.locator('.staff-extension-asked').getByText('申请延期3个工作日', { exact: false }).waitFor({ timeout: 15_000 });
    await button(staff, '批准延期', '.staff-approve-extension').click();
    const approve = staff.locator('.extension-approve-form');
    await approve.locator('.extension-days').getByText('2个工作日').click();
    await button(approve, '批准延期2个工作日').click();
    await staff.locator('.staff-extension-asked').waitFor({ state: 'detached', timeout: 15_000 });

    await signInAs(page, VILLAGER);
    await page.goto(`${under.api.baseUrl}/#/subpackages/villager/request/index?id=${requestId}`);
    const mine = current(page);
    // Friday 10:00 + 2 working days, Saturday and Sunday skipped.
    await mine.locator('.req-due').getByText('预计 12月8日 10:00 前办好').waitFor({ timeout: 15_000 });
    const row = mine.locator('.timeline-step').filter({ hasText: '批准延期' });
    await row.getByText(REASON).waitFor();
    await row.getByText('新的办理期限：12月8日 10:00 前').waitFor();
    await mine.locator('.req-due .deadline-why-tap').click();
    const sheet = page.locator('.deadline-why-sheet:visible');
    await sheet.getByText(`经批准延期2个工作日（理由：${REASON}），应在12月8日（周二）10:00 前办好`).waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });
});
