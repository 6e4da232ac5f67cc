/**
 * Where one 诉求检索 call spends its time (docs/benchmarks.md, "Search"), on a database search.ts kept
 * (BENCH_KEEP=1 BENCH_FILL_ONLY=1): signed in as 台头镇's hotline staff, BENCH_CALLS (100) calls of the
 * bench's filter (a village in turn, closed, a 90-day range; BENCH_WORDS adds words), one after another.
 * Printed: the call's p50/p95 and each SQL statement's wall time a call (TypeORM's
 * MysqlQueryRunner.query timed; statements sent together overlap). BENCH_PROFILE=<file> writes a V8
 * CPU profile of the timed calls (the API and this client share the process).
 *
 *   cd apps/api && npx tsc -p bench/tsconfig.json
 *   BENCH_DB=gridloop_bench_xxxxxxxx flock /tmp/gridloop-heavy.lock node bench/dist/bench/search-profile.js
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import { chinaDayOf } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { createApp } from '../src/app-factory';
import { loadAppConfig } from '../src/config/app-config';
import { createBenchDatabase } from './bench-database';
import { say, whole, runBench } from './bench-io';

const env = process.env;
const CALLS = whole(env.BENCH_CALLS, 100);
const DAY = 24 * 3600_000;

const stats = new Map<string, number[]>();
let recording = false;
const original = MysqlQueryRunner.prototype.query;
MysqlQueryRunner.prototype.query = async function (this: MysqlQueryRunner, ...args: Parameters<typeof original>) {
  const t = performance.now();
  try {
    return await original.apply(this, args);
  } finally {
    if (recording) {
      const key = String(args[0]).replace(/\s+/g, ' ').slice(0, 110);
      stats.set(key, [...(stats.get(key) ?? []), performance.now() - t]);
    }
  }
} as typeof original;

async function main(): Promise<void> {
  const server = env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const db = await createBenchDatabase(server, env.BENCH_DB);
  const config = loadAppConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', CLOCK_SWEEP_SECONDS: '0', NOTIFY_POLL_SECONDS: '0' });
  const app = await createApp({ ...config, database: db.target, demoLogin: true, port: 0 });
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const ds = app.get(DataSource);
    const [person] = (await ds.query(
      `SELECT r.personId FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.role = 'hotline_staff' AND r.endedAt IS NULL AND u.code LIKE 'SG-TT%' ORDER BY r.id LIMIT 1`,
    )) as { personId: number }[];
    const login = await fetch(`${baseUrl}/api/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: person!.personId }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const villages = (await ds.query(`SELECT id FROM org_unit WHERE kind = 'village' AND code LIKE 'SG-TT-%' ORDER BY code LIMIT 10`)) as { id: number }[];
    const now = Date.now();
    const from = chinaDayOf(new Date(now - 120 * DAY));
    const to = chinaDayOf(new Date(now - 31 * DAY));
    const words = env.BENCH_WORDS ? `&q=${encodeURIComponent(env.BENCH_WORDS)}` : '';
    const path = (i: number) =>
      `/api/requests/search?unitId=${villages[i % villages.length]!.id}&state=closed&receivedFrom=${from}&receivedTo=${to}&limit=50${words}`;
    const call = async (i: number) => {
      const res = await fetch(`${baseUrl}${path(i)}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };
    for (let i = 0; i < 20; i++) await call(i);
    const session = new Session();
    session.connect();
    const post = (method: string, params?: object) =>
      new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
    if (env.BENCH_PROFILE) {
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    recording = true;
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < CALLS; i++) {
      const t = performance.now();
      rows += await call(i);
      times.push(performance.now() - t);
    }
    recording = false;
    if (env.BENCH_PROFILE) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(env.BENCH_PROFILE, JSON.stringify(profile));
    }
    const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]!;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    say(
      `HTTP: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, mean ${(sum(times) / CALLS).toFixed(1)} ms; ${(rows / CALLS).toFixed(1)} rows`,
    );
    let sqlTotal = 0;
    for (const [key, values] of [...stats.entries()].sort((a, b) => sum(b[1]) - sum(a[1]))) {
      sqlTotal += sum(values);
      say(
        `  ${(values.length / CALLS).toFixed(1)}/call  mean ${(sum(values) / values.length).toFixed(2)} ms  p50 ${pct(values, 50).toFixed(2)}  p95 ${pct(values, 95).toFixed(2)}  ${key}`,
      );
    }
    say(`SQL (sum of statements, parallel ones overlap) ${(sqlTotal / CALLS).toFixed(1)} ms a call of ${(sum(times) / CALLS).toFixed(1)} ms`);
  } finally {
    await app.close();
    await db.end();
  }
}

runBench(main);
