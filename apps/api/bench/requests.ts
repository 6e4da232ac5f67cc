/**
 * Requests on MariaDB/MySQL, against the closed-loop targets: create throughput through the real API
 * next to raw mysql2 inserts of the same rows in the same run (target: API/raw ≥ 0.5), and a grid
 * leader's inbox with 1,000,000 requests in the database (target: p95 ≤ 10 ms).
 *
 *   cd apps/api && npx tsc -p bench/tsconfig.json && node bench/dist/bench/requests.js [mysql://root@127.0.0.1:3306]
 *
 * Server: the argument, else BENCH_MYSQL_URL / TEST_MYSQL_URL / mysql://root@127.0.0.1:3306. A fresh
 * database `gridloop_bench_<random>` is made there and dropped at the end (also on failure or Ctrl-C).
 *
 *  1. The API runs in a child process (as in production; the load generator would otherwise share its
 *     event loop), built with createApp and the demo county seeded. BENCH_CLIENTS (100) villagers are
 *     made, signed in (demo login) and given homes spread over 台头镇's 662 small grids.
 *  2. create: BENCH_CLIENTS concurrent keep-alive clients, closed loop (each sends its next request
 *     when the last one is answered), POST /api/requests until BENCH_CREATE_TOTAL (20,000) are in,
 *     after BENCH_WARMUP (2,000) untimed. Then raw: as many concurrent workers insert the same rows
 *     (the request and its first timeline row in one transaction, as the API does) through a mysql2
 *     pool of 20 connections, the API's pool size. For scale, GET /api/health (no sign-in) and
 *     GET /api/me (signed in) at the same concurrency.
 *  3. inbox: the database is filled to BENCH_INBOX_ROWS (1,000,000) requests with their timelines by
 *     multi-row INSERTs, then analysed. Ids follow creation time (as AUTO_INCREMENT does) over two
 *     years: the older nine tenths are closed, withdrawn or merged, the last three weeks' tenth is open
 *     (spread over the 662 small grids: ~150 open a grid, so each inbox is a full page of 100).
 *     GET /api/requests/inbox is called one call after another BENCH_INBOX_CALLS (1,000) times:
 *     "cold" going round BENCH_INBOX_LEADERS (200) grid leaders, "warm" over 10 leaders called once
 *     before. Then the SQL RequestRepository.inbox sends (captured from TypeORM) alone through mysql2,
 *     and its EXPLAIN.
 *
 * Printed at the end: one table with the figures and, per row, the CPU a call of the API process, the
 * database server and this process (the load generator, sharing the cores), SQL statements a call (server-wide) and InnoDB pages read from disk a call; a row is flagged when other
 * processes on the machine took a fifth of a core or more meanwhile. BENCH_SKIP_INBOX=1: create only.
 * BENCH_DELIVERY=1: the API runs its outbox worker meanwhile (off by default, as the clocks' sweep is).
 * BENCH_GZIP=1: the load generator asks for gzip, as phones do (the answers are then compressed).
 * BENCH_PROFILE=<dir>: the API process writes a V8 CPU profile of each timed phase there
 * (<phase>.cpuprofile; open in Chrome DevTools). About 5 minutes on a quiet 2-core machine at the defaults.
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Session } from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTACT_MINUTES, contactDeadline, REQUEST_STATES } from '@gridloop/domain';
import { createPool, Pool } from 'mysql2/promise';
import { DataSource, Logger as OrmLogger } from 'typeorm';
import { createApp } from '../src/app-factory';
import { loadAppConfig } from '../src/config/app-config';
import { DatabaseTarget } from '../src/config/database-url';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { dataSourceOptions } from '../src/database/data-source-options';
import { RequestRepository } from '../src/requests/request.repository';
import { seedDemoIfEmpty } from '../src/seed/seed-demo';
import { fillRequests, matter } from './fill-requests';
import { say, whole, runBench } from './bench-io';

const env = process.env;
const CLIENTS = whole(env.BENCH_CLIENTS, 100);
const CREATE_TOTAL = whole(env.BENCH_CREATE_TOTAL, 20_000);
const WARMUP = whole(env.BENCH_WARMUP, 2_000);
const API_POOL = 20; // data-source-options.ts: extra.connectionLimit
const INBOX_ROWS = whole(env.BENCH_INBOX_ROWS, 1_000_000);
const INBOX_LEADERS = whole(env.BENCH_INBOX_LEADERS, 200);
const INBOX_CALLS = whole(env.BENCH_INBOX_CALLS, 1_000);
const INBOX_WARM_LEADERS = 10;
const INBOX_LIMIT = 50; // RequestsService INBOX_PAGE: the first page a grid leader's phone asks for
/** As RequestsService: open means not closed, withdrawn or merged. */
const OPEN_STATES = REQUEST_STATES.filter((s) => !['closed', 'withdrawn', 'merged'].includes(s));
interface Villager {
  personId: number;
  token: string;
  homeUnitId: number;
  /** Who handles a matter raised in the home grid: the raw baseline tells them too, as the API does. */
  handlerIds: number[];
}

