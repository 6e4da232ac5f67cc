import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import type { WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const HOUR = 3600_000;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface EventRow {
  id: number;
  requestId: number;
  action: string;
  toState: string;
  handlerUnitId: number;
  rating: string | null;
  createdAt: Date;
}
interface RequestRow {
  id: number;
  source: string;
  firstContactDueAt: Date;
  contactDueAt: Date;
  completionDueAt: Date | null;
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
  const under = useAppUnderTest(() => ({ wechat, clock, demoLogin: true, auth: { accessTokenTtlSeconds: 3600, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 100_000, refreshReuseGraceSeconds: 10 } }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await call(under.api.baseUrl, method, path, { token, body });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ds = () => under.api.app.get(DataSource);

  it('recomputes every count, rate, rank and change from the timeline and finds the same', async () => {
    const rand = random(20261001);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    const codes = ['SG-TT-V02-L1-S01', 'SG-TT-V02-L1-S02', 'SG-TT-V03-L1-S01', 'SG-TT-V04-L1-S01'];
    const grids = await Promise.all(codes.map(async (code) => ({ id: (await unitByCode(ds(), code)).id, leader: await demoToken(under.api.baseUrl, (await personWithRole(ds(), 'grid_leader', code)).personId) })));
    const hotline = await demoToken(under.api.baseUrl, (await personWithRole(ds(), 'hotline_staff', 'SG-TT')).personId);
    const villager = async (gridId: number) => {
      const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
      await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: gridId });
      return session.body.accessToken as string;
    };
    let serial = 0;
    const submit = async (token: string, when: Date, text = '村里的路灯坏了') => {
      clock.set(when);
      return api('POST', '/api/requests', token, { clientRequestId: `truth-${++serial}-${Date.now()}`, category: pick(['infrastructure', 'environment', 'social']), description: `${text}（${serial}）` });
    };
    const step = async (token: string, id: number, action: string, when: Date, body: Record<string, unknown> = {}) => {
      clock.set(when);
      const seen = await api('GET', `/api/requests/${id}`, token);
      return api('POST', `/api/requests/${id}/actions/${action}`, token, { version: seen.version, ...body });
    };

    // A year before: three environment matters and one dispute in October 2025, two of them resolved.
    const g3 = grids[3]!;
    for (const [category, resolve] of [['environment', true], ['environment', false], ['environment', true], ['dispute', false]] as const) {
      clock.set(at('2025-10-15T10:00:00'));
      const old = await api('POST', '/api/requests', await villager(g3.id), { clientRequestId: `truth-2025-${++serial}`, category, description: `去年的诉求（${serial}）` });
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
      if (rating === 'dissatisfied' && rand() < 0.7) await step(grid.leader, matter.id, 'resolve', new Date(resolvedAt.getTime() + 20 * HOUR), { note: '重新处理' });
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

    // ——— the independent path: the raw rows, counted by the definitions ———
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const events: EventRow[] = (await ds().query('SELECT id, requestId, action, toState, handlerUnitId, rating, createdAt FROM request_event ORDER BY id')).map((e: Record<string, unknown>) => ({
      ...e,
      id: Number(e.id),
      requestId: Number(e.requestId),
      handlerUnitId: Number(e.handlerUnitId),
      createdAt: asDate(e.createdAt),
    }));
    const requests = new Map<number, RequestRow>(
      (await ds().query('SELECT id, source, firstContactDueAt, contactDueAt, completionDueAt FROM request')).map((r: Record<string, unknown>) => [
        Number(r.id),
        { id: Number(r.id), source: String(r.source), firstContactDueAt: asDate(r.firstContactDueAt), contactDueAt: asDate(r.contactDueAt), completionDueAt: r.completionDueAt ? asDate(r.completionDueAt) : null },
      ]),
    );
    const start = at('2026-10-01T00:00:00');
    const end = at('2026-11-01T00:00:00');
    const inMonth = (e: EventRow) => e.createdAt >= start && e.createdAt < end;
    const byRequest = new Map<number, EventRow[]>();
    for (const e of events) byRequest.set(e.requestId, [...(byRequest.get(e.requestId) ?? []), e]);
    const has = (requestId: number, action: string) => (byRequest.get(requestId) ?? []).some((x) => x.action === action && x.createdAt < end);

    const expected = new Map<number, Record<string, number>>();
    /** The requests behind each figure of each unit, for the drill-down. */
    const behind = new Map<string, number[]>();
    const add = (unitId: number, figure: string, requestId: number) => {
      const row = expected.get(unitId) ?? {};
      row[figure] = (row[figure] ?? 0) + 1;
      expected.set(unitId, row);
      behind.set(`${unitId}/${figure}`, [...(behind.get(`${unitId}/${figure}`) ?? []), requestId]);
    };
    for (const e of events) {
      const r = requests.get(e.requestId)!;
      if (e.action === 'submit' && inMonth(e) && !has(e.requestId, 'merge')) {
        add(e.handlerUnitId, 'received', e.requestId);
        const firstContact = (byRequest.get(e.requestId) ?? []).find((x) => x.action === 'accept' || x.action === 'reject');
        if (firstContact && firstContact.createdAt <= r.firstContactDueAt) add(e.handlerUnitId, 'contactedOnTime', e.requestId);
        if (has(e.requestId, 'resolve')) add(e.handlerUnitId, 'resolved', e.requestId);
        if (has(e.requestId, 'withdraw')) add(e.handlerUnitId, 'withdrawn', e.requestId);
        if (r.source === 'patrol') add(e.handlerUnitId, 'patrolFound', e.requestId);
      }
      if (e.action === 'resolve' && inMonth(e)) add(e.handlerUnitId, !r.completionDueAt || e.createdAt <= r.completionDueAt ? 'closedOnTime' : 'closedLate', e.requestId);
      if (e.action === 'rate' && inMonth(e)) add(e.handlerUnitId, { satisfied: 'satisfied', basically_satisfied: 'basicallySatisfied', dissatisfied: 'dissatisfied' }[e.rating!]!, e.requestId);
      if ((e.action === 'reopen' || e.action === 'sendBack') && inMonth(e)) add(e.handlerUnitId, 'rehandled', e.requestId);
    }
    for (const [requestId, steps] of byRequest) {
      const last = steps.filter((x) => x.createdAt < end).at(-1);
      if (!last || !['submitted', 'accepted', 'in_progress'].includes(last.toState)) continue;
      const r = requests.get(requestId)!;
      const due = last.toState === 'submitted' ? r.contactDueAt : r.completionDueAt;
      if (due && due < end) add(last.handlerUnitId, 'openOverdue', requestId);
    }

    const ranking = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=small_grid`)).body;
    const FIGURES = ['received', 'contactedOnTime', 'resolved', 'withdrawn', 'closedOnTime', 'closedLate', 'openOverdue', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'rehandled', 'patrolFound'];
    let compared = 0;
    for (const row of ranking.rows) {
      const want = expected.get(row.unitId) ?? {};
      for (const figure of FIGURES) {
        expect([row.unitName, figure, row[figure]]).toEqual([row.unitName, figure, want[figure] ?? 0]);
        compared++;
      }
      const w = (f: string) => want[f] ?? 0;
      expect(row.hearts).toBe(2 * w('satisfied') + w('basicallySatisfied'));
      const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
      const rated = w('satisfied') + w('basicallySatisfied') + w('dissatisfied');
      const rates = {
        responseRate: ratio(w('contactedOnTime'), w('received')),
        onTimeRate: ratio(w('closedOnTime'), w('closedOnTime') + w('closedLate') + w('openOverdue')),
        resolutionRate: ratio(w('resolved'), w('received') - w('withdrawn')),
        satisfactionRate: ratio(w('satisfied') + 0.9 * w('basicallySatisfied'), rated),
        rehandleRate: ratio(w('rehandled'), w('resolved')),
      };
      for (const [name, value] of Object.entries(rates)) {
        if (value === null) expect(row[name]).toBeNull();
        else expect(row[name]).toBeCloseTo(value, 12);
      }
      compared += 6;
    }
    // The four grids that worked this month are all there, ranked by composite, best first.
    const worked = ranking.rows.filter((r: { received: number }) => r.received > 0);
    expect(worked.map((r: { unitId: number }) => r.unitId).sort()).toEqual(grids.map((g) => g.id).sort());
    const scores = worked.map((r: { composite: number }) => r.composite);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    expect(worked.every((r: { leaderName: string | null; rank: number }) => r.leaderName && r.rank >= 1)).toBe(true);
    // The large grid's figures are the sum of its small grids'.
    const large = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=large_grid`)).body;
    const largeId = (await unitByCode(ds(), 'SG-TT-V02-L1')).id;
    const largeRow = large.rows.find((r: { unitId: number }) => r.unitId === largeId);
    for (const figure of FIGURES) expect(largeRow[figure]).toBe((expected.get(grids[0]!.id)?.[figure] ?? 0) + (expected.get(grids[1]!.id)?.[figure] ?? 0));
    expect(largeRow.leaderName).toBeNull();
    // ——— every figure of the first grid drills down to exactly the requests behind it ———
    for (const figure of FIGURES) {
      const listed = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-10&unitId=${g0.id}&figure=${figure}`)).body;
      const want = behind.get(`${g0.id}/${figure}`) ?? [];
      expect([figure, listed.count, listed.requests.map((r: { requestId: number }) => r.requestId).sort((a: number, b: number) => a - b)]).toEqual([figure, want.length, [...want].sort((a, b) => a - b)]);
      expect(JSON.stringify(listed)).not.toMatch(/1[3-9]\d{9}/); // no phone numbers on the public board
    }
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-10&unitId=${g0.id}&figure=everything`)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'figure' });

    // ——— the daily bulletins of the month, each day recomputed from the same rows ———
    const units = new Map<number, { name: string; path: string }>(
      (await ds().query('SELECT id, name, path FROM org_unit')).map((u: Record<string, unknown>) => [Number(u.id), { name: String(u.name), path: String(u.path) }]),
    );
    const requestFacts = new Map<number, { category: string; unitId: number }>(
      (await ds().query('SELECT id, category, unitId FROM request')).map((r: Record<string, unknown>) => [Number(r.id), { category: String(r.category), unitId: Number(r.unitId) }]),
    );
    let bulletinFigures = 0;
    for (let d = 1; d <= 31; d++) {
      const day = `2026-10-${String(d).padStart(2, '0')}`;
      const dayStart = at(`${day}T00:00:00`);
      const dayEnd = new Date(dayStart.getTime() + 24 * HOUR);
      const inDay = (e: EventRow) => e.createdAt >= dayStart && e.createdAt < dayEnd;
      const submits = events.filter((e) => e.action === 'submit' && inDay(e));
      const count = (keys: string[]) => Object.fromEntries([...new Set(keys)].map((k) => [k, keys.filter((x) => x === k).length]));
      const firstContacts = [...byRequest.values()].map((steps) => steps.find((x) => x.action === 'accept' || x.action === 'reject')).filter((e): e is EventRow => !!e && inDay(e));
      const openRows = [...byRequest.entries()]
        .map(([requestId, steps]) => ({ requestId, last: steps.filter((x) => x.createdAt < dayEnd).at(-1) }))
        .filter(({ last }) => last && ['submitted', 'accepted', 'in_progress'].includes(last.toState));
      const overdue = openRows
        .filter(({ requestId, last }) => {
          const r = requests.get(requestId)!;
          const due = last!.toState === 'submitted' ? r.contactDueAt : r.completionDueAt;
          return due !== null && due < dayEnd;
        })
        .map(({ requestId, last }) => [requestId, units.get(last!.handlerUnitId)!.name]);
      const bulletin = await api('GET', `/api/reports/daily?townId=${townId}&day=${day}`, hotline);
      const asCounts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
      expect([day, bulletin.received, asCounts(bulletin.bySource), asCounts(bulletin.byCategory), asCounts(bulletin.byVillage)]).toEqual([
        day,
        submits.length,
        count(submits.map((e) => requests.get(e.requestId)!.source)),
        count(submits.map((e) => requestFacts.get(e.requestId)!.category)),
        count(submits.map((e) => String(units.get(requestFacts.get(e.requestId)!.unitId)!.path.split('/').filter(Boolean)[2]))),
      ]);
      expect([day, bulletin.contactsOnTime, bulletin.contactsLate, bulletin.resolved, bulletin.open]).toEqual([
        day,
        firstContacts.filter((e) => e.createdAt <= requests.get(e.requestId)!.firstContactDueAt).length,
        firstContacts.filter((e) => e.createdAt > requests.get(e.requestId)!.firstContactDueAt).length,
        events.filter((e) => e.action === 'resolve' && inDay(e)).length,
        openRows.length,
      ]);
      expect([day, bulletin.overdue.map((o: { requestId: number; unitName: string }) => [o.requestId, o.unitName])]).toEqual([day, overdue]);
      bulletinFigures += 9 + overdue.length;
    }
    process.stdout.write(`daily bulletins: 31 days, ${bulletinFigures} figures compared\n`);

    // ——— October by category against October a year before ———
    const stats = await api('GET', `/api/reports/categories?townId=${townId}&from=2026-10&to=2026-10`, hotline);
    const octoberOf = (year: number, action: string, category: string) =>
      events.filter((e) => e.action === action && e.createdAt >= at(`${year}-10-01T00:00:00`) && e.createdAt < at(`${year}-11-01T00:00:00`) && requestFacts.get(e.requestId)!.category === category).length;
    for (const row of stats.categories) {
      const want = {
        received: octoberOf(2026, 'submit', row.category),
        receivedLastYear: octoberOf(2025, 'submit', row.category),
        resolved: octoberOf(2026, 'resolve', row.category),
        resolvedLastYear: octoberOf(2025, 'resolve', row.category),
      };
      expect([row.category, row.received, row.receivedLastYear, row.resolved, row.resolvedLastYear]).toEqual([row.category, want.received, want.receivedLastYear, want.resolved, want.resolvedLastYear]);
      const change = (a: number, b: number) => (b > 0 ? (a - b) / b : null);
      expect([row.category, row.receivedYearOnYear, row.resolvedYearOnYear]).toEqual([row.category, change(want.received, want.receivedLastYear), change(want.resolved, want.resolvedLastYear)]);
    }
    expect(stats.categories.find((c: { category: string }) => c.category === 'environment').receivedLastYear).toBe(3);
    expect((await call(under.api.baseUrl, 'GET', `/api/reports/categories?townId=${townId}&from=2026-10&to=2026-09`, { token: hotline })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });

    // ——— the weekly dispatch as the meeting sees it, against the requests as they stand ———
    clock.set(at('2026-11-02T09:00:00'));
    const now = clock.now();
    const openNow: { id: number; state: string; handlerUnitId: number; contactDueAt: Date; completionDueAt: Date | null }[] = (
      await ds().query(`SELECT id, state, handlerUnitId, contactDueAt, completionDueAt FROM request WHERE state IN ('submitted', 'accepted', 'in_progress') ORDER BY id`)
    ).map((r: Record<string, unknown>) => ({ id: Number(r.id), state: String(r.state), handlerUnitId: Number(r.handlerUnitId), contactDueAt: asDate(r.contactDueAt), completionDueAt: r.completionDueAt ? asDate(r.completionDueAt) : null }));
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
    expect(Object.fromEntries(dispatch.units.map((u: { unitId: number; requests: { requestId: number }[]; overdue: number }) => [u.unitId, { open: u.requests.map((r) => r.requestId).sort((a, b) => a - b), overdue: u.overdue }]))).toEqual(
      Object.fromEntries([...wantUnits].map(([unitId, u]) => [unitId, u])),
    );
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
    process.stdout.write(`ranking truth: ${compared} figures compared over ${ranking.rows.length} small grids (${events.length} timeline rows, ${requests.size} requests); totals ${JSON.stringify(totals)}\n`);
  }, 300_000);

  it('refuses a month that is not one, and a unit level that is not one', async () => {
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-13&level=small_grid`)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'month' });
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=2026-10&level=county`)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'level' });
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=999999&month=2026-10&level=village`)).body).toMatchObject({ code: 'NOT_FOUND', field: 'townId' });
  });
});

/** SQLite hands datetimes back as UTC text, MySQL as Date. */
function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
