import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../../src/requests/request.entity';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, signInAs, usePhoneOnApp } from '../support/h5';

const RECEIVED_FIRST = '东头的水管漏水，地上一直湿着。';
const RECEIVED_SECOND = '西头的垃圾桶满了没人收。';

/**
 * 回看 (#17): the list is in the order the results came (the one waiting longest first), so each
 * row shows when its result came, not when the matter was received, and the heading says so. The
 * matter received first got its result last: it is second.
 */
describe('the 回看 list shows the time it is ordered by', () => {
  // Unrated results join the look-back queue at once.
  const under = useAppUnderTest({ demoLogin: true, lookBack: { ratingWaitHours: 0 } });
  const phone = usePhoneOnApp(under);
  let staff: SeededPerson;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader');
    staff = await personWithRole(dataSource, 'hotline_staff');
    const base = under.api.baseUrl;
    const villagerToken = await demoToken(base, await addVillager(dataSource, { name: '孙玉梅', phone: '13912340929' }, leader.unitId));
    const leaderToken = await demoToken(base, leader.personId);
    const resolvedMatter = async (description: string) => {
      const submitted = await call(base, 'POST', '/api/requests', {
        token: villagerToken,
        body: { clientRequestId: randomBytes(8).toString('hex'), category: 'environment', description },
      });
      const accepted = await call(base, 'POST', `/api/requests/${submitted.body.id}/actions/accept`, {
        token: leaderToken,
        body: { version: submitted.body.version, contactMethod: 'visit', complexity: 'simple' },
      });
      const resolved = await call(base, 'POST', `/api/requests/${submitted.body.id}/actions/resolve`, {
        token: leaderToken,
        body: { version: accepted.body.version, note: '已处理' },
      });
      expect(resolved.status).toBe(200);
      return submitted.body.id as number;
    };
    const first = await resolvedMatter(RECEIVED_FIRST);
    const second = await resolvedMatter(RECEIVED_SECOND);
    // The second one's result came an hour before the first one's.
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000);
    await dataSource.getRepository(RequestEntity).update(first, { resolvedAt: at(1) });
    await dataSource.getRepository(RequestEntity).update(second, { resolvedAt: at(2) });
  });

  it('rows in the order their results came, each showing that time', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, staff);
    await button(page, '回看', '.home-look-back').click();
    const list = current(page);
    await list.getByText(/等得最久的在最上面/).waitFor({ timeout: 15_000 });
    const rows = list.locator('.req-row').filter({ hasText: /东头的水管|西头的垃圾桶/ });
    await rows.nth(1).waitFor();
    expect(await rows.locator('.req-row-text').allInnerTexts()).toEqual([RECEIVED_SECOND, RECEIVED_FIRST]);
    const times = await rows.locator('.req-row-time').allInnerTexts();
    for (const time of times) expect(time).toMatch(/^办结 /);
    expect(times[0]).not.toEqual(times[1]);
    expect(pageErrors).toEqual([]);
  });
});
