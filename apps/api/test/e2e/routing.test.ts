import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMPLETION_WORKING_DAYS, CONTACT_MINUTES, contactDeadline, workingDeadline } from '@gridloop/domain';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { RequestEvent } from '../../src/requests/request-event.entity';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Where matters go and how they move: category routes, transfer, merge of duplicates, entry on someone's behalf, look-back. */
describe(`routing, transfer, merge and entry for others (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    demoLogin: true,
    lookBack: { ratingWaitHours: 1 },
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const clientId = () => randomBytes(12).toString('hex');
  const ds = () => under.api.app.get(DataSource);
  const token = async (role: string, codePrefix: string) => demoToken(under.api.baseUrl, (await personWithRole(ds(), role, codePrefix)).personId);

  let gridId: number;
  let townId: number;
  let labourId: number;
  let leader: string;
  let hotline: string;
  let townLeader: string;
  let labourHandler: string;
  beforeAll(async () => {
    gridId = (await unitByCode(ds(), 'SG-TT-V02-L1-S01')).id;
    townId = (await unitByCode(ds(), 'SG-TT')).id;
    labourId = (await unitByCode(ds(), 'SG-TT-D1')).id;
    leader = await token('grid_leader', 'SG-TT-V02-L1-S01');
    hotline = await token('hotline_staff', 'SG-TT');
    townLeader = await token('town_leader', 'SG-TT');
    labourHandler = await token('department_handler', 'SG-TT-D1');
  });

  async function villager(): Promise<string> {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: gridId });
    return session.body.accessToken;
  }
  const submit = (requester: string, overrides: Record<string, unknown> = {}) =>
    api('POST', '/api/requests', requester, {
      clientRequestId: clientId(),
      category: 'infrastructure',
      description: '村东头路灯坏了三天了，晚上出门看不见路',
      contactPhone: '13812345678',
      ...overrides,
    });

  it('a category routed to a department goes straight there; back with the grids when the route is cleared', async () => {
    const routes = await api('PUT', `/api/towns/${townId}/category-routes/labour`, hotline, { departmentUnitId: labourId });
    expect(routes.status).toBe(200);
    expect(routes.body.find((r: { category: string }) => r.category === 'labour')).toMatchObject({
      categoryLabel: '劳动保障',
      departmentUnitId: labourId,
      departmentName: '劳动保障所',
    });

    const wages = (await submit(await villager(), { category: 'labour', description: '在镇上工地干活，六千元工资一直没发' })).body;
    expect(wages).toMatchObject({ unitId: gridId, handlerUnitId: labourId });
    expect((await api('GET', '/api/requests/inbox', labourHandler)).body.map((r: { id: number }) => r.id)).toContain(wages.id);
    expect((await api('GET', '/api/requests/inbox', leader)).body.map((r: { id: number }) => r.id)).not.toContain(wages.id);
    // A wage dispute is complex by default: accepted without saying otherwise, it gets 3 working days.
    const accepted = await api('POST', `/api/requests/${wages.id}/actions/accept`, labourHandler, { version: wages.version, contactMethod: 'call' });
    expect(accepted.body.complexity).toBe('complex');
    expect(new Date(accepted.body.completionDueAt)).toEqual(workingDeadline(new Date(wages.createdAt), COMPLETION_WORKING_DAYS.complex));

    await api('PUT', `/api/towns/${townId}/category-routes/labour`, hotline, { departmentUnitId: null });
    expect((await submit(await villager(), { category: 'labour' })).body.handlerUnitId).toBe(gridId);
  });

  it('refuses routes to what is not one of the town’s departments, and to people who do not dispatch', async () => {
    expect((await api('PUT', `/api/towns/${townId}/category-routes/labour`, hotline, { departmentUnitId: gridId })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'departmentUnitId',
    });
    expect((await api('PUT', `/api/towns/${townId}/category-routes/teleport`, hotline, { departmentUnitId: labourId })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'category',
    });
    expect((await api('PUT', `/api/towns/${townId}/category-routes/labour`, leader, { departmentUnitId: labourId })).status).toBe(403);
    const otherTown = await token('hotline_staff', 'SG-SF');
    expect((await api('GET', `/api/towns/${townId}/category-routes`, otherTown)).status).toBe(404);
  });

  it('a handler asks to transfer; dispatch sees it, can say no, or transfers it with a new contact clock', async () => {
    const matter = (await submit(await villager())).body;
    const asked = await api('POST', `/api/requests/${matter.id}/actions/requestTransfer`, leader, {
      version: matter.version,
      note: '是镇上的道路，归村镇建设办管',
    });
    expect(asked.body).toMatchObject({ state: 'submitted', transferRequested: true });
    expect((await api('GET', '/api/requests/dispatch-queue', hotline)).body.map((r: { id: number }) => r.id)).toContain(matter.id);
    expect((await api('GET', '/api/requests/dispatch-queue', leader)).status).toBe(403);

    const declined = await api('POST', `/api/requests/${matter.id}/actions/declineTransfer`, hotline, {
      version: asked.body.version,
      note: '村内道路，请网格处理',
    });
    expect(declined.body.transferRequested).toBe(false);
    expect(
      (await api('POST', `/api/requests/${matter.id}/actions/declineTransfer`, hotline, { version: declined.body.version, note: '再说一次' })).body.code,
    ).toBe('REQUEST_WRONG_STATE');

    const accepted = await api('POST', `/api/requests/${matter.id}/actions/accept`, leader, { version: declined.body.version, contactMethod: 'visit' });
    const construction = await unitByCode(ds(), 'SG-TT-D3');
    const transferred = await api('POST', `/api/requests/${matter.id}/actions/transfer`, hotline, {
      version: accepted.body.version,
      targetUnitId: construction.id,
      note: '需要施工队',
    });
    expect(transferred.body).toMatchObject({ state: 'submitted', handlerUnitId: construction.id, unitId: gridId, complexity: null, completionDueAt: null });
    // The new handler's contact clock runs from the transfer.
    expect(new Date(transferred.body.contactDueAt)).toEqual(contactDeadline(new Date(transferred.body.timeline.at(-1).createdAt), CONTACT_MINUTES));
    expect(transferred.body.timeline.at(-1)).toMatchObject({ action: 'transfer', note: '转至村镇建设办：需要施工队' });
    const steps = await ds()
      .getRepository(RequestEvent)
      .find({ where: { requestId: matter.id }, order: { id: 'ASC' } });
    expect(steps.map((e) => [e.action, e.handlerUnitId])).toEqual([
      ['submit', gridId],
      ['requestTransfer', gridId],
      ['declineTransfer', gridId],
      ['accept', gridId],
      ['transfer', construction.id],
    ]);
    expect((await ds().getRepository(RequestEntity).findOneByOrFail({ id: matter.id })).firstContactDueAt).toEqual(new Date(matter.contactDueAt));
    // The grid no longer handles it.
    expect((await api('GET', `/api/requests/${matter.id}`, leader)).body.actions).toEqual([]);
  });

  it('refuses transfers without a target, to another town, or by the handler', async () => {
    const matter = (await submit(await villager())).body;
    expect((await api('POST', `/api/requests/${matter.id}/actions/transfer`, hotline, { version: matter.version, note: '转' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'targetUnitId',
    });
    const elsewhere = await unitByCode(ds(), 'SG-SF-D1');
    expect(
      (await api('POST', `/api/requests/${matter.id}/actions/transfer`, hotline, { version: matter.version, targetUnitId: elsewhere.id, note: '转' })).body,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'targetUnitId' });
    expect(
      (await api('POST', `/api/requests/${matter.id}/actions/transfer`, leader, { version: matter.version, targetUnitId: labourId, note: '转' })).status,
    ).toBe(403);
    expect((await api('GET', `/api/requests/${matter.id}`, leader)).body).toMatchObject({ version: matter.version, handlerUnitId: gridId });
  });

  it('suggests duplicates in the grid and merges them: the merged requester follows the surviving case', async () => {
    const first = await villager();
    const second = await villager();
    const survivor = (await submit(first, { description: '村东头路灯坏了三天了，晚上出门看不见路', addressNote: '东头十字路口' })).body;
    const duplicate = (await submit(second, { description: '东头十字路口的路灯坏了，晚上看不见路', addressNote: '十字路口', contactPhone: '13900002222' }))
      .body;
    const unrelated = (await submit(second, { category: 'environment', description: '西边水沟里的垃圾很多没人清理' })).body;

    const suggested = await api('GET', `/api/requests/${duplicate.id}/duplicates`, leader);
    expect(suggested.status).toBe(200);
    const ids = suggested.body.map((d: { id: number }) => d.id);
    expect(ids).toContain(survivor.id);
    expect(ids).not.toContain(unrelated.id);
    expect(suggested.body[0].score).toBeGreaterThanOrEqual(0.35);
    expect((await api('GET', `/api/requests/${duplicate.id}/duplicates`, second)).status).toBe(403);

    const merged = await api('POST', `/api/requests/${duplicate.id}/actions/merge`, leader, { version: duplicate.version, targetRequestId: survivor.id });
    expect(merged.body).toMatchObject({ state: 'merged', mergedIntoId: survivor.id });
    // The second villager now sees the survivor among their matters, as a follower: no actions, the first villager's name masked, no phone.
    const mine = (await api('GET', '/api/requests/mine', second)).body;
    const followed = mine.find((r: { id: number }) => r.id === survivor.id);
    expect(followed).toMatchObject({ actions: [], contactPhone: null, canCall: false });
    expect(followed.requesterName).toMatch(/^.\*+$/);
    const survivorSeen = (await api('GET', `/api/requests/${survivor.id}`, second)).body;
    expect(survivorSeen.timeline.at(-1)).toMatchObject({ action: 'mergeIn' });
    // Merging into a closed matter, or into itself, is refused.
    expect(
      (await api('POST', `/api/requests/${unrelated.id}/actions/merge`, leader, { version: unrelated.version, targetRequestId: unrelated.id })).body.field,
    ).toBe('targetRequestId');
    expect(
      (await api('POST', `/api/requests/${unrelated.id}/actions/merge`, leader, { version: unrelated.version, targetRequestId: duplicate.id })).body,
    ).toMatchObject({ code: 'REQUEST_WRONG_STATE', field: 'targetRequestId' });
    const row = await ds().getRepository(RequestEntity).findOneByOrFail({ id: unrelated.id });
    expect(row.state).toBe('submitted');
  });

  it('a grid leader enters a matter for an elderly villager, who then finds it as their own', async () => {
    const body = {
      clientRequestId: clientId(),
      category: 'social',
      description: '老人行动不便，想申请居家养老服务',
      unitId: gridId,
      requesterName: '王秀英',
      requesterPhone: '13700001234',
    };
    const [a, b] = await Promise.all([api('POST', '/api/requests/on-behalf', leader, body), api('POST', '/api/requests/on-behalf', leader, body)]);
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(a.body).toMatchObject({ source: 'proxy', enteredForRequester: true, contactPhone: '137****1234', requesterName: '王**' });
    const person = await ds().query('SELECT id FROM person WHERE phone = ?', ['13700001234']);
    expect(person).toHaveLength(1);
    const elder = await demoToken(under.api.baseUrl, Number(person[0].id));
    expect((await api('GET', '/api/requests/mine', elder)).body.map((r: { id: number }) => r.id)).toContain(a.body.id);

    // Hotline staff taking a call: source staff. Villagers and leaders of other grids may not.
    const call12 = await api('POST', '/api/requests/on-behalf', hotline, { ...body, clientRequestId: clientId() });
    expect(call12.body.source).toBe('staff');
    expect((await api('POST', '/api/requests/on-behalf', await villager(), { ...body, clientRequestId: clientId() })).status).toBe(403);
    const otherLeader = await token('grid_leader', 'SG-TT-V03');
    expect((await api('POST', '/api/requests/on-behalf', otherLeader, { ...body, clientRequestId: clientId() })).body).toMatchObject({
      code: 'NOT_FOUND',
      field: 'unitId',
    });
  });

  it('a result waits for the rating before look-back, but not past the configured wait', async () => {
    const requester = await villager();
    const rated = (await submit(requester)).body;
    const unrated = (await submit(requester)).body;
    for (const m of [rated, unrated]) {
      const a = await api('POST', `/api/requests/${m.id}/actions/accept`, leader, { version: m.version, contactMethod: 'call' });
      await api('POST', `/api/requests/${m.id}/actions/resolve`, leader, { version: a.body.version, note: '已修好' });
    }
    const now = (await api('GET', `/api/requests/${rated.id}`, requester)).body;
    await api('POST', `/api/requests/${rated.id}/rating`, requester, { version: now.version, rating: 'satisfied' });
    const first = await api('GET', '/api/requests/look-back-queue', townLeader);
    expect(first.status).toBe(200);
    let queue = first.body.map((r: { id: number }) => r.id);
    expect(queue).toContain(rated.id);
    expect(queue).not.toContain(unrated.id);
    // Two hours later (the wait is 1 hour in this test), the unrated result is looked back at too.
    await ds()
      .getRepository(RequestEntity)
      .update({ id: unrated.id }, { resolvedAt: new Date(Date.now() - 2 * 3600_000) });
    queue = (await api('GET', '/api/requests/look-back-queue', townLeader)).body.map((r: { id: number }) => r.id);
    expect(queue).toContain(unrated.id);
    // The handler has no look-back queue; a villager none at all.
    expect((await api('GET', '/api/requests/look-back-queue', leader)).status).toBe(403);
  });
});
