import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '赵春兰', phone: '13912340077' };
const TEXT = '帮邻居登记：院墙裂了一道缝，怕下雨塌了。';

/**
 * 这不是我的诉求 in the H5 build in Chromium (issue 14, finding 2): a grid leader enters a matter
 * in a villager's name; she finds 「有人为您登记了一件诉求」 in 消息中心, the matter says who
 * entered it, and she says it is not hers: it is withdrawn, and the town's hotline office is told.
 */
describe('这不是我的诉求 in the H5 app', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  let leader: SeededPerson;
  let villagerId: number;
  let requestId: number;
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    // The first grid leader is on the demo sign-in list; the villager lives in his grid.
    leader = await personWithRole(dataSource, 'grid_leader');
    villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    const entered = await api('POST', '/api/requests/on-behalf', await demoToken(under.api.baseUrl, leader.personId), {
      clientRequestId: 'disown-browser-01',
      unitId: leader.unitId,
      requesterName: '赵大妈',
      requesterPhone: VILLAGER.phone,
      category: 'infrastructure',
      description: TEXT,
    });
    expect(entered.status).toBe(201);
    requestId = entered.body.id as number;
  });

  it('the villager is told, sees who entered it, says 「这不是我的诉求」 after a confirm, and it is withdrawn', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, VILLAGER);
    await button(page, /消息中心/, '.home-messages').click();
    const centre = current(page);
    const row = centre.locator('.message-row').filter({ hasText: '有人为您登记了一件诉求' });
    await row.waitFor({ timeout: 15_000 });
    await row.click();

    // Her own matter's page (not a handler's), marked with who entered it.
    const detail = current(page);
    await detail.getByText(TEXT).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`/subpackages/villager/request/index?id=${requestId}`);
    await detail.locator('.my-request-entered').getByText(`这件事由${leader.name}代您登记`, { exact: false }).waitFor();
    await screenshot(page, 'villager-entered-for-her');

    // A tap asks first; 取消 changes nothing.
    await button(page, '这不是我的诉求', '.my-request-disown').click();
    const form = detail.locator('.disown-form');
    await form.getByText('确定这不是您的诉求吗？', { exact: false }).waitFor();
    await button(page, '取消', '.action-cancel').click();
    await eventually(async () => expect(await form.count()).toBe(0));
    expect((await api('GET', `/api/requests/${requestId}`, await demoToken(under.api.baseUrl, villagerId))).body.state).toBe('submitted');

    await button(page, '这不是我的诉求', '.my-request-disown').click();
    await detail.locator('.disown-form textarea').fill('我没有找人代办过');
    await button(page, '确定不是我的', '.action-confirm').click();
    await detail.locator('.req-summary .state-badge').getByText('已撤回').waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await button(page, '这不是我的诉求', '.my-request-disown').count()).toBe(0));
    await detail.getByText('当事人说这不是他的诉求：我没有找人代办过').waitFor();
    await screenshot(page, 'villager-disowned');

    // The hotline office of the town heard of it.
    const staff = await personWithRole(under.api.app.get(DataSource), 'hotline_staff');
    const told = await api('GET', '/api/me/notifications', await demoToken(under.api.baseUrl, staff.personId));
    expect(told.body.items.map((n: { kind: string; requestId: number }) => `${n.kind}:${n.requestId}`)).toContain(`disowned:${requestId}`);
    expect(pageErrors).toEqual([]);
  });
});
