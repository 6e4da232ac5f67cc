import { describe, expect, it, beforeAll } from '@jest/globals';
import { chinaMonthRange, nextState, type RequestAction, type RequestState } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoYear, type DemoYearResult } from '../../src/seed/demo-year/year-writer';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { dayTruth, expectBulletin, expectPlaces, FIGURES, loadTimeline, monthTruth, ratesOf, rolledUp, type Timeline } from '../support/report-truth';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const NOW = at('2026-11-25T10:00:00');
const LEVELS = ['small_grid', 'large_grid', 'village', 'department'] as const;

/**
 * The demo's generated year (src/seed/demo-year) loaded into the seeded county, then every figure
 * of every unit of every level of the ranking for each of its twelve whole months, and the daily
 * bulletins of sample days, recomputed from the raw timeline rows (test/support/report-truth.ts)
 * and compared. The year also has to be a legal one: each timeline row is a transition of the
 * domain's workflow table.
 */
describe(`a generated year against the raw timeline (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ clock: new ManualClock(NOW), demoLogin: true }));
  const ds = () => under.api.app.get(DataSource);
  let loaded: DemoYearResult | null;
  let timeline: Timeline;
  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    loaded = await seedDemoYear(ds(), NOW);
    timeline = await loadTimeline(ds());
  }, 300_000);

  it('is a year of the article’s size, with every kind of step, each a legal transition; loading twice adds nothing', async () => {
    expect(loaded).not.toBeNull();
    const taitou = (await unitByCode(ds(), 'SG-TT')).path;
    const inTaitou = [...timeline.requests.values()].filter((r) => timeline.units.get(r.unitId)!.path.startsWith(taitou));
    const patrol = inTaitou.filter((r) => r.source === 'patrol').length;
    // The article: 1,200+ patrol findings a year in Taitou.
    expect(patrol).toBeGreaterThan(1_150);
    expect(patrol).toBeLessThan(1_400);
    for (const source of ['villager', 'patrol', 'hotline_12345', 'staff', 'proxy'])
      expect([source, inTaitou.some((r) => r.source === source)]).toEqual([source, true]);
    const actions = new Set(timeline.events.map((e) => e.action));
    for (const action of [
      'accept',
      'followUp',
      'resolve',
      'rate',
      'reopen',
      'lookBack',
      'close',
      'sendBack',
      'reject',
      'withdraw',
      'merge',
      'requestTransfer',
      'transfer',
    ])
      expect([action, actions.has(action)]).toEqual([action, true]);

    let checked = 0;
    for (const steps of timeline.byRequest.values()) {
      expect(steps[0]!.action).toBe('submit');
      for (let i = 1; i < steps.length; i++) {
        const step = steps[i]!;
        expect([step.requestId, step.action, step.toState]).toEqual([
          step.requestId,
          step.action,
          nextState(step.action as RequestAction, steps[i - 1]!.toState as RequestState),
        ]);
        expect(step.createdAt.getTime()).toBeGreaterThanOrEqual(steps[i - 1]!.createdAt.getTime());
        checked++;
      }
      expect(steps.at(-1)!.createdAt.getTime()).toBeLessThan(NOW.getTime());
    }
    // Nobody rated their own work: no verdict's requester ever held a handling role in the unit it went to.
    const handling = ['grid_leader', 'deputy_grid_leader', 'village_secretary', 'department_handler', 'hotline_staff'];
    const rates = timeline.events.filter((e) => e.action === 'rate');
    expect(rates.length).toBeGreaterThan(1_000);
    const ownWork = rates.filter((e) =>
      timeline.roles.some(
        (r) => r.personId === timeline.requests.get(e.requestId)!.requesterPersonId && r.unitId === e.handlerUnitId && handling.includes(r.role),
      ),
    );
    expect(ownWork).toEqual([]);
    // A confidential matter gained no follower (nothing was merged into one).
    const [followed] = await ds().query('SELECT COUNT(*) AS n FROM request_follower f JOIN request r ON r.id = f.requestId WHERE r.confidential = ?', [1]);
    expect(Number(followed.n)).toBe(0);
    process.stdout.write(
      `generated year: ${loaded!.requests} requests, ${loaded!.events} timeline rows (${checked} transitions checked) in ${loaded!.seconds.toFixed(1)} s\n`,
    );
    expect(await seedDemoYear(ds(), NOW)).toBeNull();
  });

  it('ranks every unit of every level for each month exactly as the raw rows count', async () => {
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    let compared = 0;
    // The year's small grids receive a matter or so a month: many are left unranked with too few, and equal scores tie.
    let tooFew = 0;
    let tied = 0;
    // Refusals confirmed at look-back occur in the year: the register is not empty.
    let excluded = 0;
    for (let back = 12; back >= 1; back--) {
      const { label, start, end } = chinaMonthRange('2026-11', back);
      const truth = monthTruth(timeline, start, end);
      for (const level of LEVELS) {
        const ranking = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=${label}&level=${level}`)).body;
        expect(ranking.rows.length).toBeGreaterThan(0);
        for (const row of ranking.rows) {
          const want = rolledUp(truth, timeline.units, row.unitId);
          expect([label, row.unitName, FIGURES.map((f) => row[f])]).toEqual([label, row.unitName, FIGURES.map((f) => want[f])]);
          expect(row.hearts).toBe(2 * want.satisfied + want.basicallySatisfied);
          for (const [name, value] of Object.entries(ratesOf(want))) {
            if (value === null) expect([label, row.unitName, name, row[name]]).toEqual([label, row.unitName, name, null]);
            else expect(row[name]).toBeCloseTo(value, 12);
          }
          compared += FIGURES.length + 7;
        }
        expectPlaces(`${label} ${level}`, ranking.rows, ranking.minReceived);
        tooFew += ranking.rows.filter((r: { unrankedReason: string | null }) => r.unrankedReason === 'too_few').length;
        tied += ranking.rows.filter((r: { tied: boolean }) => r.tied).length;
        if (level === 'small_grid') excluded += ranking.rows.reduce((sum: number, r: { excluded: number }) => sum + r.excluded, 0);
        compared += 3 * ranking.rows.length;
      }
    }
    // The county's board ranks the villages of both towns together.
    const countyId = (await unitByCode(ds(), 'SG')).id;
    const octoberRange = chinaMonthRange('2026-10');
    const october = monthTruth(timeline, octoberRange.start, octoberRange.end);
    const countyBoard = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${countyId}&month=2026-10&level=village`)).body;
    expect(countyBoard.rows).toHaveLength([...timeline.units.values()].filter((u) => u.kind === 'village').length);
    for (const row of countyBoard.rows) {
      const want = rolledUp(october, timeline.units, row.unitId);
      expect([row.unitName, FIGURES.map((f) => row[f])]).toEqual([row.unitName, FIGURES.map((f) => want[f])]);
      compared += FIGURES.length;
    }
    expectPlaces('county 2026-10 village', countyBoard.rows, countyBoard.minReceived);
    expect(tooFew).toBeGreaterThan(0);
    expect(tied).toBeGreaterThan(0);
    expect(excluded).toBeGreaterThan(0);
    process.stdout.write(
      `ranking truth over the generated year: ${compared} figures compared (12 months × 4 levels, and the county's villages); ${tooFew} unranked with too few, ${tied} tied, ${excluded} excluded\n`,
    );
    expect(compared).toBeGreaterThan(100_000);
  }, 600_000);

  it('gives a unit’s last months as each month’s board shows it (我的网格成绩’s trend)', async () => {
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const boards = new Map<string, { rows: Record<string, unknown>[] }>();
    const board = async (month: string, level: string) => {
      const key = `${month}/${level}`;
      if (!boards.has(key))
        boards.set(key, (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${townId}&month=${month}&level=${level}`)).body);
      return boards.get(key)!;
    };
    const labels = Array.from({ length: 12 }, (_, i) => chinaMonthRange('2026-11', 11 - i).label);
    let compared = 0;
    for (const level of LEVELS) {
      const rows = (await board('2026-11', level)).rows;
      // The best, the last ranked and one without data this month (when there is one), of each level.
      const ranked = rows.filter((r) => r.rank !== null);
      const picks = [ranked[0], ranked.at(-1), rows.find((r) => r.rank === null)].filter((r): r is Record<string, unknown> => r !== undefined);
      for (const pick of picks) {
        const history = (
          await call(under.api.baseUrl, 'GET', `/api/public/reports/unit-history?townId=${townId}&unitId=${pick.unitId}&month=2026-11&months=12`)
        ).body;
        expect([history.unitId, history.unitName, history.level]).toEqual([pick.unitId, pick.unitName, level]);
        expect(history.months.map((m: { month: string }) => m.month)).toEqual(labels);
        for (const month of history.months) {
          const monthRows = (await board(month.month, level)).rows;
          const want = monthRows.find((r) => r.unitId === pick.unitId)!;
          expect(month).toEqual({
            month: month.month,
            rank: want.rank,
            tied: want.tied,
            unrankedReason: want.unrankedReason,
            rankedCount: monthRows.filter((r) => r.rank !== null).length,
            composite: want.composite,
            satisfactionRate: want.satisfactionRate,
            hearts: want.hearts,
            received: want.received,
            resolved: want.resolved,
            patrolFound: want.patrolFound,
          });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(LEVELS.length * 2 * 12);
    // Six months unless asked; at most twelve; a unit the boards do not rank, or not in the town, is not found.
    const grid = (await board('2026-11', 'small_grid')).rows[0]!;
    const six = (await call(under.api.baseUrl, 'GET', `/api/public/reports/unit-history?townId=${townId}&unitId=${grid.unitId}&month=2026-11`)).body;
    expect(six.months.map((m: { month: string }) => m.month)).toEqual(labels.slice(6));
    expect(
      (await call(under.api.baseUrl, 'GET', `/api/public/reports/unit-history?townId=${townId}&unitId=${grid.unitId}&month=2026-11&months=13`)).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'months' });
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/unit-history?townId=${townId}&unitId=${townId}&month=2026-11`)).body).toMatchObject({
      code: 'NOT_FOUND',
      field: 'unitId',
    });
    const otherTown = (await unitByCode(ds(), 'SG-SF-V01-L1-S01')).id; // a small grid of the other town
    expect((await call(under.api.baseUrl, 'GET', `/api/public/reports/unit-history?townId=${townId}&unitId=${otherTown}&month=2026-11`)).body).toMatchObject({
      code: 'NOT_FOUND',
      field: 'unitId',
    });
    process.stdout.write(`unit history: ${compared} months of ${LEVELS.length} levels compared with the boards\n`);
  }, 300_000);

  it('drills every figure of a busy grid down to exactly the requests behind it', async () => {
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const { start, end } = chinaMonthRange('2026-10');
    const truth = monthTruth(timeline, start, end);
    let confidentialSeen = 0;
    // The busiest small grid that received a confidential matter this month (so the count-only rule is seen at work).
    const hasSecret = (id: number) => (truth.behind.get(`${id}/received`) ?? []).some((r) => timeline.requests.get(r)!.confidential);
    const busiest = [...truth.expected.entries()]
      .filter(([id]) => timeline.units.get(id)!.kind === 'small_grid' && hasSecret(id))
      .sort((a, b) => (b[1].received ?? 0) - (a[1].received ?? 0))[0]![0];
    for (const figure of FIGURES) {
      const listed = (
        await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-10&unitId=${busiest}&figure=${figure}`)
      ).body;
      const want = truth.behind.get(`${busiest}/${figure}`) ?? [];
      // A confidential matter is counted on the public board, never listed.
      const secret = want.filter((id) => timeline.requests.get(id)!.confidential);
      const open = want.filter((id) => !timeline.requests.get(id)!.confidential);
      expect([figure, listed.count, listed.confidentialCount]).toEqual([figure, want.length, secret.length]);
      expect([figure, listed.requests.map((r: { requestId: number }) => r.requestId).sort((a: number, b: number) => a - b)]).toEqual([
        figure,
        [...open].sort((a, b) => a - b),
      ]);
      confidentialSeen += secret.length;
    }
    expect(confidentialSeen).toBeGreaterThan(0);
  });

  it('gives each sample day’s bulletin as the raw rows count it, holidays and month ends included', async () => {
    const townId = (await unitByCode(ds(), 'SG-TT')).id;
    const hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    // National Day and its make-up days, the turn of the year, the Spring Festival, and each month's first day.
    const days = [
      '2026-09-27',
      '2026-09-30',
      '2026-10-01',
      '2026-10-07',
      '2026-10-08',
      '2025-12-31',
      '2026-01-01',
      '2026-02-14',
      '2026-02-16',
      '2026-02-24',
      '2026-11-24',
    ];
    for (let back = 12; back >= 0; back--) days.push(`${chinaMonthRange('2026-11', back).label}-01`);
    let figures = 0;
    for (const day of days) {
      const dayStart = at(`${day}T00:00:00`);
      const want = dayTruth(timeline, timeline.units.get(townId)!.path, dayStart, new Date(dayStart.getTime() + 24 * 3600_000));
      const bulletin = (await call(under.api.baseUrl, 'GET', `/api/reports/daily?townId=${townId}&day=${day}`, { token: hotline })).body;
      expectBulletin(day, bulletin, want);
      figures += 9 + want.overdue.length;
    }
    process.stdout.write(`bulletin truth over the generated year: ${days.length} days, ${figures} figures compared\n`);

    // 一数一查: on a busy day every figure, and every line of each breakdown, lists exactly its requests.
    const day = '2026-10-08';
    const want = dayTruth(timeline, timeline.units.get(townId)!.path, at(`${day}T00:00:00`), at('2026-10-09T00:00:00'));
    const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);
    let lists = 0;
    for (const [key, ids] of Object.entries(want.behind)) {
      const [figure, line] = key.split('/');
      const listed = (
        await call(under.api.baseUrl, 'GET', `/api/reports/daily/requests?townId=${townId}&day=${day}&figure=${figure}${line ? `&key=${line}` : ''}`, {
          token: hotline,
        })
      ).body;
      expect([key, listed.count, sorted(listed.requests.map((r: { requestId: number }) => r.requestId))]).toEqual([key, ids.length, sorted(ids)]);
      expect(JSON.stringify(listed)).not.toMatch(/1[3-9]\d{9}/);
      lists++;
    }
    expect(lists).toBeGreaterThan(15);
    expect(
      (await call(under.api.baseUrl, 'GET', `/api/reports/daily/requests?townId=${townId}&day=${day}&figure=bySource`, { token: hotline })).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'key' });
    expect(
      (await call(under.api.baseUrl, 'GET', `/api/reports/daily/requests?townId=${townId}&day=${day}&figure=everything`, { token: hotline })).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'figure' });

    // The same day as the office prints it.
    const sheet = await fetch(`${under.api.baseUrl}/api/reports/daily.xlsx?townId=${townId}&day=${day}`, { headers: { authorization: `Bearer ${hotline}` } });
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    const book = new Workbook();
    await book.xlsx.load(await sheet.arrayBuffer());
    const cells = new Map<string, unknown>();
    book.worksheets[0]!.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(cells.has('台头镇受理情况通报（2026年10月8日）')).toBe(true);
    expect([
      cells.get('受理诉求'),
      cells.get('按时首次联系'),
      cells.get('超时首次联系'),
      cells.get('办结'),
      cells.get('当日结束时未办结'),
      cells.get('其中超期'),
    ]).toEqual([want.received, want.contactsOnTime, want.contactsLate, want.resolved, want.open, want.overdue.length]);
  });
});
