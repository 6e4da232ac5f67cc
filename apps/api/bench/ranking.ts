/**
 * The monthly ranking (办理成绩一月一晾晒) at county scale, against MySQL/MariaDB.
 *
 * A county of BENCH_TOWNS (8) towns shaped like Taitou (662 small grids each) is seeded, then given
 * BENCH_REQUESTS (1,000,000) requests over BENCH_YEARS (2) years of generated activity: the demo's
 * year generator (src/seed/demo-year), scaled up, its rows written by multi-row INSERTs. The app's
 * clock stands at the end of that history (NOW, 25 November 2026). Then, in the same run, for one
 * town and for the county (small grids, through the real HTTP stack):
 *   - the ranking of last month (2026-10): the first call, which counts the three months it shows
 *     (the month, the month before for 环比, the year before for 同比) from the raw rows and keeps
 *     them (RankingStore), then BENCH_RUNS (5) timed calls after one warm-up, served from them;
 *   - the ranking of this month (2026-11, in progress): counted live each call, with the month
 *     before and the year before kept;
 *   - the floor: one hand-written SQL aggregate of last month's figures per handling unit over the
 *     same rows and scope, sent through mysql2.
 * Printed: median and slowest of each, and the ratio ranking / floor. Targets: ≤ 1 s and ≤ 5 × the floor.
 * BENCH_KEEP=1 keeps the filled database; BENCH_DB=<its name> times against it again (migrated
 * to the current code at boot) without refilling, and leaves it.
 *
 *   cd apps/api && npx tsc -p bench/tsconfig.json && node bench/dist/bench/ranking.js [mysql://root@127.0.0.1:3306]
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { chinaMonthRange } from '@gridloop/domain';
import { createPool, Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app-factory';
import { ManualClock } from '../src/common/clock';
import { loadAppConfig } from '../src/config/app-config';
import { buildTown, PeopleFactory, type DemoCounty } from '../src/seed/demo-county';
import { loadActivityTowns, planRows } from '../src/seed/demo-year/year-writer';
import { PER_GRID_PER_YEAR, planActivity } from '../src/seed/demo-year/year-plan';
import { seedCounty } from '../src/seed/seed-demo';
import { ReportRepository } from '../src/reports/report.repository';
import { createBenchDatabase } from './bench-database';
import { say, whole, runBench } from './bench-io';

const env = process.env;
const TOWNS = whole(env.BENCH_TOWNS, 8);
const REQUESTS = whole(env.BENCH_REQUESTS, 1_000_000);
const YEARS = whole(env.BENCH_YEARS, 2);
const RUNS = whole(env.BENCH_RUNS, 5);
const REUSE = env.BENCH_DB || undefined;
const BATCH = 5_000;
const NOW = new Date('2026-11-25T10:00:00+08:00');

async function main(): Promise<void> {
  const server = process.argv[2] ?? env.BENCH_MYSQL_URL ?? env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const started = performance.now();
  const db = await createBenchDatabase(server, REUSE);
  say(
    `${db.version} at ${db.host}, database ${db.name}; ${os.cpus().length} cores; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  // The app's clock stands at NOW, the end of the generated history: last month is over, this one is not.
  // No sweeper: it would keep last month in the background while the first call is being timed.
  const config = loadAppConfig({ LOG_LEVEL: 'silent' });
  const app = await createApp({ ...config, database: db.target, port: 0, clock: new ManualClock(NOW), clocks: { ...config.clocks, sweepSeconds: 0 } });
  const pool = createPool({ ...db.options, database: db.name, connectionLimit: 2, dateStrings: false, timezone: 'Z' });
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const ds = app.get(DataSource);
    if (!REUSE) await fill(ds, pool);
    const month = chinaMonthRange(chinaMonthRange('2026-11').label, 1);
    const first = async (sql: string) => ((await pool.query(sql))[0] as { id: number; path: string }[])[0]!;
    const county = await first("SELECT id, path FROM org_unit WHERE kind = 'county'");
    const town = await first("SELECT id, path FROM org_unit WHERE kind = 'town' ORDER BY id LIMIT 1");
    const current = chinaMonthRange('2026-11');
    say(
      `\nthe ranking (small grids) on ${NOW.toISOString()}: ${month.label}, over (its three months kept once counted), and ${current.label}, in progress (counted live; the month before and the year before kept)`,
    );
    const rows: [string, number[]][] = [];
    for (const [label, scope] of [
      ['town', town],
      ['county', county],
    ] as const) {
      const board = (of: string) => async () => {
        const url = `${baseUrl}/api/public/reports/ranking?townId=${scope.id}&month=${of}&level=small_grid`;
        const res = await fetch(url);
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        await res.json();
      };
      // Nothing kept yet: the first call counts the three months from the raw rows and keeps them.
      await pool.query('DELETE FROM ranking_month_count');
      await pool.query('DELETE FROM ranking_month');
      const firstCall = await once(board(month.label));
      const kept = await timed(board(month.label));
      const live = await timed(board(current.label));
      const floor = await timed(() => pool.query(FLOOR_SQL, [month.end, month.end, month.end, month.start, month.end, `${scope.path}%`]));
      rows.push(
        [`ranking ${month.label}, ${label} (HTTP; kept months)`, kept],
        [`ranking ${month.label}, ${label}, first call (counts 3 months, keeps them)`, [firstCall]],
        [`ranking ${current.label}, ${label} (HTTP; this month live)`, live],
        [`floor ${month.label}, ${label} (one SQL aggregate)`, floor],
      );
      say(
        `  ${label}: ${month.label} median ${ms(median(kept))} (first call ${ms(firstCall)}); ${current.label} median ${ms(median(live))}; floor median ${ms(median(floor))}; ratios ${(median(kept) / median(floor)).toFixed(2)}× and ${(median(live) / median(floor)).toFixed(2)}× (targets ≤ 1,000 ms and ≤ 5×)`,
      );
    }
    // Where the time goes: one period counted from the raw rows, for the town alone and for every unit.
    let start = performance.now();
    await app.get(ReportRepository).periodCounts(town.path, month, month.end);
    say(`  one month's counts for the town alone: ${ms(performance.now() - start)}`);
    start = performance.now();
    await app.get(ReportRepository).allUnitsCounts(month, month.end);
    say(`  one month's counts for every unit (what is kept): ${ms(performance.now() - start)}`);
    say('\n| measured | median | slowest |\n| --- | ---: | ---: |');
    for (const [label, times] of rows) say(`| ${label} | ${ms(median(times))} | ${ms(Math.max(...times))} |`);
  } finally {
    await pool.end();
    await app.close();
    if (env.BENCH_KEEP === '1' || REUSE) {
      say(`\nkept ${db.name}: drop it by hand`);
      await db.end();
    } else await db.drop();
    say(`\n${db.name} done; the bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

/**
 * The floor: the month's figures per handling unit in one statement (the same definitions as
 * docs/reports.md for what one pass over the month's steps can count), for comparison only.
 */
