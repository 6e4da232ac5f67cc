import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMPLETION_WORKING_DAYS, contactDeadline, workingDeadline } from '@gridloop/domain';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { ActorRepository } from '../../src/auth/actor.repository';
import { RequestEvent } from '../../src/requests/request-event.entity';
import { RequestRepository } from '../../src/requests/request.repository';
import { RequestsService } from '../../src/requests/requests.service';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, tokenForRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** The three-step closed loop over real HTTP: found → followed up → looked back at. */
describe(`the closed loop (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 10_000, refreshReuseGraceSeconds: 10 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const clientId = () => randomBytes(12).toString('hex');
  let grid: { unitId: number; leaderToken: string; deputyToken: string; headToken: string; hotlineToken: string; secretaryToken: string };

  beforeAll(async () => {
    const ds = under.api.app.get(DataSource);
    const leader = await personWithRole(ds, 'grid_leader', 'SG-TT-V02-L1-S01');
    const base = under.api.baseUrl;
    grid = {
      unitId: leader.unitId,
      leaderToken: await demoToken(base, leader.personId),
      deputyToken: await demoToken(base, (await personWithRole(ds, 'deputy_grid_leader', 'SG-TT-V02-L1-S01')).personId),
      headToken: await demoToken(base, (await personWithRole(ds, 'large_grid_head', 'SG-TT-V02-L1')).personId),
      hotlineToken: await demoToken(base, (await personWithRole(ds, 'hotline_staff', 'SG-TT')).personId),
      secretaryToken: await demoToken(base, (await personWithRole(ds, 'village_secretary', 'SG-TT-V02')).personId),
    };
  });

  async function villager(): Promise<string> {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: grid.unitId });
    return session.body.accessToken;
  }

  const submitBody = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: clientId(),
    category: 'infrastructure',
    description: '村东头路灯坏了三天了，晚上出门看不见路',
    addressNote: '东头十字路口',
    contactPhone: '13812345678',
    ...overrides,
  });

  it('walks a matter from the villager through the grid leader to look-back and close', async () => {
    const requester = await villager();
    const submitted = await api('POST', '/api/requests', requester, submitBody());
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      stateLabel: '待联系',
      unitId: grid.unitId,
      handlerUnitId: grid.unitId,
      contactPhone: '13812345678',
      actions: ['withdraw'],
    });
    const id = submitted.body.id;
    const createdAt = new Date(submitted.body.createdAt);
    expect(new Date(submitted.body.contactDueAt)).toEqual(contactDeadline(createdAt, 60));

    const inbox = await api('GET', '/api/requests/inbox', grid.leaderToken);
    expect(inbox.body.map((r: { id: number }) => r.id)).toContain(id);

    const seenByLeader = await api('GET', `/api/requests/${id}`, grid.leaderToken);
    expect(seenByLeader.body.actions).toEqual(['accept', 'reject', 'returnToDispatch', 'requestTransfer', 'merge']);
    const accepted = await api('POST', `/api/requests/${id}/actions/accept`, grid.leaderToken, {
      version: seenByLeader.body.version,
      contactMethod: 'call',
      complexity: 'simple',
    });
    expect(accepted.body).toMatchObject({ state: 'accepted', complexity: 'simple', contactLate: false });
    expect(new Date(accepted.body.completionDueAt)).toEqual(workingDeadline(createdAt, COMPLETION_WORKING_DAYS.simple));

    const followed = await api('POST', `/api/requests/${id}/actions/followUp`, grid.deputyToken, {
      version: accepted.body.version,
      note: '已联系电工，明天上午来修',
    });
    expect(followed.body.state).toBe('in_progress');
    const resolved = await api('POST', `/api/requests/${id}/actions/resolve`, grid.leaderToken, {
      version: followed.body.version,
      note: '路灯已更换，晚上试过能亮',
    });
    expect(resolved.body.state).toBe('resolved');

    // The handler never looks back at their own work; the large-grid head does.
    const selfReview = await api('POST', `/api/requests/${id}/actions/lookBack`, grid.leaderToken, { version: resolved.body.version });
    expect(selfReview).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const lookedBack = await api('POST', `/api/requests/${id}/actions/lookBack`, grid.headToken, {
      version: resolved.body.version,
      note: '回访村民，确认已修好',
    });
    expect(lookedBack.body.state).toBe('looked_back');
    const closed = await api('POST', `/api/requests/${id}/actions/close`, grid.hotlineToken, { version: lookedBack.body.version });
    expect(closed.body).toMatchObject({ state: 'closed', actions: ['returnVisit', 'reopen'] });

    const mine = await api('GET', `/api/requests/${id}`, requester);
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'followUp', 'resolve', 'lookBack', 'close']);
    expect(mine.body.timeline[1].note).toBe('电话联系');
    expect(mine.body.actions).toEqual(['reopen', 'rate']);

    // Every state change left exactly one timeline row, in the same order.
    const rows = await under.api.app
      .get(DataSource)
      .getRepository(RequestEvent)
      .find({ where: { requestId: id }, order: { id: 'ASC' } });
    expect(rows.map((r) => `${r.fromState ?? ''}>${r.toState}`)).toEqual([
      '>submitted',
      'submitted>accepted',
      'accepted>in_progress',
      'in_progress>resolved',
      'resolved>looked_back',
      'looked_back>closed',
    ]);
  });

  it('a retried submission (same clientRequestId) makes one request and gets the same answer', async () => {
    const requester = await villager();
    const body = submitBody();
    const answers = await Promise.all([1, 2, 3].map(() => api('POST', '/api/requests', requester, body)));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const count = await under.api.app.get(DataSource).getRepository(RequestEntity).countBy({ clientRequestId: body.clientRequestId });
    expect(count).toBe(1);
  });

  it('two people acting at once: exactly one succeeds, the other gets a clear conflict', async () => {
    const requester = await villager();
    const { id, version } = (await api('POST', '/api/requests', requester, submitBody())).body;
    const [a, b] = await Promise.all([
      api('POST', `/api/requests/${id}/actions/accept`, grid.leaderToken, { version, contactMethod: 'visit' }),
      api('POST', `/api/requests/${id}/actions/accept`, grid.deputyToken, { version, contactMethod: 'call' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('REQUEST_CONFLICT');
    expect(loser.body.message).toMatch(/刷新/);
    const events = await under.api.app.get(DataSource).getRepository(RequestEvent).countBy({ requestId: id, action: 'accept' });
    expect(events).toBe(1);
  });

  it('a description of only spaces is empty: refused with the field, nothing saved', async () => {
    const requester = await villager();
    const res = await api('POST', '/api/requests', requester, submitBody({ description: ' \u3000 \n ' }));
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'description' } });
    expect(res.body.message).toContain('不能为空');
    expect((await api('GET', '/api/requests/mine', requester)).body).toEqual([]);
  });

  it('the inbox comes in pages, most urgent first, each page after the last row of the one before', async () => {
    const requester = await villager();
    for (let i = 0; i < 3; i++) await api('POST', '/api/requests', requester, submitBody());
    const whole = (await api('GET', '/api/requests/inbox?limit=100', grid.leaderToken)).body as {
      id: number;
      contactDueAt: string;
      completionDueAt: string | null;
    }[];
    expect(whole.length).toBeGreaterThanOrEqual(3);
    const first = (await api('GET', '/api/requests/inbox?limit=2', grid.leaderToken)).body as typeof whole;
    expect(first).toHaveLength(2);
    const last = first[1]!;
    const cursor = `afterDueAt=${encodeURIComponent(last.completionDueAt ?? last.contactDueAt)}&afterId=${last.id}`;
    const rest = (await api('GET', `/api/requests/inbox?limit=100&${cursor}`, grid.leaderToken)).body as typeof whole;
    expect([...first, ...rest].map((r) => r.id)).toEqual(whole.map((r) => r.id));
    expect((await api('GET', `/api/requests/inbox?afterId=${last.id}`, grid.leaderToken)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'afterDueAt',
    });
    expect((await api('GET', '/api/requests/inbox?limit=101', grid.leaderToken)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'limit' });
  });

  it('a path id that is not a positive whole number is refused with its name', async () => {
    for (const bad of ['abc', '-1', '0', '1.5', '99999999999']) {
      expect((await api('GET', `/api/requests/${bad}`, grid.leaderToken)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'requestId' });
    }
  });

  it('refuses steps out of order or without what they need, changing nothing', async () => {
    const requester = await villager();
    const { id, version } = (await api('POST', '/api/requests', requester, submitBody())).body;
    expect((await api('POST', `/api/requests/${id}/actions/resolve`, grid.leaderToken, { version, note: '办好了' })).body.code).toBe('REQUEST_WRONG_STATE');
    expect((await api('POST', `/api/requests/${id}/actions/accept`, grid.leaderToken, { version })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'contactMethod',
    });
    expect((await api('POST', `/api/requests/${id}/actions/reject`, grid.leaderToken, { version })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'note',
    });
    expect((await api('POST', `/api/requests/${id}/actions/teleport`, grid.leaderToken, { version })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'action',
    });
    expect((await api('POST', `/api/requests/${id}/actions/accept`, grid.leaderToken, { version: version + 5, contactMethod: 'call' })).body.code).toBe(
      'REQUEST_CONFLICT',
    );
    const after = await api('GET', `/api/requests/${id}`, requester);
    expect(after.body).toMatchObject({ state: 'submitted', version });
    expect(after.body.timeline).toHaveLength(1);
  });

  it('a rejection needs a reason and is itself looked back at; the requester may withdraw an open matter', async () => {
    const requester = await villager();
    const first = (await api('POST', '/api/requests', requester, submitBody())).body;
    const rejected = await api('POST', `/api/requests/${first.id}/actions/reject`, grid.leaderToken, {
      version: first.version,
      rejectReason: 'not_ours',
      referTo: '镇司法所',
      note: '不属于本村管辖范围，已告知村民',
    });
    expect(rejected.body.state).toBe('rejected');
    const reviewed = await api('POST', `/api/requests/${first.id}/actions/lookBack`, grid.hotlineToken, { version: rejected.body.version });
    expect(reviewed.body.state).toBe('looked_back');

    const second = (await api('POST', '/api/requests', requester, submitBody())).body;
    const withdrawn = await api('POST', `/api/requests/${second.id}/actions/withdraw`, requester, { version: second.version });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', actions: [] });
  });

  it('others see the matter only within their span, and personal data masked to all but the requester', async () => {
    const requester = await villager();
    const { id } = (await api('POST', '/api/requests', requester, submitBody({ contactPhone: '13900001111' }))).body;
    const ds = under.api.app.get(DataSource);
    const otherTown = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-SF');
    expect((await api('GET', `/api/requests/${id}`, otherTown)).status).toBe(404);
    expect((await api('GET', `/api/requests/${id}`, await villager())).status).toBe(404);
    const otherGridLeader = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'grid_leader', 'SG-TT-V03')).personId);
    expect((await api('POST', `/api/requests/${id}/actions/accept`, otherGridLeader, { version: 1, contactMethod: 'call' })).status).toBe(404);

    // The village secretary can see the village's matters, but neither handles nor supervises this one: nothing personal.
    const secretaryView = await api('GET', `/api/requests/${id}`, grid.secretaryToken);
    expect(secretaryView.body).toMatchObject({ contactPhone: null, requesterName: '', actions: [], canCall: false });
    // The one handling it too: the full number only through 拨打 (callRequester), which he may use.
    const handlerView = await api('GET', `/api/requests/${id}`, grid.leaderToken);
    expect(handlerView.body).toMatchObject({ contactPhone: '139****1111', requesterName: '微***', canCall: true });
  });

  it('staff see the number masked in lists and on the matter, 拨打 answers it in full and logs it; steps name who took them', async () => {
    const requester = await villager();
    // No number given with the matter: the requester's own account phone stands in.
    const phoneCode = fake.issuePhoneCode('13900002468');
    expect((await api('POST', '/api/me/phone', requester, { code: phoneCode.code })).status).toBe(200);
    const { id } = (await api('POST', '/api/requests', requester, submitBody({ contactPhone: undefined }))).body;
    const ds = under.api.app.get(DataSource);
    const leader = await personWithRole(ds, 'grid_leader', 'SG-TT-V02-L1-S01');
    const logged = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM phone_view_log WHERE viewerPersonId = ?', [leader.personId]))[0].n);
    const before = await logged();
    const inboxRow = (await api('GET', '/api/requests/inbox?limit=100', grid.leaderToken)).body.find((r: { id: number }) => r.id === id);
    expect(inboxRow.contactPhone).toBe('139****2468');
    expect(await logged()).toBe(before);
    const seen = (await api('GET', `/api/requests/${id}`, grid.leaderToken)).body;
    expect(seen.contactPhone).toBe('139****2468');
    expect(await logged()).toBe(before);
    expect((await api('POST', `/api/requests/${id}/call`, grid.leaderToken)).body).toEqual({ phone: '13900002468' });
    expect(await logged()).toBe(before + 1);
    const accepted = (await api('POST', `/api/requests/${id}/actions/accept`, grid.leaderToken, { version: seen.version, contactMethod: 'call' })).body;
    expect(accepted.timeline.map((e: { actorName: string }) => e.actorName)).toEqual([seen.requesterName, leader.name]);
    // The requester sees their own number, unlogged.
    const mine = (await api('GET', '/api/requests/mine', requester)).body.find((r: { id: number }) => r.id === id);
    expect(mine.contactPhone).toBe('13900002468');
  });

  it('a matter needs a place to land', async () => {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    const res = await api('POST', '/api/requests', session.body.accessToken, submitBody());
    expect(res).toMatchObject({ status: 400, body: { code: 'UNIT_NOT_CHOSEN', field: 'unitId', message: '请先选择您所在的村或网格' } });
  });

  /** A matter the grid has resolved, as the requester sees it. */
  async function resolvedMatter(requester: string): Promise<{ id: number; version: number }> {
    const { id } = (await api('POST', '/api/requests', requester, submitBody())).body;
    let r = (
      await api('POST', `/api/requests/${id}/actions/accept`, grid.leaderToken, {
        version: 1,
        contactMethod: 'call',
        complexity: 'complex',
        note: '需要协调供电所，三天内办结',
      })
    ).body;
    r = (await api('POST', `/api/requests/${id}/actions/resolve`, grid.leaderToken, { version: r.version, note: '已处理' })).body;
    return { id, version: r.version };
  }

  it('a satisfied verdict lights red hearts and is given once per result', async () => {
    const requester = await villager();
    const { id, version } = await resolvedMatter(requester);
    expect((await api('GET', `/api/requests/${id}`, requester)).body.actions).toEqual(['reopen', 'rate']);
    const rated = await api('POST', `/api/requests/${id}/rating`, requester, { version, rating: 'satisfied', comment: '修得很快' });
    expect(rated.body).toMatchObject({ state: 'resolved', rating: 'satisfied', hearts: 2, rehandleCount: 0, actions: ['reopen'] });
    // The timeline keeps the verdict and the unit that handled it, for the reports.
    const steps = await under.api.app
      .get(DataSource)
      .getRepository(RequestEvent)
      .find({ where: { requestId: id }, order: { id: 'ASC' } });
    expect(steps.map((e) => [e.action, e.handlerUnitId, e.rating])).toEqual([
      ['submit', grid.unitId, null],
      ['accept', grid.unitId, null],
      ['resolve', grid.unitId, null],
      ['rate', grid.unitId, 'satisfied'],
    ]);
    expect(rated.body.timeline.at(-1)).toMatchObject({ action: 'rate', note: '满意：修得很快', public: true });
    const again = await api('POST', `/api/requests/${id}/rating`, requester, { version: rated.body.version, rating: 'basically_satisfied' });
    expect(again).toMatchObject({ status: 409, body: { code: 'REQUEST_WRONG_STATE', message: '这次办理结果已经评价过了' } });
  });

  it('不满意 sends the matter back for re-handling, counted, in the same step', async () => {
    const requester = await villager();
    const { id, version } = await resolvedMatter(requester);
    const rated = await api('POST', `/api/requests/${id}/rating`, requester, { version, rating: 'dissatisfied', comment: '路灯还是不亮' });
    expect(rated.body).toMatchObject({ state: 'in_progress', rating: 'dissatisfied', hearts: 0, rehandleCount: 1 });
    expect(rated.body.timeline.slice(-2).map((e: { action: string }) => e.action)).toEqual(['rate', 'reopen']);
    // Resolved again: a new verdict is due.
    const again = await api('POST', `/api/requests/${id}/actions/resolve`, grid.leaderToken, { version: rated.body.version, note: '换了新灯' });
    const second = await api('POST', `/api/requests/${id}/rating`, requester, { version: again.body.version, rating: 'basically_satisfied' });
    expect(second.body).toMatchObject({ state: 'resolved', rating: 'basically_satisfied', hearts: 1, rehandleCount: 1 });
  });

  it('only the requester rates, and only a result', async () => {
    const requester = await villager();
    const open = (await api('POST', '/api/requests', requester, submitBody())).body;
    expect((await api('POST', `/api/requests/${open.id}/rating`, requester, { version: open.version, rating: 'satisfied' })).body.code).toBe(
      'REQUEST_WRONG_STATE',
    );
    const { id, version } = await resolvedMatter(requester);
    expect((await api('POST', `/api/requests/${id}/rating`, grid.leaderToken, { version, rating: 'satisfied' })).status).toBe(403);
    expect((await api('POST', `/api/requests/${id}/rating`, requester, { version, rating: 'great' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'rating',
    });
  });

  it('未诉先办: a patrol finding settled on the spot is resolved at once and still looked back at', async () => {
    const report = {
      clientRequestId: clientId(),
      dutyType: 'hazard_inspector',
      category: 'safety',
      description: '巷口电线垂得太低',
      unitId: grid.unitId,
      settledOnSpot: true,
      result: '已联系供电所，当场把电线架高',
    };
    const settled = await api('POST', '/api/requests/patrol', grid.leaderToken, report);
    expect(settled.status).toBe(201);
    expect(settled.body).toMatchObject({ source: 'patrol', dutyType: 'hazard_inspector', state: 'resolved', contactLate: false, completionLate: false });
    expect(settled.body.timeline.map((e: { action: string; note: string | null }) => [e.action, e.note])).toEqual([
      ['submit', null],
      ['accept', '现场处置（安全隐患排查员）'],
      ['resolve', '已联系供电所，当场把电线架高'],
    ]);
    const again = await api('POST', '/api/requests/patrol', grid.leaderToken, report);
    expect(again.body.id).toBe(settled.body.id);
    // Settled, it is nobody's work to do: not in 待办 (it waits to be looked back at).
    const inbox = (await api('GET', '/api/requests/inbox?limit=100', grid.leaderToken)).body as { id: number }[];
    expect(inbox.map((r) => r.id)).not.toContain(settled.body.id);
    const lookedBack = await api('POST', `/api/requests/${settled.body.id}/actions/lookBack`, grid.headToken, { version: settled.body.version });
    expect(lookedBack.body.state).toBe('looked_back');
  });

  it('a patrol finding passed on waits in the grid’s inbox like any matter; reports stay in the reporter’s span', async () => {
    const passed = await api('POST', '/api/requests/patrol', grid.leaderToken, {
      clientRequestId: clientId(),
      dutyType: 'hygiene_supervisor',
      category: 'environment',
      description: '河边有人倒垃圾',
      unitId: grid.unitId,
      settledOnSpot: false,
    });
    expect(passed.body).toMatchObject({ state: 'submitted', source: 'patrol' });
    expect((await api('GET', '/api/requests/inbox', grid.deputyToken)).body.map((r: { id: number }) => r.id)).toContain(passed.body.id);

    const ds = under.api.app.get(DataSource);
    const otherGrid = await personWithRole(ds, 'grid_leader', 'SG-TT-V05');
    const outside = await api('POST', '/api/requests/patrol', grid.leaderToken, {
      clientRequestId: clientId(),
      dutyType: 'hygiene_supervisor',
      category: 'environment',
      description: '别的网格',
      unitId: otherGrid.unitId,
      settledOnSpot: false,
    });
    expect(outside).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', field: 'unitId' } });
    const noResult = await api('POST', '/api/requests/patrol', grid.leaderToken, {
      clientRequestId: clientId(),
      dutyType: 'dispute_mediator',
      category: 'dispute',
      description: '邻里争吵',
      unitId: grid.unitId,
      settledOnSpot: true,
    });
    expect(noResult.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'result' });
    expect(
      (
        await api('POST', '/api/requests/patrol', grid.headToken, {
          clientRequestId: clientId(),
          dutyType: 'dispute_mediator',
          category: 'dispute',
          description: 'x',
          unitId: grid.unitId,
          settledOnSpot: false,
        })
      ).status,
    ).toBe(403);
  });

  it('the inbox (plain SQL) shows each matter exactly as the other lists do: masking, followers, results, actions', async () => {
    const app = under.api.app;
    const leader = await personWithRole(app.get(DataSource), 'grid_leader', 'SG-TT-V02-L1-S01');
    // The leader raised a matter of their own that was merged into a villager's: they follow it.
    const own = (await api('POST', '/api/requests', grid.leaderToken, submitBody({ unitId: grid.unitId }))).body;
    const kept = (await api('POST', '/api/requests', await villager(), submitBody({ contactPhone: undefined }))).body;
    expect((await api('POST', `/api/requests/${own.id}/actions/merge`, grid.deputyToken, { version: own.version, targetRequestId: kept.id })).status).toBe(200);
    // A result waiting to be looked back at (still open), with its note.
    const done = (await api('POST', '/api/requests', await villager(), submitBody())).body;
    const accepted = (
      await api('POST', `/api/requests/${done.id}/actions/accept`, grid.leaderToken, { version: done.version, contactMethod: 'visit', complexity: 'simple' })
    ).body;
    expect((await api('POST', `/api/requests/${done.id}/actions/resolve`, grid.leaderToken, { version: accepted.version, note: '已修好' })).status).toBe(200);

    const inbox = (await api('GET', '/api/requests/inbox?limit=100', grid.leaderToken)).body as { id: number; resultNote: string | null }[];
    expect(inbox.map((r) => r.id)).toContain(kept.id);
    // The result waits for the requester and the supervisors, not the handler: it has left 待办.
    expect(inbox.map((r) => r.id)).not.toContain(done.id);
    const actor = (await app.get(ActorRepository).load(leader.personId))!;
    const entities = await Promise.all(inbox.map((r) => app.get(RequestRepository).findVisible(r.id, actor.personId, actor.spanFor('request.view'))));
    const listed = await app.get(RequestsService).listItems(
      actor,
      entities.map((e) => e!),
      new Date(),
    );
    expect(inbox).toEqual(JSON.parse(JSON.stringify(listed)));
  });

  it('the answer to a submission (built from what was written) is the one a retry reads back, for a villager, an entry on one’s behalf and a patrol finding passed on', async () => {
    const requester = await villager();
    const body = submitBody({ contactPhone: undefined, addressNote: '  村口  ', confidential: true });
    const first = await api('POST', '/api/requests', requester, body);
    expect(first.status).toBe(201);
    expect((await api('POST', '/api/requests', requester, body)).body).toEqual(first.body);

    // Entered by the grid leader, who handles it: masked like any answer to staff, nothing logged.
    const phone = `137${String(Date.now() % 1e8).padStart(8, '0')}`;
    const onBehalf = { ...submitBody({ contactPhone: undefined }), unitId: grid.unitId, requesterName: '王大爷', requesterPhone: phone };
    const entered = await api('POST', '/api/requests/on-behalf', grid.leaderToken, onBehalf);
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ requesterName: '王**', contactPhone: `${phone.slice(0, 3)}****${phone.slice(7)}`, enteredForRequester: true });
    expect((await api('POST', '/api/requests/on-behalf', grid.leaderToken, onBehalf)).body).toEqual(entered.body);
    const logged = await under.api.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM phone_view_log l JOIN person p ON p.id = l.subjectPersonId WHERE p.phone = ?', [phone]);
    expect(Number(logged[0].n)).toBe(0);

    // A patrol finding passed on, routed like any matter: the reporter stands in as requester.
    const finding = {
      clientRequestId: clientId(),
      dutyType: 'hazard_inspector',
      category: 'environment',
      description: '  路灯杆倾斜  ',
      addressNote: '  桥头  ',
      unitId: grid.unitId,
      settledOnSpot: false,
    };
    const reported = await api('POST', '/api/requests/patrol', grid.leaderToken, finding);
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ source: 'patrol', state: 'submitted', description: '路灯杆倾斜', addressNote: '桥头', dutyType: 'hazard_inspector' });
    expect((await api('POST', '/api/requests/patrol', grid.leaderToken, finding)).body).toEqual(reported.body);
    expect((await api('GET', `/api/requests/${reported.body.id}`, grid.leaderToken)).body).toEqual(reported.body);
  });
});
