import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const SATISFIED = { visitMethod: 'phone', visitReached: true, visitHeard: 'satisfied' };

interface Event {
  action: string;
  note: string | null;
  public: boolean;
}

/**
 * 回看并关闭, 回访 and the weekly sample end to end: one step records the visit and closes (or, on a
 * 不满意 heard, sends the matter back to work), each with its timeline rows and its return_visit row
 * in one transaction; the refusals; the sample of last week's closed matters as a queue; and the
 * rating agreement for the town leader.
 */
describe(`return visits (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  const clock = new ManualClock(at('2026-12-01T10:00:00'));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({ wechat, clock, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  let gridId: number;
  let people: Record<'leader' | 'hotline' | 'townLeader', SeededPerson>;
  let tokens: Record<'leader' | 'hotline' | 'townLeader', string>;
  beforeAll(async () => {
    gridId = (await unitByCode(ds(), 'SG-TT-V03-L1-S01')).id;
    people = {
      leader: await personWithRole(ds(), 'grid_leader', 'SG-TT-V03-L1-S01'),
      hotline: await personWithRole(ds(), 'hotline_staff', 'SG-TT'),
      townLeader: await personWithRole(ds(), 'town_leader', 'SG-TT'),
    };
    tokens = {
      leader: await demoToken(under.api.baseUrl, people.leader.personId),
      hotline: await demoToken(under.api.baseUrl, people.hotline.personId),
      townLeader: await demoToken(under.api.baseUrl, people.townLeader.personId),
    };
  });

  async function villager(): Promise<string> {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: gridId });
    return session.body.accessToken;
  }

  /** A matter submitted, accepted and resolved by the grid leader (optionally rated by its requester). */
  async function resolvedMatter(rating?: string): Promise<{ id: number; requester: string }> {
    const requester = await villager();
    const submitted = await api('POST', '/api/requests', requester, {
      clientRequestId: randomBytes(10).toString('hex'),
      category: 'infrastructure',
      description: '村里的路灯坏了好几天，晚上走路看不见',
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as number;
    expect((await act(id, 'leader', 'accept', { contactMethod: 'call', complexity: 'simple' })).status).toBe(200);
    expect((await act(id, 'leader', 'resolve', { note: '已换了新灯泡' })).status).toBe(200);
    if (rating) {
      const { version } = (await api('GET', `/api/requests/${id}`, requester)).body as { version: number };
      expect((await api('POST', `/api/requests/${id}/rating`, requester, { version, rating })).status).toBe(200);
    }
    return { id, requester };
  }

  async function act(id: number, who: keyof typeof tokens | string, action: string, body: Record<string, unknown> = {}) {
    const token = who in tokens ? tokens[who as keyof typeof tokens] : who;
    const { version } = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body as { version: number };
    return api('POST', `/api/requests/${id}/actions/${action}`, token, { version, ...body });
  }

  const visits = async (id: number) =>
    (
      await ds().query(
        'SELECT method, reached, heard, appRating AS "appRating", visitorPersonId AS "visitorPersonId" FROM return_visit WHERE requestId = ? ORDER BY id',
        [id],
      )
    ).map((row: { method: string; reached: number | boolean; heard: string | null; appRating: string | null; visitorPersonId: number | string }) => ({
      ...row,
      reached: Boolean(row.reached),
      visitorPersonId: Number(row.visitorPersonId),
    }));
  const steps = (body: { timeline: Event[] }) => body.timeline.map((e) => e.action);

  it('回看并关闭 with the defaults: one step closes the matter, its public row says what was heard, the visit is kept with the rating that stood', async () => {
    clock.set(at('2026-12-01T10:00:00'));
    const { id, requester } = await resolvedMatter('satisfied');
    const staffView = (await api('GET', `/api/requests/${id}`, tokens.hotline)).body;
    expect(staffView.actions).toEqual(expect.arrayContaining(['lookBack', 'lookBackClose', 'sendBack']));
    clock.set(at('2026-12-01T15:00:00'));
    const closed = await act(id, 'hotline', 'lookBackClose', SATISFIED);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed' });
    const [row] = await ds().query('SELECT closedAt AS "closedAt" FROM request WHERE id = ?', [id]);
    expect(new Date(row.closedAt as string)).toEqual(at('2026-12-01T15:00:00'));
    expect(steps(closed.body).slice(-1)).toEqual(['lookBackClose']);
    expect(closed.body.timeline.at(-1)).toMatchObject({ note: '电话回访，已联系上，群众说满意', public: true });
    expect(await visits(id)).toEqual([
      { method: 'phone', reached: true, heard: 'satisfied', appRating: 'satisfied', visitorPersonId: people.hotline.personId },
    ]);
    // The requester sees it closed after the look-back, and is told.
    const mine = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect(steps(mine).slice(-1)).toEqual(['lookBackClose']);
    const told = await ds().query("SELECT COUNT(*) AS n FROM notification WHERE kind = 'looked_back' AND requestId = ?", [id]);
    expect(Number(told[0].n)).toBe(1);
  });

  it('a 不满意 heard sends the matter back to work instead of closing: the visit row is internal, the return to work counts as 重办', async () => {
    const { id, requester } = await resolvedMatter();
    const back = await act(id, 'hotline', 'lookBackClose', { visitMethod: 'phone', visitReached: true, visitHeard: 'dissatisfied', note: '灯又不亮了' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'in_progress', rehandleCount: 1 });
    expect(steps(back.body).slice(-2)).toEqual(['returnVisit', 'reopen']);
    expect(back.body.timeline.at(-2)).toMatchObject({ note: '电话回访，已联系上，群众说不满意：灯又不亮了', public: false });
    // The requester sees the matter back at work, not the staff's record of the call.
    const mine = (await api('GET', `/api/requests/${id}`, requester)).body;
    expect(steps(mine)).not.toContain('returnVisit');
    expect(steps(mine).slice(-1)).toEqual(['reopen']);
    expect(await visits(id)).toEqual([expect.objectContaining({ heard: 'dissatisfied', appRating: null })]);
    const assigned = await ds().query('SELECT personId AS "personId" FROM notification WHERE kind = \'assigned\' AND requestId = ?', [id]);
    expect(assigned.map((r: { personId: number | string }) => Number(r.personId))).toContain(people.leader.personId);
  });

  it('a refusal: 回看并关闭 confirms and closes it; a 不满意 heard looks back and reopens it', async () => {
    for (const heard of ['basically_satisfied', 'dissatisfied'] as const) {
      const requester = await villager();
      const submitted = await api('POST', '/api/requests', requester, {
        clientRequestId: randomBytes(10).toString('hex'),
        category: 'other',
        description: '想让村里给我家盖个新院墙',
      });
      expect((await act(submitted.body.id, 'leader', 'reject', { note: '个人家事，不属于村里办理范围' })).status).toBe(200);
      const done = await act(submitted.body.id, 'hotline', 'lookBackClose', { visitMethod: 'in_person', visitReached: true, visitHeard: heard });
      expect(done.status).toBe(200);
      if (heard === 'dissatisfied') {
        expect(done.body.state).toBe('in_progress');
        expect(steps(done.body).slice(-3)).toEqual(['returnVisit', 'lookBack', 'reopen']);
      } else {
        expect(done.body.state).toBe('closed');
      }
    }
  });

  it('回访 on its own: on a closed matter, recorded with the rating then standing; nobody reached is recorded too; the state stays', async () => {
    const { id } = await resolvedMatter('basically_satisfied');
    expect((await act(id, 'hotline', 'lookBackClose', { visitMethod: 'none', visitReached: false })).status).toBe(200);
    const visited = await act(id, 'hotline', 'returnVisit', { visitMethod: 'sms', visitReached: false, note: '短信没有回' });
    expect(visited.status).toBe(200);
    expect(visited.body.state).toBe('closed');
    expect(visited.body.timeline.at(-1)).toMatchObject({ action: 'returnVisit', note: '短信回访，未联系上：短信没有回', public: false });
    const again = await act(id, 'townLeader', 'returnVisit', { visitMethod: 'phone', visitReached: true, visitHeard: 'satisfied' });
    expect(again.status).toBe(200);
    expect((await visits(id)).map((v: { method: string; appRating: string | null }) => [v.method, v.appRating])).toEqual([
      ['none', 'basically_satisfied'],
      ['sms', 'basically_satisfied'],
      ['phone', 'basically_satisfied'],
    ]);
  });

  it('refusals: a villager or the handler cannot record a visit; 回看并关闭 on a matter not awaiting look-back; bad input; nothing written', async () => {
    const { id, requester } = await resolvedMatter();
    for (const who of [requester, 'leader']) {
      for (const action of ['lookBackClose', 'returnVisit']) {
        const refused = await act(id, who, action, SATISFIED);
        expect([action, refused.status, refused.body.code]).toEqual([action, 403, 'FORBIDDEN']);
      }
    }
    const bad: [Record<string, unknown>, string][] = [
      [{}, 'visitMethod'],
      [{ visitMethod: 'phone' }, 'visitReached'],
      [{ visitMethod: 'phone', visitReached: true }, 'visitHeard'],
      [{ visitMethod: 'phone', visitReached: false, visitHeard: 'satisfied' }, 'visitHeard'],
      [{ visitMethod: 'none', visitReached: true, visitHeard: 'satisfied' }, 'visitReached'],
      [{ visitMethod: 'fax', visitReached: true, visitHeard: 'satisfied' }, 'visitMethod'],
      [{ visitMethod: 'phone', visitReached: 'yes', visitHeard: 'satisfied' }, 'visitReached'],
      [{ visitMethod: 'phone', visitReached: true, visitHeard: 'happy' }, 'visitHeard'],
    ];
    for (const [body, field] of bad) {
      const refused = await act(id, 'hotline', 'lookBackClose', body);
      expect([body, refused.status, refused.body.code, refused.body.field]).toEqual([body, 400, 'VALIDATION_FAILED', field]);
    }
    // A visit's fields belong to its own steps only.
    const onLookBack = await act(id, 'hotline', 'lookBack', SATISFIED);
    expect([onLookBack.status, onLookBack.body.field]).toEqual([400, 'visitMethod']);
    expect(await visits(id)).toEqual([]);
    // Looked back at already, and back at work: not awaiting look-back.
    expect((await act(id, 'hotline', 'lookBack')).status).toBe(200);
    const lookedBack = await act(id, 'hotline', 'lookBackClose', SATISFIED);
    expect([lookedBack.status, lookedBack.body.code, lookedBack.body.field]).toEqual([409, 'REQUEST_WRONG_STATE', 'action']);
    expect(lookedBack.body.message).toMatch(/不在待回看状态，不能回看并关闭/);
    expect((await act(id, 'hotline', 'sendBack', { note: '没有修好' })).status).toBe(200);
    const working = await act(id, 'hotline', 'lookBackClose', SATISFIED);
    expect([working.status, working.body.code]).toEqual([409, 'REQUEST_WRONG_STATE']);
    const visitWorking = await act(id, 'hotline', 'returnVisit', SATISFIED);
    expect([visitWorking.status, visitWorking.body.message]).toEqual([409, '只有已办结或已关闭的诉求才能回访']);
    expect(await visits(id)).toEqual([]);
  });

  it('the weekly sample: last week’s closed matters drawn per unit (at least one), the same on every read, a queue that empties as they are visited; the agreement for the town leader', async () => {
    // Three matters closed in the week of Monday 2026-11-30 (the earlier tests), then read on Tuesday the 8th.
    clock.set(at('2026-12-08T09:00:00'));
    const first = await api('GET', '/api/return-visits/sample', tokens.hotline);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ week: '2026-11-30' });
    expect(first.body.drawn).toBeGreaterThanOrEqual(1);
    expect(first.body.items.length).toBe(first.body.drawn - first.body.visited);
    const again = await api('GET', '/api/return-visits/sample?week=2026-11-30', tokens.hotline);
    expect(again.body.items.map((r: { id: number }) => r.id)).toEqual(first.body.items.map((r: { id: number }) => r.id));
    // Visited since the week ended: it leaves the queue.
    const sampled = first.body.items[0] as { id: number; actions: string[] };
    expect(sampled.actions).toContain('returnVisit');
    expect((await act(sampled.id, 'hotline', 'returnVisit', { visitMethod: 'phone', visitReached: true, visitHeard: 'basically_satisfied' })).status).toBe(200);
    const after = (await api('GET', '/api/return-visits/sample', tokens.hotline)).body;
    expect(after.visited).toBe(first.body.visited + 1);
    expect(after.items.map((r: { id: number }) => r.id)).not.toContain(sampled.id);

    const agreement = await api('GET', '/api/return-visits/agreement?weeks=1', tokens.townLeader);
    expect(agreement.status).toBe(200);
    expect(agreement.body.units).toEqual([expect.objectContaining({ heard: 1, flagged: false })]);

    // Refusals: a villager, hotline staff for the leader's figure, a week that is no Monday.
    const someone = await villager();
    expect((await api('GET', '/api/return-visits/sample', someone)).status).toBe(403);
    expect((await api('GET', '/api/return-visits/agreement', tokens.hotline)).status).toBe(403);
    const notMonday = await api('GET', '/api/return-visits/sample?week=2026-12-01', tokens.hotline);
    expect([notMonday.status, notMonday.body.field]).toEqual([400, 'week']);
  });
});
