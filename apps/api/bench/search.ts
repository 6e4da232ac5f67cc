/**
 * 诉求检索 (GET /api/requests/search) and the 工作台 counts (GET /api/me/work) with 1 M matters in
 * MySQL/MariaDB, next to hand-written SQL of the same filter in the same run (docs/benchmarks.md).
 *
 * The database is filled to BENCH_ROWS (1,000,000) matters by the inbox bench's generator
 * (fill-requests.ts: states, dates, timelines over 台头镇's 662 small grids), with texts composed from
 * a place, a problem and a detail (12 × 24 × 12 kinds, numbered) instead of eight fixed ones, so a
 * word is as rare as in a town's real intake. Then, one call after another, BENCH_CALLS (300) each,
 * going round BENCH_VILLAGES (10) villages of 台头镇 (a village's rows are not in the caches of the
 * call before), signed in as 台头镇's hotline staff:
 *   - floor: the hand-written SQL of the filter (village, state closed, received in a 90-day range;
 *     the first page of 50 by received time), through mysql2;
 *   - the search operation with that filter (HTTP), then with two Chinese words added (within a
 *     village they are read with LIKE, text-index.ts), and the two words over the whole town;
 *   - the same two words as SQL: through the text index (as text-index.ts sends it) and as
 *     LIKE '%…%', with the filter and over the whole county (no filter), and a word no matter holds;
 *   - GET /api/me/work.
 * Printed: p50/p95/p99, the EXPLAIN of the floor and of the index query. It asserts nothing.
 *
 *   cd apps/api && npx tsc -p bench/tsconfig.json
 *   BENCH_KEEP=1 BENCH_FILL_ONLY=1 nice -n 19 node bench/dist/bench/search.js   # fill 1 M and keep it (minutes)
 *   BENCH_DB=gridloop_bench_xxxxxxxx node bench/dist/bench/search.js            # time on it (migrated at boot)
 *   BENCH_QUICK=1 BENCH_DB=…                                                      # without the slow rows (~1 min)
 *
 * Server: the argument, else BENCH_MYSQL_URL / TEST_MYSQL_URL / mysql://root@127.0.0.1:3306.
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { chinaDayOf } from '@gridloop/domain';
import { createPool, Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app-factory';
import { loadAppConfig } from '../src/config/app-config';
import { trigramsOf } from '../src/requests/search/text-index';
import { seedDemoIfEmpty } from '../src/seed/seed-demo';
import { createBenchDatabase } from './bench-database';
import { CATEGORIES, fillRequests, type Matter } from './fill-requests';
import { say, whole, runBench } from './bench-io';

const env = process.env;
const ROWS = whole(env.BENCH_ROWS, 1_000_000);
const CALLS = whole(env.BENCH_CALLS, 300);
const VILLAGE_COUNT = whole(env.BENCH_VILLAGES, 10);
const REUSE = env.BENCH_DB || undefined;
/** BENCH_QUICK=1: leave out the rows that read many rows a call (the text index's, and LIKE over all matters). */
const QUICK = env.BENCH_QUICK === '1';
const PAGE = 50;
const DAY = 24 * 3600_000;
/** The two words added to the filter, and a word no generated matter holds. */
const WORDS = ['减速带', '很危险'];
const ABSENT = '护栏断了没人管';