const FLOOR_SQL = `
SELECT e.handlerUnitId,
  SUM(e.action = 'submit' AND NOT EXISTS (SELECT 1 FROM request_event m WHERE m.requestId = e.requestId AND m.action = 'merge' AND m.createdAt < ?)) AS received,
  SUM(e.action = 'submit' AND r.source = 'patrol') AS patrolFound,
  SUM(e.action = 'resolve' AND (e.dueAt IS NULL OR e.createdAt <= e.dueAt)) AS closedOnTime,
  SUM(e.action = 'resolve' AND e.createdAt > e.dueAt) AS closedLate,
  SUM(e.action = 'rate' AND e.rating = 'satisfied') AS satisfied,
  SUM(e.action = 'rate' AND e.rating = 'basically_satisfied') AS basicallySatisfied,
  SUM(e.action = 'rate' AND e.rating = 'dissatisfied') AS dissatisfied,
  SUM(e.action IN ('reopen', 'sendBack')) AS rehandled,
  SUM(e.action = 'submit' AND EXISTS (SELECT 1 FROM request_event x WHERE x.requestId = e.requestId AND x.action = 'resolve' AND x.createdAt < ?)) AS resolved,
  SUM(e.action = 'submit' AND EXISTS (SELECT 1 FROM request_event x WHERE x.requestId = e.requestId AND x.action = 'withdraw' AND x.createdAt < ?)) AS withdrawn
FROM request_event e
JOIN request r ON r.id = e.requestId
JOIN org_unit u ON u.id = e.handlerUnitId
WHERE e.action IN ('submit', 'resolve', 'rate', 'reopen', 'sendBack') AND e.createdAt >= ? AND e.createdAt < ? AND u.path LIKE ?
GROUP BY e.handlerUnitId`;

/** The county, its towns, then a generated history of REQUESTS matters over YEARS years. */
async function fill(ds: DataSource, pool: Pool): Promise<void> {
  let t = performance.now();
  const people = new PeopleFactory('0700');
  const county: DemoCounty = {
    code: 'BC',
    name: '基准市',
    admin: people.person(),
    towns: Array.from({ length: TOWNS }, (_, i) => buildTown(people, `BC-T${i + 1}`, `基准${i + 1}镇`, { villages: 41, largeGrids: 46, smallGrids: 662 })),
  };
  await seedCounty(ds, county);
  const towns = await ds.transaction((manager) => loadActivityTowns(manager));
  say(`seeded ${TOWNS} towns (${towns.reduce((n, tw) => n + tw.activity.grids.length, 0)} small grids) in ${secs(t)}`);
  t = performance.now();
  const perGridYear = Object.values(PER_GRID_PER_YEAR).reduce((a, b) => a + b, 0);
  const grids = towns.reduce((n, tw) => n + tw.activity.grids.length, 0);
  const scale = REQUESTS / (grids * YEARS * perGridYear);
  let nextRequest = 1;
  let nextEvent = 1;
  for (const [i, town] of towns.entries()) {
    const plan = planActivity([town.activity], {
      from: new Date(NOW.getTime() - YEARS * 365 * 24 * 3600_000),
      to: NOW,
      seed: 1000 + i,
      scale,
      orderNoPrefix: `BC${i + 1}-`,
    });
    const rows = planRows(plan, nextRequest, nextEvent);
    nextRequest += rows.requests.length;
    nextEvent += rows.events.length;
    await insertRows(pool, 'request', rows.requests);
    await insertRows(pool, 'request_event', rows.events);
    await insertRows(pool, 'request_follower', rows.followers);
    say(`  town ${i + 1}: ${rows.requests.length} requests, ${rows.events.length} timeline rows (${secs(t)} so far)`);
  }
  await pool.query('ANALYZE TABLE request, request_event, org_unit');
  say(`filled ${nextRequest - 1} requests and ${nextEvent - 1} timeline rows (scale ${scale.toFixed(1)} × the article's Taitou) in ${secs(t)}`);
}

async function insertRows(pool: Pool, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((row) => columns.map((c) => row[c] ?? null));
    await pool.query(`INSERT INTO ${table} (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [values]);
  }
}

async function once(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
const ms = (n: number) => `${n.toFixed(0)} ms`;
const secs = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

runBench(main);
