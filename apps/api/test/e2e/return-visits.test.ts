import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { ErrorCode } from '../../src/common/error-codes';
import { jsonBadBodies, resolveSchema, seedOf, type OpenApiDocument } from '../support/bad-bodies';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, townOfficeAround, wechatVillager, type SeededPerson, type TownOfficeSeat } from '../support/people';
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
  // Many sign-ins in a minute (a role matrix): the per-minute limit raised, as the access matrix does.
  const under = useAppUnderTest(() => ({
    wechat,
    clock,
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 100_000, refreshReuseGraceSeconds: 10 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  let gridId: number;
  let people: Record<TownOfficeSeat, SeededPerson>;
  let tokens: Record<TownOfficeSeat, string>;
  beforeAll(async () => {
    ({ gridId, people, tokens } = await townOfficeAround(ds(), under.api.baseUrl, 'SG-TT-V03-L1-S01'));
  });
  const villager = () => wechatVillager(under.api.baseUrl, fake, gridId);

  let phones = 0;
  /**
   * A matter accepted and resolved by the grid leader: raised by a villager who signed in when it is
   * to be rated, else entered by the hotline office for a caller (no sign-in, no hourly limit).
   */
  async function resolvedMatter(rating?: string, asVillager = rating !== undefined): Promise<{ id: number; requester: string }> {
    const requester = asVillager ? await villager() : '';
    const body = { clientRequestId: randomBytes(10).toString('hex'), category: 'infrastructure', description: '村里的路灯坏了好几天，晚上走路看不见' };
    const submitted = asVillager
      ? await api('POST', '/api/requests', requester, body)
      : await api('POST', '/api/requests/on-behalf', tokens.hotline, {
          ...body,
          unitId: gridId,
          requesterName: '王秀英',
          requesterPhone: `1390000${String(1000 + (phones++ % 9000)).padStart(4, '0')}`,
        });
    expect([submitted.status, submitted.body]).toEqual([201, expect.anything()]);
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
    const { id, requester } = await resolvedMatter(undefined, true);
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
      expect(
        (await act(submitted.body.id, 'leader', 'reject', { rejectReason: 'not_ours', referTo: '村人民调解委员会', note: '个人家事，不属于村里办理范围' }))
          .status,
      ).toBe(200);
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
    const { id, requester } = await resolvedMatter(undefined, true);
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
  it('who may record a visit, every role: the supervisors over the matter; nobody outside their span (404), nobody handling it, no villager', async () => {
    const cases: [string, string, number][] = [
      ['hotline_staff', 'SG-TT', 200],
      ['town_leader', 'SG-TT', 200],
      ['county_admin', 'SG', 200],
      ['large_grid_head', 'SG-TT-V03-L1', 200],
      ['grid_leader', 'SG-TT-V03-L1-S01', 403],
      ['deputy_grid_leader', 'SG-TT-V03-L1-S01', 403],
      ['village_secretary', 'SG-TT-V03', 403],
      ['department_handler', 'SG-TT', 404],
      ['hotline_staff', 'SG-SF', 404],
      ['town_leader', 'SG-SF', 404],
      ['grid_leader', 'SG-SF', 404],
    ];
    clock.set(at('2026-12-02T10:00:00'));
    const signedIn: Record<string, string> = {};
    for (const action of ['lookBackClose', 'returnVisit']) {
      for (const [role, place, expected] of cases) {
        const { id } = await resolvedMatter();
        const key = `${role}@${place}`;
        const token = (signedIn[key] ??= await demoToken(under.api.baseUrl, (await personWithRole(ds(), role, place)).personId));
        const res = await act(id, token, action, SATISFIED);
        expect([action, role, place, res.status]).toEqual([action, role, place, expected]);
        expect((await visits(id)).length).toBe(expected === 200 ? 1 : 0);
      }
    }
  });

  it('fuzz: generated bad bodies for 回看并关闭 and 回访 get a coded Chinese 4xx, never a 5xx; only a body that holds together writes, one visit each', async () => {
    clock.set(at('2026-12-02T11:00:00'));
    const document: OpenApiDocument = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'openapi.json'), 'utf8'));
    const schema = resolveSchema(document, document.components?.schemas?.RequestActionDto);
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['visitMethod', 'visitReached', 'visitHeard']));
    for (const action of ['lookBackClose', 'returnVisit']) {
      let target = await resolvedMatter();
      const version = (await api('GET', `/api/requests/${target.id}`, tokens.hotline)).body.version as number;
      const bodies = jsonBadBodies(schema, { base: { version, ...SATISFIED, note: '群众说已经修好了' }, seed: seedOf(`return visit ${action}`), count: 300 });
      const problems: string[] = [];
      let written = 0;
      const touched: number[] = [target.id];
      for (const bad of bodies) {
        const res = await fetch(`${under.api.baseUrl}/api/requests/${target.id}/actions/${action}`, {
          method: 'POST',
          headers: { ...bad.headers, authorization: `Bearer ${tokens.hotline}` },
          body: bad.body ? new Uint8Array(bad.body) : undefined,
        });
        const text = await res.text();
        if (res.status >= 500) problems.push(`${bad.label}: ${res.status}`);
        else if (res.status < 300) {
          if (!bad.shapeValid) problems.push(`${bad.label}: accepted a bad body`);
          written++;
          // Done with this matter: the rest go to a fresh one (made the same way, at the same version).
          target = await resolvedMatter();
          touched.push(target.id);
        } else {
          const error = JSON.parse(text) as { code: string; message: string };
          if (!(Object.values(ErrorCode) as string[]).includes(error.code) || !/[\u4e00-\u9fff]/.test(error.message))
            problems.push(`${bad.label}: ${text.slice(0, 120)}`);
        }
      }
      expect({ action, problems: problems.slice(0, 10) }).toEqual({ action, problems: [] });
      let visitsWritten = 0;
      for (const id of touched) visitsWritten += (await visits(id)).length;
      expect([action, visitsWritten]).toEqual([action, written]);
    }
  }, 120_000);
});