const PLACES = ['村东头', '村西头', '南街', '北街', '小学门口', '卫生室旁边', '文化广场', '大棚区', '村委会门前', '桥头', '老井边', '十字路口'];
const PROBLEMS = [
  '路灯坏了',
  '路灯白天也亮着',
  '自来水水压很低',
  '自来水停了',
  '排水沟堵了',
  '垃圾桶满了没人清运',
  '减速带松动了',
  '井盖丢了',
  '电线垂得太低',
  '路面塌了个坑',
  '狗夜里一直叫',
  '墙上有裂缝',
  '树枝压住了电线',
  '广告牌快掉下来了',
  '有人乱倒建筑垃圾',
  '秸秆在路边焚烧',
  '养老保险认证不会操作',
  '工地拖欠工钱',
  '邻里因为宅基地起了争执',
  '低保材料不知道怎么交',
  '公交站的棚子漏雨',
  '健身器材坏了',
  '河边护栏断了',
  '路边杂草太高挡视线',
];
const DETAILS = [
  '晚上出行不便',
  '老人孩子经过很危险',
  '已经好几天了',
  '下雨后更严重',
  '希望尽快处理',
  '村里人都很着急',
  '电动车经过容易摔',
  '天热有异味',
  '请网格员来看看',
  '之前反映过一次还没解决',
  '影响大棚里的菜',
  '夜里睡不好觉',
];

function composed(n: number, random: () => number): Matter {
  const one = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return {
    category: CATEGORIES[n % CATEGORIES.length]!,
    description: `${one(PLACES)}${one(PROBLEMS)}，${one(DETAILS)}。（${n}）`,
    contactPhone: `139${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`,
  };
}

