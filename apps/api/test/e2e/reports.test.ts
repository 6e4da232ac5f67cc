import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { Workbook } from 'exceljs';
import { DataSource, IsNull } from 'typeorm';
import { RoleAssignment } from '../../src/grid/role-assignment.entity';
import { ReportRepository } from '../../src/reports/report.repository';
import { RequestEvent } from '../../src/requests/request-event.entity';
import { RequestEntity } from '../../src/requests/request.entity';
import { ManualClock } from '../../src/common/clock';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { personWithRole, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { seededRandom } from '../../src/seed/demo-year/year-plan';
import {
  asDate,
  dayTruth,
  expectBulletin,
  FIGURES,
  isSelfRated,
  loadTimeline,
  monthTruth,
  expectPlaces,
  ratesOf,
  rolledUp,
  type MonthTruth,
  type Timeline,
} from '../support/report-truth';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const HOUR = 3600_000;

type BoardRow = {
  unitId: number;
  unitName: string;
  hearts: number;
  composite: number | null;
  received: number;
  rank: number | null;
  tied: boolean;
  unrankedReason: string | null;
} & Record<string, unknown>;

/** Every figure, heart count and rate of every row of a ranking against the truth; returns how many were compared. */
function expectRankingIsTruth(ranking: { rows: BoardRow[]; minReceived: number }, truth: MonthTruth, timeline: Timeline): number {
  let compared = 0;
  for (const row of ranking.rows) {
    const want = truth.expected.get(row.unitId) ?? {};
    for (const figure of FIGURES) {
      expect([row.unitName, figure, row[figure]]).toEqual([row.unitName, figure, want[figure] ?? 0]);
      compared++;
    }
    const w = rolledUp(truth, timeline.units, row.unitId);
    expect(row.hearts).toBe(2 * w.satisfied + w.basicallySatisfied);
    for (const [name, value] of Object.entries(ratesOf(w))) {
      if (value === null) expect(row[name]).toBeNull();
      else expect(row[name]).toBeCloseTo(value, 12);
    }
    compared += 7;
  }
  // Each row's rank, tie and reason for no rank, by the rule recomputed plainly.
  expect(ranking.minReceived).toBe(3);
  expectPlaces('board', ranking.rows, ranking.minReceived);
  return compared + 3 * ranking.rows.length;
}

/**
 * The ranking's truth: a month of activity made through the API with a clock the test moves
 * (on-time and late contacts and results, ratings, a dissatisfied verdict reopened, a transfer
 * mid-month, a merge, a withdrawal, patrol findings, a matter received on the last evening before
 * the National Day holiday), then every figure of every unit recomputed here from the raw
 * timeline rows, by the definitions in docs/reports.md, and compared.
 */
describe(`the monthly ranking against the raw timeline (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  const clock = new ManualClock(at('2026-09-30T21:00:00'));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    clock,
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 3600, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 100_000, refreshReuseGraceSeconds: 10 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await call(under.api.baseUrl, method, path, { token, body });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ds = () => under.api.app.get(DataSource);

  it('recomputes every count, rate, rank and change from the timeline and finds the same', async () => {
    const rand = seededRandom(20261001);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    const codes = ['SG-TT-V02-L1-S01', 'SG-TT-V02-L1-S02', 'SG-TT-V03-L1-S01', 'SG-TT-V04-L1-S01'];
    const grids = await Promise.all(
      codes.map(async (code) => ({
        id: (await unitByCode(ds(), code)).id,
        leader: await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', code),
      })),
    );
    const hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    const villager = async (gridId: number) => {
      const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
      await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: gridId });
      return session.body.accessToken as string;
    };
    let serial = 0;
    const submit = async (token: string, when: Date, text = '村里的路灯坏了') => {
      clock.set(when);
      return api('POST', '/api/requests', token, {
        clientRequestId: `truth-${++serial}-${Date.now()}`,
        category: pick(['infrastructure', 'environment', 'social']),
        description: `${text}（${serial}）`,
      });
    };
    const step = async (token: string, id: number, action: string, when: Date, body: Record<string, unknown> = {}) => {
      clock.set(when);
      const seen = await api('GET', `/api/requests/${id}`, token);
      return api('POST', `/api/requests/${id}/actions/${action}`, token, { version: seen.version, ...body });
    };

    // A year before: three environment matters and one dispute in October 2025, two of them resolved.
    const g3 = grids[3]!;
    for (const [category, resolve] of [
      ['environment', true],
      ['environment', false],
      ['environment', true],
      ['dispute', false],
    ] as const) {
      clock.set(at('2025-10-15T10:00:00'));
      const old = await api('POST', '/api/requests', await villager(g3.id), {
        clientRequestId: `truth-2025-${++serial}`,
        category,
        description: `去年的诉求（${serial}）`,
      });
      if (!resolve) continue;
      await step(g3.leader, old.id, 'accept', at('2025-10-15T10:30:00'), { contactMethod: 'call' });
      await step(g3.leader, old.id, 'resolve', at('2025-10-16T10:00:00'), { note: '已处理' });
    }

    // The last evening before the holiday: contact is due on 10-01 (service hours run every day).
    const g0 = grids[0]!;
    const edge = await submit(await villager(g0.id), at('2026-09-30T21:00:00'));
    await step(g0.leader, edge.id, 'accept', at('2026-10-01T08:30:00'), { contactMethod: 'call' });

    // October: 36 matters over the four grids, days 8–28 (after the National Day holiday).
    for (let i = 0; i < 36; i++) {
      const grid = grids[i % grids.length]!;
      const requester = await villager(grid.id);
      const received = new Date(at('2026-10-08T09:00:00').getTime() + Math.floor(rand() * 20 * 24) * HOUR);
      const matter = await submit(requester, received);
      const fate = rand();
      if (fate < 0.08) {
        await step(requester, matter.id, 'withdraw', new Date(received.getTime() + HOUR / 2));
        continue;
      }
      if (fate < 0.15) continue; // left alone: open, overdue by the end of the month
      const contactLate = rand() < 0.25;
      await step(grid.leader, matter.id, 'accept', new Date(received.getTime() + (contactLate ? 3 : 0.5) * HOUR), { contactMethod: 'call' });
      if (fate < 0.22) continue; // accepted, never resolved
      const resolveLate = rand() < 0.3;
      const resolvedAt = new Date(received.getTime() + (resolveLate ? 80 : 5) * HOUR);
      await step(grid.leader, matter.id, 'resolve', resolvedAt, { note: '已处理' });
      const verdict = rand();
      if (verdict < 0.2) continue; // not rated
      clock.set(new Date(resolvedAt.getTime() + HOUR));
      const seen = await api('GET', `/api/requests/${matter.id}`, requester);
      const rating = verdict < 0.6 ? 'satisfied' : verdict < 0.85 ? 'basically_satisfied' : 'dissatisfied';
      await api('POST', `/api/requests/${matter.id}/rating`, requester, { version: seen.version, rating });
      if (rating === 'dissatisfied' && rand() < 0.7)
        await step(grid.leader, matter.id, 'resolve', new Date(resolvedAt.getTime() + 20 * HOUR), { note: '重新处理' });
    }

    // A transfer mid-month: received by grid 1, handled and resolved by grid 2.
    const g1 = grids[1]!;
    const g2 = grids[2]!;
    const moved = await submit(await villager(g1.id), at('2026-10-14T10:00:00'));
    await step(hotline, moved.id, 'transfer', at('2026-10-14T10:20:00'), { targetUnitId: g2.id, note: '属于另一网格' });
    await step(g2.leader, moved.id, 'accept', at('2026-10-14T10:40:00'), { contactMethod: 'visit' });
    await step(g2.leader, moved.id, 'resolve', at('2026-10-15T09:00:00'), { note: '已处理' });
    // A duplicate merged into another: received once.
    const kept = await submit(await villager(g0.id), at('2026-10-16T09:00:00'), '东头十字路口路灯不亮');
    const dup = await submit(await villager(g0.id), at('2026-10-16T09:30:00'), '东头十字路口路灯不亮了');
    await step(g0.leader, dup.id, 'merge', at('2026-10-16T09:40:00'), { targetRequestId: kept.id });
    // Patrol findings: one settled on the spot, one passed on.
    clock.set(at('2026-10-20T15:00:00'));
    for (const settledOnSpot of [true, false]) {
      await api('POST', '/api/requests/patrol', g0.leader, {
        clientRequestId: `truth-patrol-${settledOnSpot}-${Date.now()}`,
        dutyType: 'hazard_inspector',
        category: 'safety',
        description: '巡查发现桥栏杆松动',
        unitId: g0.id,
        settledOnSpot,
        ...(settledOnSpot ? { result: '已现场加固' } : {}),
      });
    }

    // Refused as unreasonable (不予受理): confirmed at look-back (excluded from the rates, in the register); not yet
    // looked back (received, no result); confirmed, then reopened by the requester and resolved (received again).
    const refusals: number[] = [];
    for (const [n, fate] of (['confirmed', 'pending', 'reopened'] as const).entries()) {
      const requester = await villager(g0.id);
      const hour = String(9 + n).padStart(2, '0');
      const refused = await submit(requester, at(`2026-10-22T${hour}:00:00`), '要求把邻居家的树全部砍掉');
      refusals.push(refused.id);
      await step(g0.leader, refused.id, 'reject', at(`2026-10-22T${hour}:20:00`), {
        rejectReason: 'unreasonable',
        note: `已向当事人解释（${fate}），其子13900001234已知情`,
      });
      if (fate === 'pending') continue;
      await step(hotline, refused.id, 'lookBack', at(`2026-10-23T${hour}:00:00`));
      if (fate !== 'reopened') continue;
      await step(requester, refused.id, 'reopen', at('2026-10-24T09:00:00'), { note: '问题还在，请再看看' });
      await step(g0.leader, refused.id, 'resolve', at('2026-10-24T15:00:00'), { note: '已协调修剪树枝' });
    }

    // A leader's 满意 on a matter he filed in his own grid and resolved: the workflow refuses it now
    // (test/security/self-rating.test.ts), so the row is written as the old code wrote it. It never
    // counts. The seed dates roles by the wall clock; this leader has held his grid since 2025.
    const g0Leader = await personWithRole(ds(), 'grid_leader', codes[0]!);
    await ds()
      .getRepository(RoleAssignment)
      .update({ personId: g0Leader.personId, endedAt: IsNull() }, { startedAt: at('2025-01-01T00:00:00') });
    clock.set(at('2026-10-21T09:00:00'));
    const own = await api('POST', '/api/requests', g0.leader, {
      clientRequestId: `truth-own-${Date.now()}`,
      category: 'infrastructure',
      description: '自己网格的路灯',
      unitId: g0.id,
    });
    await step(g0.leader, own.id, 'accept', at('2026-10-21T09:10:00'), { contactMethod: 'visit' });
    await step(g0.leader, own.id, 'resolve', at('2026-10-21T10:00:00'), { note: '已修好' });
    clock.set(at('2026-10-21T11:00:00'));
    const ownSeen = await api('GET', `/api/requests/${own.id}`, g0.leader);
    expect(ownSeen.actions).not.toContain('rate');
    await ds()
      .getRepository(RequestEvent)
      .insert({
        requestId: own.id,
        action: 'rate',
        fromState: 'resolved',
        toState: 'resolved',
        actorPersonId: g0Leader.personId,
        note: '满意',
        handlerUnitId: g0.id,
        rating: 'satisfied',
        dueAt: null,
        public: true,
        createdAt: at('2026-10-21T11:00:00'),
      });

    // ——— the independent path: the raw rows, counted by the definitions (test/support/report-truth.ts) ———
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const timeline = await loadTimeline(ds());
    const { events, requests } = timeline;
    const { expected, behind } = monthTruth(timeline, at('2026-10-01T00:00:00'), at('2026-11-01T00:00:00'), clock.now());
    const selfRated = events.filter((e) => e.action === 'rate' && isSelfRated(timeline, e));
    expect(selfRated.map((e) => e.requestId)).toEqual([own.id]);
    expect(behind.get(`${g0.id}/satisfied`) ?? []).not.toContain(own.id);
    // The confirmed refusal is excluded (and not received); the pending and the reopened ones are received.
    expect(behind.get(`${g0.id}/excluded`)).toEqual([refusals[0]]);
    expect((behind.get(`${g0.id}/received`) ?? []).filter((id) => refusals.includes(id))).toEqual(refusals.slice(1));

    const ranking = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=small_grid`)).body;
    const compared = expectRankingIsTruth(ranking, { expected, behind }, timeline);
    // Each matter's last step keeps the deadline that stands now (a result: its completion deadline; open: the running one).
    for (const [requestId, steps] of timeline.byRequest) {
      const r = (await ds().query('SELECT state, contactDueAt, completionDueAt FROM request WHERE id = ?', [requestId]))[0];
      const last = steps.at(-1)!;
      const standing =
        last.action === 'resolve' || ['accepted', 'in_progress'].includes(r.state) ? r.completionDueAt : r.state === 'submitted' ? r.contactDueAt : null;
      expect([requestId, last.action, last.dueAt?.getTime() ?? null]).toEqual([requestId, last.action, standing === null ? null : asDate(standing).getTime()]);
    }
    // The four grids that worked this month are all there, each with its grid leader and a place; the ranked ones by composite, best first.
    const worked = ranking.rows.filter((r: { received: number }) => r.received > 0);
    expect(worked.map((r: { unitId: number }) => r.unitId).sort()).toEqual(grids.map((g) => g.id).sort());
    const scores = worked.filter((r: { rank: number | null }) => r.rank !== null).map((r: { composite: number }) => r.composite);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    expect(
      worked.every(
        (r: { leaderName: string | null; rank: number | null; unrankedReason: string | null }) =>
          r.leaderName && (r.rank ?? 0) >= 1 !== (r.unrankedReason !== null),
      ),
    ).toBe(true);
    // The large grid's figures are the sum of its small grids'.
    const large = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=large_grid`)).body;
    const largeId = (await unitByCode(ds(), 'SG-TT-V02-L1')).id;
    const largeRow = large.rows.find((r: { unitId: number }) => r.unitId === largeId);
    for (const figure of FIGURES) expect(largeRow[figure]).toBe((expected.get(grids[0]!.id)?.[figure] ?? 0) + (expected.get(grids[1]!.id)?.[figure] ?? 0));
    expect(largeRow.leaderName).toBeNull();
    // ——— every figure of the first grid drills down to exactly the requests behind it ———
    for (const figure of FIGURES) {
      const listed = (
        await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-10&unitId=${g0.id}&figure=${figure}`)
      ).body;
      const want = behind.get(`${g0.id}/${figure}`) ?? [];
      expect([figure, listed.count, listed.requests.map((r: { requestId: number }) => r.requestId).sort((a: number, b: number) => a - b)]).toEqual([
        figure,
        want.length,
        [...want].sort((a, b) => a - b),
      ]);
      expect(JSON.stringify(listed)).not.toMatch(/1[3-9]\d{9}/); // no phone numbers on the public board
    }
    expect(
      (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-10&unitId=${g0.id}&figure=everything`)).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'figure' });

    // ——— drill-downs that reach the case: openable exactly where reading the matter is allowed ———
    const townLeader = await tokenForRole(ds(), under.api.baseUrl, 'town_leader', 'SG-TT');
    const drill = async (unitId: number, figure: string, token?: string) =>
      (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-10&unitId=${unitId}&figure=${figure}`, { token }))
        .body as { count: number; requests: { requestId: number; openable: boolean }[] };
    let openableChecked = 0;
    for (const [who, token] of [
      ['town leader', townLeader],
      ['grid 0 leader', g0.leader],
      ['grid 1 leader', grids[1]!.leader],
    ] as const) {
      for (const unitId of [g0.id, grids[1]!.id, g2.id]) {
        for (const figure of ['received', 'closedOnTime', 'satisfied']) {
          const listed = await drill(unitId, figure, token);
          for (const r of listed.requests) {
            // The same answer as opening the matter itself (getRequest).
            const opens = (await call(under.api.baseUrl, 'GET', `/api/requests/${r.requestId}`, { token })).status === 200;
            expect([who, r.requestId, r.openable]).toEqual([who, r.requestId, opens]);
            openableChecked++;
          }
        }
      }
    }
    // The transferred matter: received by grid 1, handled by grid 2: grid 1's leader no longer opens it from grid 1's 受理.
    expect((await drill(g1.id, 'received', grids[1]!.leader)).requests.find((r) => r.requestId === moved.id)?.openable).toBe(false);
    expect((await drill(g0.id, 'received', townLeader)).requests.every((r) => r.openable)).toBe(true);
    // The public, and a token that is no longer valid, get the list as ever, nothing openable (never an error).
    for (const token of [undefined, 'not-a-token', `${townLeader}x`]) {
      const listed = await drill(g0.id, 'received', token);
      expect([token, listed.count, listed.requests.some((r) => r.openable)]).toEqual([token, behind.get(`${g0.id}/received`)!.length, false]);
    }
    process.stdout.write(`drill-down: ${openableChecked} listed matters' openable compared with getRequest\n`);

    // ——— the exclusion register: the confirmed refusal, who decided, the reason only for those who may open it ———
    const g0Name = ranking.rows.find((r: BoardRow) => r.unitId === g0.id)!.unitName;
    // The look-back was taken by the hotline office's first member (tokenForRole); the seed dates roles by the wall clock.
    const hotlineStaff = await personWithRole(ds(), 'hotline_staff', 'SG-TT');
    await ds()
      .getRepository(RoleAssignment)
      .update({ personId: hotlineStaff.personId, endedAt: IsNull() }, { startedAt: at('2025-01-01T00:00:00') });
    const register = async (token?: string, unitId = g0.id) =>
      (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/exclusions?townId=${townId}&month=2026-10&unitId=${unitId}`, { token })).body;
    const publicRegister = await register();
    expect(publicRegister).toEqual({
      unitName: g0Name,
      count: 1,
      confidentialCount: 0,
      entries: [
        {
          requestId: refusals[0],
          category: requests.get(refusals[0]!)!.category,
          receivedAt: at('2026-10-22T09:00:00').toISOString(),
          rejectedAt: at('2026-10-22T09:20:00').toISOString(),
          rejectedBy: { roleLabel: '网格巷长', name: g0Leader.name },
          lookedBackAt: at('2026-10-23T09:00:00').toISOString(),
          lookedBackBy: { roleLabel: '热线办工作人员', name: hotlineStaff.name },
          reasonRecorded: true,
          reasonKind: 'unreasonable',
          reasonLabel: '诉求不合理',
          reason: null,
          openable: false,
        },
      ],
    });
    expect((await register(g0.leader)).entries[0]).toMatchObject({ reason: '诉求不合理：已向当事人解释（confirmed），其子139****1234已知情', openable: true });
    expect((await register(townLeader)).entries[0]).toMatchObject({ reason: '诉求不合理：已向当事人解释（confirmed），其子139****1234已知情', openable: true });
    expect((await register(grids[1]!.leader)).entries[0]).toMatchObject({ reason: null, reasonRecorded: true, openable: false });
    // The large grid's register holds its small grids'; the board row counts it.
    const largeRegister = await register(undefined, largeId);
    expect([largeRegister.count, largeRegister.entries.map((e: { requestId: number }) => e.requestId)]).toEqual([1, [refusals[0]]]);
    expect(ranking.rows.find((r: BoardRow) => r.unitId === g0.id)!.excluded).toBe(1);

    // ——— the daily bulletins of the month, each day recomputed from the same rows ———
    let bulletinFigures = 0;
    for (let d = 1; d <= 31; d++) {
      const day = `2026-10-${String(d).padStart(2, '0')}`;
      const dayStart = at(`${day}T00:00:00`);
      const want = dayTruth(timeline, timeline.units.get(townId)!.path, dayStart, new Date(dayStart.getTime() + 24 * HOUR), clock.now());
      const bulletin = await api('GET', `/api/reports/daily?townId=${townId}&day=${day}`, hotline);
      expectBulletin(day, bulletin, want);
      bulletinFigures += 9 + want.overdue.length;
    }
    process.stdout.write(`daily bulletins: 31 days, ${bulletinFigures} figures compared\n`);

    // ——— October by category against October a year before ———
    const stats = await api('GET', `/api/reports/categories?townId=${townId}&from=2026-10&to=2026-10`, hotline);
    const octoberOf = (year: number, action: string, category: string) =>
      events.filter(
        (e) =>
          e.action === action &&
          e.createdAt >= at(`${year}-10-01T00:00:00`) &&
          e.createdAt < at(`${year}-11-01T00:00:00`) &&
          requests.get(e.requestId)!.category === category,
      ).length;
    for (const row of stats.categories) {
      const want = {
        received: octoberOf(2026, 'submit', row.category),
        receivedLastYear: octoberOf(2025, 'submit', row.category),
        resolved: octoberOf(2026, 'resolve', row.category),
        resolvedLastYear: octoberOf(2025, 'resolve', row.category),
      };
      expect([row.category, row.received, row.receivedLastYear, row.resolved, row.resolvedLastYear]).toEqual([
        row.category,
        want.received,
        want.receivedLastYear,
        want.resolved,
        want.resolvedLastYear,
      ]);
      const change = (a: number, b: number) => (b > 0 ? (a - b) / b : null);
      expect([row.category, row.receivedYearOnYear, row.resolvedYearOnYear]).toEqual([
        row.category,
        change(want.received, want.receivedLastYear),
        change(want.resolved, want.resolvedLastYear),
      ]);
    }
    expect(stats.categories.find((c: { category: string }) => c.category === 'environment').receivedLastYear).toBe(3);
    expect((await call(under.api.baseUrl, 'GET', `/api/reports/categories?townId=${townId}&from=2026-10&to=2026-09`, { token: hotline })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'to',
    });

    // ——— the weekly dispatch as the meeting sees it, against the requests as they stand ———
    clock.set(at('2026-11-02T09:00:00'));
    const now = clock.now();
    const openNow: { id: number; state: string; handlerUnitId: number; contactDueAt: Date; completionDueAt: Date | null }[] = (
      await ds().query(
        `SELECT id, state, handlerUnitId, contactDueAt, completionDueAt FROM request WHERE state IN ('submitted', 'accepted', 'in_progress') ORDER BY id`,
      )
    ).map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      state: String(r.state),
      handlerUnitId: Number(r.handlerUnitId),
      contactDueAt: asDate(r.contactDueAt),
      completionDueAt: r.completionDueAt ? asDate(r.completionDueAt) : null,
    }));
    const dispatch = await api('GET', `/api/reports/weekly-dispatch?townId=${townId}`, hotline);
    const wantUnits = new Map<number, { open: number[]; overdue: number }>();
    for (const r of openNow) {
      const due = r.state === 'submitted' ? r.contactDueAt : (r.completionDueAt ?? r.contactDueAt);
      const unit = wantUnits.get(r.handlerUnitId) ?? { open: [], overdue: 0 };
      unit.open.push(r.id);
      if (due < now) unit.overdue++;
      wantUnits.set(r.handlerUnitId, unit);
    }
    expect(dispatch.open).toBe(openNow.length);
    expect(
      Object.fromEntries(
        dispatch.units.map((u: { unitId: number; requests: { requestId: number }[]; overdue: number }) => [
          u.unitId,
          { open: u.requests.map((r) => r.requestId).sort((a, b) => a - b), overdue: u.overdue },
        ]),
      ),
    ).toEqual(Object.fromEntries([...wantUnits].map(([unitId, u]) => [unitId, u])));
    const overdueCounts = dispatch.units.map((u: { overdue: number }) => u.overdue);
    expect([...overdueCounts].sort((a: number, b: number) => b - a)).toEqual(overdueCounts);
    const sheetRes = await fetch(`${under.api.baseUrl}/api/reports/weekly-dispatch.xlsx?townId=${townId}`, { headers: { authorization: `Bearer ${hotline}` } });
    const book = new Workbook();
    await book.xlsx.load(await sheetRes.arrayBuffer());
    const lines: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(String(lines[0]![0])).toBe(`台头镇办理进度调度（截至11月2日 09:00）：未办结${openNow.length}件，其中超期${dispatch.overdue}件`);
    expect(lines.filter((line) => typeof line[2] === 'number')).toHaveLength(openNow.length);

    const totals = Object.fromEntries(FIGURES.map((f) => [f, [...expected.values()].reduce((sum, row) => sum + (row[f] ?? 0), 0)]));
    // Every kind of fact the month should have had, had: otherwise the comparison proves little.
    for (const figure of FIGURES) expect([figure, totals[figure]! > 0]).toEqual([figure, true]);
    process.stdout.write(
      `ranking truth: ${compared} figures compared over ${ranking.rows.length} small grids (${events.length} timeline rows, ${requests.size} requests); totals ${JSON.stringify(totals)}\n`,
    );
  }, 300_000);

  it("keeps an ended month's counts, serves them, and counts again when a row they depend on appears", async () => {
    // Runs after the month above was made: October is over and settled three weeks later.
    clock.set(at('2026-11-20T10:00:00'));
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const board = async () => (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=small_grid`)).body;
    const truth = async () => {
      const timeline = await loadTimeline(ds());
      return { timeline, truth: monthTruth(timeline, at('2026-10-01T00:00:00'), at('2026-11-01T00:00:00'), clock.now()) };
    };
    const kept = async () =>
      (await ds().query('SELECT month, countedAt FROM ranking_month ORDER BY month')).map((r: { month: string; countedAt: unknown }) => ({
        month: r.month,
        countedAt: asDate(r.countedAt).getTime(),
      }));

    const first = await board();
    let now = await truth();
    expectRankingIsTruth(first, now.truth, now.timeline);
    // The month, the month before (环比) and the same month a year before (同比) are kept.
    expect((await kept()).map((k: { month: string }) => k.month)).toEqual(['2025-10', '2026-09', '2026-10']);
    expect(await board()).toEqual(first);

    // What is served is what was kept: a kept count changed by hand shows (and is put back).
    const someone = first.rows.find((r: { received: number }) => r.received > 0);
    await ds().query("UPDATE ranking_month_count SET received = received + 100 WHERE month = '2026-10' AND unitId = ?", [someone.unitId]);
    expect((await board()).rows.find((r: { unitId: number }) => r.unitId === someone.unitId).received).toBe(someone.received + 100);
    await ds().query("UPDATE ranking_month_count SET received = received - 100 WHERE month = '2026-10' AND unitId = ?", [someone.unitId]);

    // A matter open and overdue at the end of October, transferred in November (new deadlines):
    // October still counts it as overdue where it was, because its steps keep their deadlines.
    const [untouched] = [...now.timeline.byRequest.values()].filter(
      (steps) => steps.length === 1 && steps[0]!.action === 'submit' && steps[0]!.createdAt >= at('2026-10-01T00:00:00'),
    );
    const open = { id: untouched![0]!.requestId, handlerUnitId: untouched![0]!.handlerUnitId };
    const wasOverdue = first.rows.find((r: { unitId: number }) => r.unitId === open.handlerUnitId).openOverdue;
    expect(wasOverdue).toBeGreaterThan(0);
    const hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    const other = (await unitByCode(ds(), 'SG-TT-V05-L1-S01')).id;
    const seen = await api('GET', `/api/requests/${open.id}`, hotline);
    await api('POST', `/api/requests/${open.id}/actions/transfer`, hotline, { version: seen.version, targetUnitId: other, note: '转给邻近网格' });
    const afterTransfer = await board();
    expect(afterTransfer).toEqual(first);
    // …and counting October again from the raw rows gives the same.
    await ds().query('DELETE FROM ranking_month_count');
    await ds().query('DELETE FROM ranking_month');
    expect(await board()).toEqual(first);

    // A row dated inside October that appears now (an import of old data; here a clock set back):
    // the kept month is counted again, and shows it.
    const before = await kept();
    clock.set(at('2026-10-28T10:00:00'));
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: someone.unitId });
    await api('POST', '/api/requests', session.body.accessToken, {
      clientRequestId: `late-row-${Date.now()}`,
      category: 'environment',
      description: '河边垃圾没人清理',
    });
    clock.set(at('2026-11-20T11:00:00'));
    const recounted = await board();
    now = await truth();
    expectRankingIsTruth(recounted, now.truth, now.timeline);
    expect(recounted.rows.find((r: { unitId: number }) => r.unitId === someone.unitId).received).toBe(someone.received + 1);
    const after = await kept();
    expect(after.find((k: { month: string }) => k.month === '2026-10').countedAt).toBeGreaterThan(
      before.find((k: { month: string }) => k.month === '2026-10').countedAt,
    );
    // The month before and the year before were not touched by it, and were not counted again.
    for (const month of ['2025-10', '2026-09'])
      expect(after.find((k: { month: string }) => k.month === month)).toEqual(before.find((k: { month: string }) => k.month === month));

    // A month still going (or whose first contacts are not all due yet) is counted live and not kept.
    clock.set(at('2026-12-01T00:30:00'));
    await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-11&level=small_grid`);
    expect((await kept()).map((k: { month: string }) => k.month)).toEqual(['2025-10', '2025-11', '2026-09', '2026-10']);
  }, 300_000);

  it("keeps last month and its 同比 from the clocks' sweep as soon as it is over, before anyone looks", async () => {
    const kept = async () => (await ds().query('SELECT month FROM ranking_month ORDER BY month')).map((r: { month: string }) => r.month);
    await ds().query('DELETE FROM ranking_month_count');
    await ds().query('DELETE FROM ranking_month');
    const sweeper = under.api.app.get(JobScheduler);
    await sweeper.runOnce(at('2026-12-01T00:30:00'));
    // The same month a year before (last month's 同比) is kept; last month is not an hour over yet
    // (a step of 23:59 may still be committing).
    expect(await kept()).toEqual(['2025-11']);
    await sweeper.runOnce(at('2026-12-01T01:30:00'));
    expect(await kept()).toEqual(['2025-11', '2026-11']);
  });

  it('does not keep a month whose first contacts are not all due yet, nor count it for every unit again until they are', async () => {
    // September's last matter came late on its last evening: its first contact is due the next
    // morning, so in the small hours of 1 October September is over but not settled.
    const kept = async () => (await ds().query('SELECT month FROM ranking_month ORDER BY month')).map((r: { month: string }) => r.month);
    await ds().query('DELETE FROM ranking_month_count');
    await ds().query('DELETE FROM ranking_month');
    const { due } = (await ds()
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('MAX(r.firstContactDueAt)', 'due')
      .where('r.createdAt < :end', { end: at('2026-10-01T00:00:00') })
      .getRawOne<{ due: Date | string }>())!;
    expect(asDate(due).getTime()).toBeGreaterThan(at('2026-10-01T04:00:00').getTime());
    const everyUnit = jest.spyOn(ReportRepository.prototype, 'allUnitsCounts');
    try {
      const sweeper = under.api.app.get(JobScheduler);
      await sweeper.runOnce(at('2026-10-01T03:00:00'));
      await sweeper.runOnce(at('2026-10-01T03:00:30'));
      expect(await kept()).not.toContain('2026-09');
      expect(everyUnit.mock.calls.filter(([period]) => period.label === '2026-09')).toHaveLength(1);
      await sweeper.runOnce(new Date(asDate(due).getTime() + 2 * HOUR));
      expect(await kept()).toContain('2026-09');
    } finally {
      everyUnit.mockRestore();
    }
  });

  it('refuses a month that is not one, and a unit level that is not one', async () => {
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-13&level=small_grid`)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'month',
    });
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=county`)).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'level',
    });
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=999999&month=2026-10&level=village`)).body).toMatchObject({
      code: 'NOT_FOUND',
      field: 'townId',
    });
  });
});