interface Leader {
  personId: number;
  unitId: number;
  token: string;
}

/** One timed phase: its latencies and what the machine did meanwhile. */
interface Phase {
  count: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** API process CPU seconds in the phase (null: not measured, e.g. SQL alone). */
  apiCpu: number | null;
  /** CPU seconds of the database server, and of this process (the load generator), in the phase. */
  databaseCpu: number;
  benchCpu: number;
  statements: number;
  diskReads: number;
  /** Busy cores taken by processes other than the bench, the API and the database server. */
  others: number;
}

interface Row {
  label: string;
  phase: Phase;
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<void> {
  if (process.argv[2] === '--serve') return serve();
  const server = process.argv[2] ?? env.BENCH_MYSQL_URL ?? env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const started = performance.now();
  const db = await createBenchDatabase(server);
  say(
    `${db.version} at ${db.host}, database ${db.name}; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  let api: RunningApi | undefined;
  // Ctrl-C or a kill: stop the API and drop the database all the same.
  const abort = (signal: string) =>
    void (async () => {
      say(`\n${signal}: stopping`);
      await api?.stop().catch(() => undefined);
      await db.drop().catch(() => undefined);
      say(`dropped ${db.name}`);
      process.exit(130);
    })();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    api = await startApi(db.target);
    await benchmark(db, api);
  } finally {
    await api?.stop().catch((error: unknown) => say(`stopping the API: ${(error as Error).message}`));
    await db.drop();
    say(`\ndropped ${db.name}; the bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

async function benchmark(db: BenchDatabase, api: RunningApi): Promise<void> {
  const pool = (connectionLimit: number): Pool =>
    createPool({ ...db.options, database: db.name, connectionLimit, maxIdle: connectionLimit, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const setup = pool(4);
  const meter = new Meter(setup, api);
  const rows: Row[] = [];
  const progress = (row: Row) => {
    rows.push(row);
    say(
      `  ${row.label}: ${fmtRate(row.phase)}, p50 ${fmtMs(pct(row.phase, 50))}, p99 ${fmtMs(pct(row.phase, 99))}${row.phase.errors ? `, ${row.phase.errors} ERRORS` : ''}`,
    );
  };
  try {
    const grids = await taitouSmallGrids(setup);
    const villagers = await prepareVillagers(setup, api, grids);
    say(`seeded the demo county; ${villagers.length} villagers signed in, homes spread over 台头镇's ${grids.length} small grids`);

    say(`\ncreate: ${CLIENTS} concurrent clients, ${CREATE_TOTAL.toLocaleString('en')} requests each (after ${WARMUP.toLocaleString('en')} untimed)`);
    await apiCreate(meter, villagers, WARMUP, 'warm');
    const apiRun = { label: 'API  POST /api/requests', phase: await meter.phase('create-api', () => apiCreate(meter, villagers, CREATE_TOTAL, 'api')) };
    progress(apiRun);
    const raw = pool(API_POOL);
    let rawRun: Row;
    try {
      await rawCreate(meter, raw, villagers, WARMUP, 'rawwarm');
      rawRun = { label: `raw  mysql2, pool ${API_POOL}`, phase: await meter.phase(null, () => rawCreate(meter, raw, villagers, CREATE_TOTAL, 'raw'), false) };
      progress(rawRun);
    } finally {
      await raw.end();
    }
    const references = Math.max(100, Math.floor(CREATE_TOTAL / 4));
    progress({ label: 'ref  GET /api/health', phase: await meter.phase('health', () => apiGet(meter, villagers, references, '/api/health')) });
    progress({ label: 'ref  GET /api/me', phase: await meter.phase('me', () => apiGet(meter, villagers, references, '/api/me')) });
    const ratio = apiRun.phase.count / apiRun.phase.seconds / (rawRun.phase.count / rawRun.phase.seconds);

    let inbox: { summary: string; cold: Phase; warm: Phase; explain: string[]; sql: string } | undefined;
    if (env.BENCH_SKIP_INBOX !== '1') {
      const filled = await fillRequests(setup, grids, INBOX_ROWS);
      say(`\ninbox: generated ${filled.made.toLocaleString('en')} requests and their timelines in ${filled.seconds.toFixed(0)} s`);
      const summary = await inboxData(setup);
      say(`  ${summary}`);
      const leaders = await gridLeaders(setup, api, INBOX_LEADERS);
      const warmLeaders = leaders.slice(0, INBOX_WARM_LEADERS);
      const sizes = { min: Infinity, max: 0, calls: 0, items: 0, bytes: 0 };
      const call = async (leader: Leader) => {
        const res = await http(api, 'GET', '/api/requests/inbox', leader.token);
        if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`inbox: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        sizes.min = Math.min(sizes.min, res.body.length);
        sizes.max = Math.max(sizes.max, res.body.length);
        sizes.calls++;
        sizes.items += res.body.length;
        sizes.bytes += res.bytes;
      };
      for (let i = 0; i < 20; i++) await call(warmLeaders[i % warmLeaders.length]!); // JIT, connections
      const cold = {
        label: `HTTP inbox, cold (${leaders.length} leaders in turn)`,
        phase: await meter.phase('inbox-cold', () => sequential(meter, INBOX_CALLS, (i) => call(leaders[(i * 7) % leaders.length]!))),
      };
      progress(cold);
      for (const leader of warmLeaders) await call(leader);
      const warm = {
        label: `HTTP inbox, warm (${warmLeaders.length} leaders)`,
        phase: await meter.phase('inbox-warm', () => sequential(meter, INBOX_CALLS, (i) => call(warmLeaders[i % warmLeaders.length]!))),
      };
      progress(warm);
      const sql = await inboxSql(db, setup, meter, leaders, warmLeaders);
      for (const row of sql.rows) progress(row);
      inbox = {
        summary: `${summary}; ${sizes.min === sizes.max ? sizes.min : `${sizes.min}–${sizes.max}`} requests an answer (at most ${INBOX_LIMIT}), on average ${(sizes.items / sizes.calls).toFixed(0)} in ${(sizes.bytes / sizes.calls / 1024).toFixed(0)} KiB of JSON${GZIP ? ' gzipped' : ''}`,
        cold: cold.phase,
        warm: warm.phase,
        explain: sql.explain,
        sql: sql.sql,
      };
    }

    // ── the summary ──
    say(
      `\n${'═'.repeat(100)}\nSUMMARY  ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${db.version}; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? '?'})`,
    );
    say(`create: ${CLIENTS} concurrent clients, ${CREATE_TOTAL.toLocaleString('en')} requests a run`);
    if (inbox) say(`inbox: ${inbox.summary}; ${INBOX_CALLS.toLocaleString('en')} calls one after another`);
    say('');
    table(rows);
    say('');
    say(`API/raw create throughput: ${ratio.toFixed(2)}   target ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'}`);
    if (inbox) {
      const p95 = Math.max(pct(inbox.cold, 95), pct(inbox.warm, 95));
      say(
        `inbox p95: cold ${fmtMs(pct(inbox.cold, 95))}, warm ${fmtMs(pct(inbox.warm, 95))}   target ≤ 10 ms: ${p95 <= 10 ? 'met' : pct(inbox.warm, 95) <= 10 ? 'met warm, MISSED cold' : 'MISSED'}`,
      );
      say(`\nthe inbox query, as TypeORM sends it:\n  ${inbox.sql}\nEXPLAIN:`);
      for (const line of inbox.explain) say(`  ${line}`);
    }
    const disturbed = rows.filter((r) => r.phase.others >= 0.2);
    if (disturbed.length > 0)
      say(
        `\n⚠ other processes took ≥ 0.2 cores during: ${disturbed.map((r) => `${r.label.trim()} (${r.phase.others.toFixed(2)})`).join('; ')}. Run again on a quiet machine.`,
      );
  } finally {
    await setup.end();
  }
}

function table(rows: readonly Row[]): void {
  const header = ['', 'calls', 'per s', 'p50', 'p95', 'p99', 'max', 'API CPU/call', 'DB CPU/call', 'bench CPU/call', 'SQL/call', 'disk reads/call'];
  const lines = rows.map(({ label, phase }) => [
    label + (phase.others >= 0.2 ? ' ⚠' : ''),
    `${phase.count}${phase.errors ? ` (${phase.errors} failed)` : ''}`,
    (phase.count / phase.seconds).toFixed(0),
    fmtMs(pct(phase, 50)),
    fmtMs(pct(phase, 95)),
    fmtMs(pct(phase, 99)),
    fmtMs(pct(phase, 100)),
    phase.apiCpu === null ? '' : fmtMs((phase.apiCpu / Math.max(1, phase.count)) * 1000),
    fmtMs((phase.databaseCpu / Math.max(1, phase.count)) * 1000),
    fmtMs((phase.benchCpu / Math.max(1, phase.count)) * 1000),
    (phase.statements / Math.max(1, phase.count)).toFixed(1),
    (phase.diskReads / Math.max(1, phase.count)).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]!))));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  say(render(header));
  for (const line of lines) say(render(line));
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

// ───────────────────────────── the API ─────────────────────────────

interface RunningApi {
  baseUrl: string;
  pid: number;
  /** Starts (label) or stops (null) a CPU profile in the API process when BENCH_PROFILE is set. */
  profile(label: string | null): Promise<void>;
  stop(): Promise<void>;
}

/** Child process: runs the API until told to stop. */
async function serve(): Promise<void> {
  // No outbox worker (BENCH_DELIVERY=1: with it): it sends the messages each create (API or raw)
  // queues, after commit, in this process; timed with the creates, it took ~0.35 ms of CPU a
  // message in both runs, the raw one's included. What is timed here is the calls.
  // No clocks' sweep: the bench's 1 M-row fill is dated in the past, so the sweep would count the
  // ranking's kept months again in the middle of the inbox runs (and push the inbox's pages out of
  // the buffer pool); what is timed here is the calls.
  // Each villager sends a few hundred matters in minutes: far past the hourly limit a person has.
  const config = loadAppConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    REQUEST_HOURLY_LIMIT_PER_PERSON: '1000000000',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    CLOCK_SWEEP_SECONDS: '0',
    NOTIFY_POLL_SECONDS: env.BENCH_DELIVERY === '1' ? '5' : '0',
  });
  const app = await createApp({ ...config, database: JSON.parse(env.BENCH_DATABASE ?? '') as DatabaseTarget, demoLogin: true, port: 0 });
  await app.listen(0, '127.0.0.1');
  await seedDemoIfEmpty(app);
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<any>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  let profiling: string | null = null;
  process.on('message', (message: { kind: string; label?: string | null }) => {
    if (message.kind === 'stop') void app.close().then(() => process.exit(0));
    if (message.kind === 'profile') {
      void (async () => {
        if (profiling) {
          const { profile } = await post('Profiler.stop');
          fs.mkdirSync(env.BENCH_PROFILE!, { recursive: true });
          fs.writeFileSync(path.join(env.BENCH_PROFILE!, `${profiling}.cpuprofile`), JSON.stringify(profile));
          profiling = null;
        }
        if (message.label) {
          await post('Profiler.enable');
          await post('Profiler.start');
          profiling = message.label;
        }
        process.send?.({ kind: 'profiled' });
      })();
    }
  });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
  process.send?.({ kind: 'ready', baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` });
}

async function startApi(database: DatabaseTarget): Promise<RunningApi> {
  const child: ChildProcess = fork(__filename, ['--serve'], {
    env: { ...env, BENCH_DATABASE: JSON.stringify(database) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API process exited (${code}) before it was ready`)));
    child.on('message', (m: { kind: string; baseUrl?: string }) => m.kind === 'ready' && resolve(m.baseUrl!));
  });
  return {
    baseUrl,
    pid: child.pid!,
    profile: async (label) => {
      if (!env.BENCH_PROFILE) return;
      const done = new Promise<void>((resolve) =>
        child.on('message', function once(m: { kind: string }) {
          if (m.kind !== 'profiled') return;
          child.off('message', once);
          resolve();
        }),
      );
      child.send({ kind: 'profile', label });
      await done;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ kind: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * One call over node:http with a keep-alive agent (a connection per concurrent client). Not
 * `fetch`: its per-call cost in this process (~0.8 ms of CPU against ~0.3 ms) would come out of
 * the same two cores the API and the database share.
 */
const agent = new HttpAgent({ keepAlive: true, maxSockets: Infinity });
/** BENCH_GZIP=1: ask for gzip as phones do (the API's HTTP_COMPRESSION), and unzip the answers. */
const GZIP = env.BENCH_GZIP === '1';

function http(api: RunningApi, method: string, urlPath: string, token: string, body?: unknown): Promise<{ status: number; body: any; bytes: number }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${api.baseUrl}${urlPath}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(GZIP ? { 'accept-encoding': 'gzip' } : {}),
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          try {
            const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire).toString('utf8');
            // bytes: as they came over the wire (gzipped when asked for and answered so).
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, bytes: wire.length });
          } catch (error) {
            reject(error as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function demoLogin(api: RunningApi, personId: number): Promise<string> {
  const res = await fetch(`${api.baseUrl}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken) throw new Error(`demo login for ${personId}: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

// ───────────────────────────── setup ─────────────────────────────

async function taitouSmallGrids(pool: Pool): Promise<number[]> {
  const [rows] = await pool.query(
    `SELECT g.id FROM org_unit g JOIN org_unit t ON g.path LIKE CONCAT(t.path, '%') WHERE t.code = 'SG-TT' AND g.kind = 'small_grid' ORDER BY g.id`,
  );
  const ids = (rows as { id: number }[]).map((r) => Number(r.id));
  if (ids.length !== 662) throw new Error(`expected 662 small grids in 台头镇, found ${ids.length}`);
  return ids;
}

/** Villagers are not on the roster (the demo login lists only roster people): made here, then signed in. */
async function prepareVillagers(pool: Pool, api: RunningApi, grids: readonly number[]): Promise<Villager[]> {
  const villagers: Villager[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const [result] = await pool.query('INSERT INTO person (name, phone, homeUnitId) VALUES (?, NULL, NULL)', [`村民${String(i + 1).padStart(3, '0')}`]);
    const personId = (result as { insertId: number }).insertId;
    const token = await demoLogin(api, personId);
    const homeUnitId = grids[Math.floor((i * grids.length) / CLIENTS)]!;
    const home = await http(api, 'PUT', '/api/me/home-unit', token, { unitId: homeUnitId });
    if (home.status !== 200) throw new Error(`home unit for ${personId}: ${home.status} ${JSON.stringify(home.body)}`);
    const [handlers] = await pool.query(
      `SELECT personId FROM role_assignment WHERE endedAt IS NULL AND unitId = ? AND role IN ('grid_leader', 'deputy_grid_leader', 'village_secretary', 'department_handler', 'hotline_staff')`,
      [homeUnitId],
    );
    villagers.push({ personId, token, homeUnitId, handlerIds: (handlers as { personId: number }[]).map((h) => Number(h.personId)) });
  }
  return villagers;
}

// ───────────────────────────── create ─────────────────────────────

/** CLIENTS workers take numbers from one counter until `total` are done, each call timed. */
async function closedLoop(meter: Meter, total: number, work: (n: number, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      for (let n = next++; n < total; n = next++) await meter.time(() => work(n, worker));
    }),
  );
}

function apiCreate(meter: Meter, villagers: readonly Villager[], total: number, tag: string): Promise<void> {
  const run = randomBytes(3).toString('hex');
  return closedLoop(meter, total, async (n, worker) => {
    const res = await http(meter.api, 'POST', '/api/requests', villagers[worker % villagers.length]!.token, {
      clientRequestId: `${tag}-${run}-${n}`,
      ...matter(n),
    });
    if (res.status !== 201 || res.body?.state !== 'submitted') throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  });
}

function apiGet(meter: Meter, villagers: readonly Villager[], total: number, urlPath: string): Promise<void> {
  return closedLoop(meter, total, async (_, worker) => {
    const res = await http(meter.api, 'GET', urlPath, villagers[worker % villagers.length]!.token);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  });
}

const REQUEST_INSERT =
  'INSERT INTO request (unitId, handlerUnitId, requesterPersonId, submitterPersonId, source, clientRequestId, category, description, addressNote, contactPhone, confidential, state, complexity, contactDueAt, firstContactDueAt, contactLate, completionLate, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, NULL, ?, ?, 0, 0, 1, ?, ?)';
const EVENT_INSERT =
  'INSERT INTO request_event (requestId, action, fromState, toState, actorPersonId, note, public, handlerUnitId, dueAt, createdAt) VALUES (?, ?, NULL, ?, ?, NULL, 1, ?, ?, ?)';
const TIMER_INSERT = "INSERT INTO request_timer (requestId, clock, dueAt, stage, rung, nextFireAt) VALUES (?, 'contact', ?, 'new', 0, ?)";
const NOTIFICATION_INSERT =
  "INSERT INTO notification (personId, kind, requestId, title, body, createdAt, readAt) VALUES (?, 'assigned', ?, '有新的诉求待办理', ?, ?, NULL)";
const DELIVERY_INSERT =
  "INSERT INTO notification_delivery (notificationId, channel, state, attempts, nextAttemptAt, lastError, sentAt, createdAt) VALUES (?, 'wechat_subscribe', 'pending', 0, ?, NULL, NULL, ?)";

/**
 * The rows the API's submit writes, without the API, in one transaction: the request, its first
 * timeline row, its clock's timer, and for each handler of the grid a message and its outbox row.
 */
function rawCreate(meter: Meter, pool: Pool, villagers: readonly Villager[], total: number, tag: string): Promise<void> {
  const run = randomBytes(3).toString('hex');
  return closedLoop(meter, total, async (n, worker) => {
    const villager = villagers[worker % villagers.length]!;
    const m = matter(n);
    const now = new Date();
    const connection = await pool.getConnection();
    try {
      await connection.beginTransaction();
      const due = contactDeadline(now, CONTACT_MINUTES);
      const [inserted] = await connection.query(REQUEST_INSERT, [
        villager.homeUnitId,
        villager.homeUnitId,
        villager.personId,
        villager.personId,
        'villager',
        `${tag}-${run}-${n}`,
        m.category,
        m.description.trim(),
        m.contactPhone,
        'submitted',
        due,
        due,
        now,
        now,
      ]);
      const requestId = (inserted as { insertId: number }).insertId;
      await connection.query(EVENT_INSERT, [requestId, 'submit', 'submitted', villager.personId, villager.homeUnitId, due, now]);
      await connection.query(TIMER_INSERT, [requestId, due, now]);
      for (const handlerId of villager.handlerIds) {
        const [notification] = await connection.query(NOTIFICATION_INSERT, [
          handlerId,
          requestId,
          `基础设施类诉求 #${requestId}：请在${due.toISOString()}前联系群众`,
          now,
        ]);
        await connection.query(DELIVERY_INSERT, [(notification as { insertId: number }).insertId, now, now]);
      }
      await connection.commit();
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  });
}

async function inboxData(pool: Pool): Promise<string> {
  const [[n]] = (await pool.query(`SELECT COUNT(*) AS total, SUM(state IN (?)) AS open FROM request`, [OPEN_STATES])) as unknown as [
    { total: number; open: number }[],
  ];
  const [sizes] = await pool.query(
    "SELECT table_name AS name, data_length + index_length AS bytes FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('request', 'request_event') ORDER BY table_name",
  );
  const [[events]] = (await pool.query('SELECT COUNT(*) AS n FROM request_event')) as unknown as [{ n: number }[]];
  const [[bp]] = (await pool.query('SELECT @@innodb_buffer_pool_size AS size')) as unknown as [{ size: number }[]];
  const mib = (name: string) => (Number((sizes as { name: string; bytes: number }[]).find((s) => s.name === name)?.bytes ?? 0) / 2 ** 20).toFixed(0);
  return (
    `${Number(n!.total).toLocaleString('en')} requests (${Number(n!.open).toLocaleString('en')} open; ${mib('request')} MiB with indexes), ` +
    `${Number(events!.n).toLocaleString('en')} timeline rows (${mib('request_event')} MiB); InnoDB buffer pool ${(Number(bp!.size) / 2 ** 20).toFixed(0)} MiB`
  );
}

// ───────────────────────────── inbox ─────────────────────────────

/** Grid leaders of `count` small grids of 台头镇, spread evenly over them, signed in. */
async function gridLeaders(pool: Pool, api: RunningApi, count: number): Promise<Leader[]> {
  const [rows] = await pool.query(
    `SELECT r.personId, r.unitId FROM role_assignment r JOIN org_unit g ON g.id = r.unitId JOIN org_unit t ON g.path LIKE CONCAT(t.path, '%')
      WHERE t.code = 'SG-TT' AND r.role = 'grid_leader' AND r.endedAt IS NULL ORDER BY r.unitId`,
  );
  const all = rows as { personId: number; unitId: number }[];
  const n = Math.min(count, all.length);
  const leaders: Leader[] = [];
  for (let i = 0; i < n; i++) {
    const row = all[Math.floor((i * all.length) / n)]!;
    leaders.push({ personId: Number(row.personId), unitId: Number(row.unitId), token: await demoLogin(api, Number(row.personId)) });
  }
  return leaders;
}

/** One call after another (a leader opening the app), each timed. */
async function sequential(meter: Meter, total: number, work: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < total; i++) await meter.time(() => work(i));
}

/** The SQL RequestRepository.inbox sends (captured from TypeORM), timed alone through mysql2, and its EXPLAIN. */
async function inboxSql(
  db: BenchDatabase,
  pool: Pool,
  meter: Meter,
  leaders: readonly Leader[],
  warmLeaders: readonly Leader[],
): Promise<{ rows: Row[]; explain: string[]; sql: string }> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const ignore = () => undefined;
  const logger: OrmLogger = {
    logQuery: (sql, params) => void captured.push({ sql, params: Array.isArray(params) ? params : [] }),
    logQueryError: ignore,
    logQuerySlow: ignore,
    logSchemaBuild: ignore,
    logMigration: ignore,
    log: ignore,
  };
  const dataSource = new DataSource({ ...dataSourceOptions(db.target), logging: ['query'], logger } as never);
  await dataSource.initialize();
  try {
    await new RequestRepository(dataSource).inbox(leaders[0]!.personId, [leaders[0]!.unitId], OPEN_STATES, INBOX_LIMIT);
  } finally {
    await dataSource.destroy();
  }
  const query = captured.find((q) => /FROM `?request`? /.test(q.sql));
  if (!query) throw new Error(`RequestRepository.inbox sent no query on request: ${JSON.stringify(captured)}`);
  // The caller (do they follow a row?) comes before the handler units in the parameters.
  const viewerParam = query.params.indexOf(leaders[0]!.personId);
  const unitParam = query.params.indexOf(leaders[0]!.unitId, viewerParam + 1);
  const paramsFor = (leader: Leader) => query.params.map((p, i) => (i === unitParam ? leader.unitId : i === viewerParam ? leader.personId : p));
  const connection = await pool.getConnection();
  try {
    const run = (leader: Leader) => connection.query(query.sql, paramsFor(leader)).then(() => undefined);
    const cold = await meter.phase(null, () => sequential(meter, INBOX_CALLS, (i) => run(leaders[(i * 7) % leaders.length]!)), false);
    for (const leader of warmLeaders) await run(leader);
    const warm = await meter.phase(null, () => sequential(meter, INBOX_CALLS, (i) => run(warmLeaders[i % warmLeaders.length]!)), false);
    const [plan] = await connection.query(`EXPLAIN ${query.sql}`, paramsFor(leaders[0]!));
    const explain = (plan as Record<string, unknown>[]).map(
      (r) => `${r.table}: type ${r.type}, key ${r.key ?? '—'}${r.key_len ? ` (${r.key_len})` : ''}, rows ${r.rows}${r.Extra ? `, ${r.Extra}` : ''}`,
    );
    return {
      rows: [
        { label: 'SQL alone (mysql2), cold', phase: cold },
        { label: 'SQL alone (mysql2), warm', phase: warm },
      ],
      explain,
      sql: abbreviate(query.sql),
    };
  } finally {
    connection.release();
  }
}

/** The select list shortened to its tables' columns and the computed ones (TypeORM's quoted SQL; plain SQL is shown whole). */
function abbreviate(sql: string): string {
  if (!sql.includes('`')) return sql.replace(/\s+/g, ' ').trim();
  return sql.replace(/\s+/g, ' ').replace(/^SELECT (.*?) FROM /, (_, list: string) => {
    const columns = [...list.matchAll(/`(\w+)`\.`\w+` AS `\w+`/g)].map((m) => m[1]!);
    const tables = [...new Set(columns)].map((t) => `${t}.<${columns.filter((c) => c === t).length} columns>`);
    const computed = list.split(/, (?=[A-Z]+\()/).slice(1);
    return `SELECT ${[...tables, ...computed].join(', ')} FROM `;
  });
}

// ───────────────────────────── measuring ─────────────────────────────

/** Times calls, and samples the machine around a phase. */
class Meter {
  private latencies: number[] = [];
  private errors = 0;
  private databasePid: number | null | undefined;

  constructor(
    private readonly status: Pool,
    readonly api: RunningApi,
  ) {}

  async time(work: () => Promise<void>): Promise<void> {
    const t0 = performance.now();
    try {
      await work();
      this.latencies.push(performance.now() - t0);
    } catch (error) {
      if (this.errors++ === 0) say(`  first error: ${(error as Error).message}`);
    }
  }

  /**
   * Runs `work`, returning the calls it timed with the machine's figures. `profile` names the API's
   * CPU profile (BENCH_PROFILE); `apiCall` false: the calls do not go to the API (no CPU a call shown).
   */
  async phase(profile: string | null, work: () => Promise<void>, apiCall = true): Promise<Phase> {
    const pids = [process.pid, this.api.pid, this.findDatabasePid()].filter((p): p is number => p !== null);
    if (profile) await this.api.profile(profile);
    const counters0 = await this.counters();
    const ours0 = sum(pids.map(cpuSeconds));
    const api0 = cpuSeconds(this.api.pid);
    const database0 = this.databasePid ? cpuSeconds(this.databasePid) : 0;
    const bench0 = cpuSeconds(process.pid);
    const busy0 = busySeconds();
    this.latencies = [];
    this.errors = 0;
    const start = performance.now();
    await work();
    const seconds = (performance.now() - start) / 1000;
    const busy = busySeconds() - busy0;
    const ours = sum(pids.map(cpuSeconds)) - ours0;
    const apiCpu = cpuSeconds(this.api.pid) - api0;
    const databaseCpu = this.databasePid ? cpuSeconds(this.databasePid) - database0 : 0;
    const benchCpu = cpuSeconds(process.pid) - bench0;
    const counters1 = await this.counters();
    if (profile) await this.api.profile(null);
    const latencies = this.latencies.sort((a, b) => a - b);
    this.latencies = []; // calls timed outside a phase (warm-ups) land here and are dropped
    return {
      count: latencies.length,
      errors: this.errors,
      seconds,
      latencies,
      apiCpu: apiCall ? apiCpu : null,
      databaseCpu,
      benchCpu,
      statements: counters1.statements - counters0.statements - 1, // less the SHOW STATUS itself
      diskReads: counters1.diskReads - counters0.diskReads,
      others: Math.max(0, (busy - ours) / seconds),
    };
  }

  private async counters(): Promise<{ diskReads: number; statements: number }> {
    const [rows] = await this.status.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_reads', 'Questions')");
    const value = (name: string) => Number((rows as { Variable_name: string; Value: string }[]).find((r) => r.Variable_name === name)?.Value ?? 0);
    return { diskReads: value('Innodb_buffer_pool_reads'), statements: value('Questions') };
  }

  private findDatabasePid(): number | null {
    if (this.databasePid !== undefined) return this.databasePid;
    this.databasePid = null;
    for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        if (/^(mariadbd|mysqld)$/.test(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) this.databasePid = Number(entry);
      } catch {
        // gone meanwhile
      }
    }
    return this.databasePid;
  }
}

/** User + system CPU seconds of a process so far (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine was busy so far, over all cores. */
function busySeconds(): number {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (sum(cpu) - (cpu[3] ?? 0) - (cpu[4] ?? 0)) / 100;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The p-th percentile (nearest rank) of a phase's sorted latencies; 100 is the maximum. */
function pct(phase: Phase, p: number): number {
  const sorted = phase.latencies;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function fmtMs(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
}

function fmtRate(phase: Phase): string {
  return `${phase.count} in ${phase.seconds.toFixed(1)} s = ${(phase.count / phase.seconds).toFixed(0)}/s`;
}

runBench(main);