async function main(): Promise<void> {
  const server = process.argv[2] ?? env.BENCH_MYSQL_URL ?? env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const started = performance.now();
  const db = await createBenchDatabase(server, REUSE);
  say(`${new Date().toISOString()}  ${db.version} at ${db.host}, database ${db.name}; ${os.cpus().length} cores; load average ${load()}`);
  const config = loadAppConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', CLOCK_SWEEP_SECONDS: '0', NOTIFY_POLL_SECONDS: '0' });
  const start = performance.now();
  const app = await createApp({ ...config, database: db.target, demoLogin: true, port: 0 });
  say(`the API started (migrations included) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const pool = createPool({ ...db.options, database: db.name, connectionLimit: 2, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    await seedDemoIfEmpty(app);
    const ds = app.get(DataSource);
    if (!REUSE) {
      const grids = ((await pool.query(`SELECT id FROM org_unit WHERE kind = 'small_grid' AND code LIKE 'SG-TT-%' ORDER BY id`))[0] as { id: number }[]).map(
        (g) => g.id,
      );
      const filled = await fillRequests(pool, grids, ROWS, composed);
      say(`generated ${filled.made.toLocaleString('en')} matters with their timelines in ${filled.seconds.toFixed(0)} s (the text index's triggers included)`);
    }
    say(await sizes(pool));
    if (env.BENCH_FILL_ONLY === '1') return;

    const staff = await signIn(baseUrl, ds, 'hotline_staff', 'SG-TT');
    const villages = (
      await pool.query(`SELECT id, path FROM org_unit WHERE kind = 'village' AND code LIKE 'SG-TT-%' ORDER BY code LIMIT ?`, [VILLAGE_COUNT])
    )[0] as {
      id: number;
      path: string;
    }[];
    const now = Date.now();
    const from = chinaDayOf(new Date(now - 120 * DAY));
    const to = chinaDayOf(new Date(now - 31 * DAY));
    const range = [new Date(`${from}T00:00:00+08:00`), new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY)];
    const filterQuery = (v: number) => `unitId=${villages[v]!.id}&state=closed&receivedFrom=${from}&receivedTo=${to}&limit=${PAGE}`;
    const q = encodeURIComponent(WORDS.join(' '));
    say(
      `\nfilter: a village of 台头镇 (${villages.length} in turn), state closed, received ${from}..${to}; words: ${WORDS.join(' ')}; ${CALLS} calls a row, one after another`,
    );

    const LISTED = 'r.*, u.name AS unitName, h.name AS handlerName';
    const FLOOR = `SELECT ${LISTED} FROM request r JOIN org_unit u ON u.id = r.unitId JOIN org_unit h ON h.id = r.handlerUnitId
      WHERE u.path LIKE ? AND r.state = 'closed' AND r.createdAt >= ? AND r.createdAt < ?`;
    const ORDER = ` ORDER BY r.createdAt DESC, r.id DESC LIMIT ${PAGE + 1}`;
    const like = WORDS.map(() => ' AND r.description LIKE ?').join('');
    const likes = WORDS.map((w) => `%${w}%`);
    const grams = [...new Set(WORDS.flatMap(trigramsOf))].map((g) => `+${g}`).join(' ');
    const INDEXED = ' AND r.id IN (SELECT rt.requestId FROM request_text rt WHERE MATCH(rt.grams) AGAINST (? IN BOOLEAN MODE))';
    const villageArgs = (v: number) => [`${villages[v]!.path}%`, range[0], range[1]];
    const WHOLE = `SELECT ${LISTED} FROM request r JOIN org_unit u ON u.id = r.unitId JOIN org_unit h ON h.id = r.handlerUnitId WHERE 1 = 1`;

    const rows: [string, number[], string][] = [];
    const run = async (label: string, call: (i: number) => Promise<number>, calls = CALLS) => {
      for (let i = 0; i < (calls >= 20 ? 20 : 0); i++) await call(i); // warm-up (not for the few calls of a full scan)
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < calls; i++) {
        const t = performance.now();
        found += await call(i);
        times.push(performance.now() - t);
      }
      rows.push([label, times, `${(found / calls).toFixed(1)} rows an answer; ${calls} calls`]);
      say(`  ${label}: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
    };
    const sql = (text: string, args: (i: number) => unknown[]) => async (i: number) => ((await pool.query(text, args(i)))[0] as unknown[]).length;
    const http = (path: (village: number) => string) => async (i: number) => {
      const res = await fetch(`${baseUrl}${path(i % villages.length)}`, { headers: { authorization: `Bearer ${staff}` } });
      if (res.status !== 200) throw new Error(`${path(i % villages.length)}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { items?: unknown[] };
      return body.items?.length ?? 0;
    };

    await run(
      'floor: hand-written SQL of the filter (mysql2)',
      sql(FLOOR + ORDER, (i) => villageArgs(i % villages.length)),
    );
    await run(
      'API  GET /api/requests/search, the filter',
      http((v) => `/api/requests/search?${filterQuery(v)}`),
    );
    await run(
      'API  GET /api/requests/search, the filter + 2 words',
      http((v) => `/api/requests/search?${filterQuery(v)}&q=${q}`),
    );
    if (!QUICK)
      await run(
        'SQL  the filter + 2 words, text index',
        sql(FLOOR + INDEXED + like + ORDER, (i) => [...villageArgs(i % villages.length), grams, ...likes]),
      );
    await run(
      'SQL  the filter + 2 words, LIKE only',
      sql(FLOOR + like + ORDER, (i) => [...villageArgs(i % villages.length), ...likes]),
    );
    if (!QUICK)
      await run(
        'SQL  2 words over all matters, text index',
        sql(WHOLE + INDEXED + like + ORDER, () => [grams, ...likes]),
      );
    if (!QUICK)
      await run(
        'API  GET /api/requests/search, 2 words, the whole town (text index)',
        http(() => `/api/requests/search?state=closed&limit=${PAGE}&q=${q}`),
      );
    // A full scan of the table a call: a few calls are enough.
    if (!QUICK)
      await run(
        'SQL  2 words over all matters, LIKE only',
        sql(WHOLE + like + ORDER, () => likes),
        Math.min(CALLS, 2),
      );
    const absentGrams = trigramsOf(ABSENT)
      .map((g) => `+${g}`)
      .join(' ');
    await run(
      `SQL  a word nobody wrote (${ABSENT}), text index`,
      sql(WHOLE + INDEXED + ' AND r.description LIKE ?' + ORDER, () => [absentGrams, `%${ABSENT}%`]),
    );
    // A full scan of the table a call: a few calls are enough.
    if (!QUICK)
      await run(
        `SQL  a word nobody wrote (${ABSENT}), LIKE only`,
        sql(WHOLE + ' AND r.description LIKE ?' + ORDER, () => [`%${ABSENT}%`]),
        Math.min(CALLS, 2),
      );
    await run('API  GET /api/me/work (工作台 counts)', async () => {
      const res = await fetch(`${baseUrl}/api/me/work`, { headers: { authorization: `Bearer ${staff}` } });
      if (res.status !== 200) throw new Error(`/api/me/work: ${res.status}`);
      await res.json();
      return 0;
    });

    say(`\nSUMMARY  ${new Date().toISOString().slice(0, 16)} UTC; ${db.version}; ${os.cpus().length} cores; load average ${load()}`);
    say('| measured | p50 | p95 | p99 | max | note |\n| --- | ---: | ---: | ---: | ---: | --- |');
    for (const [label, times, note] of rows)
      say(`| ${label} | ${ms(pct(times, 50))} | ${ms(pct(times, 95))} | ${ms(pct(times, 99))} | ${ms(Math.max(...times))} | ${note} |`);
    const p95 = (label: string) => pct(rows.find(([l]) => l.startsWith(label))?.[1] ?? [], 95);
    const floor = p95('floor');
    const plain = p95('API  GET /api/requests/search, the filter');
    say(
      `\nsearch, the filter: p95 ${ms(plain)} = ${(plain / floor).toFixed(1)} × the floor (targets ≤ 50 ms and ≤ 3 ×); + 2 words: p95 ${ms(p95('API  GET /api/requests/search, the filter + 2'))} (target ≤ 150 ms); 工作台 counts p95 ${ms(p95('API  GET /api/me/work'))} (target ≤ 100 ms)`,
    );
    for (const [label, text, args] of [
      ['floor', FLOOR + ORDER, villageArgs(0)],
      ['the filter + 2 words, text index', FLOOR + INDEXED + like + ORDER, [...villageArgs(0), grams, ...likes]],
    ] as const) {
      const [plan] = await pool.query(`EXPLAIN ${text}`, args as unknown[]);
      say(`EXPLAIN ${label}:`);
      for (const p of plan as Record<string, unknown>[]) say(`  ${p.table}: type ${p.type}, key ${p.key} (${p.key_len}), rows ${p.rows}, ${p.Extra ?? ''}`);
    }
  } finally {
    await pool.end();
    await app.close();
    if (env.BENCH_KEEP === '1' || REUSE) {
      say(`\nkept ${db.name}: drop it by hand`);
      await db.end();
    } else await db.drop();
    say(`the bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

async function signIn(baseUrl: string, ds: DataSource, role: string, codePrefix: string): Promise<string> {
  const [person] = (await ds.query(
    `SELECT r.personId FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.role = ? AND r.endedAt IS NULL AND u.code LIKE ? ORDER BY r.id LIMIT 1`,
    [role, `${codePrefix}%`],
  )) as { personId: number }[];
  const res = await fetch(`${baseUrl}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: person!.personId }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function sizes(pool: Pool): Promise<string> {
  const [[n]] = (await pool.query('SELECT COUNT(*) AS n FROM request')) as unknown as [{ n: number }[]];
  const [tables] = await pool.query(
    "SELECT table_name AS name, data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('request', 'request_text')",
  );
  const mib = (name: string) => (Number((tables as { name: string; bytes: number }[]).find((t) => t.name === name)?.bytes ?? 0) / 2 ** 20).toFixed(0);
  const [[bp]] = (await pool.query('SELECT @@innodb_buffer_pool_size AS size')) as unknown as [{ size: number }[]];
  return `${Number(n!.n).toLocaleString('en')} matters (request ${mib('request')} MiB with indexes, request_text ${mib('request_text')} MiB with its FULLTEXT index); InnoDB buffer pool ${(Number(bp!.size) / 2 ** 20).toFixed(0)} MiB`;
}

function pct(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function ms(n: number): string {
  return `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ms`;
}

function load(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

runBench(main);
