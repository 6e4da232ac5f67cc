/**
 * Times the roster import on a fresh database per dialect: seed the demo county, export 台头镇
 * (662 small grids), then import (1) that export unchanged, (2) the export with 50 leader phones
 * changed, (3) the same 662 rows into a new, empty town (every unit created). Through the real
 * HTTP API, from the upload until getRosterImport says done.
 *
 *   cd apps/api && npx tsc -p bench/tsconfig.json && node bench/dist/bench/roster-import.js [sqlite] [mysql://root@127.0.0.1:3306]
 *
 * With no arguments: SQLite, then MariaDB/MySQL at BENCH_MYSQL_URL / TEST_MYSQL_URL /
 * mysql://root@127.0.0.1:3306 when it answers.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app-factory';
import { loadAppConfig } from '../src/config/app-config';
import { DatabaseTarget, parseDatabaseUrl } from '../src/config/database-url';
import { OrgUnit } from '../src/grid/org-unit.entity';
import { createUnit } from '../src/grid/unit-writer';
import { seedDemoIfEmpty } from '../src/seed/seed-demo';
import { call } from '../test/support/http';
import { exportRoster, rosterXlsx, SheetRow, uploadRoster, waitForImport } from '../test/support/roster-files';
import { runBench } from './bench-io';

interface Measure {
  label: string;
  seconds: number;
  accepted: number;
  states: string;
  summary: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const targets = args.length > 0 ? args : ['sqlite', process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'];
  for (const target of targets) {
    const db = target === 'sqlite' ? sqliteDatabase() : await mysqlDatabase(target);
    if (!db) continue;
    try {
      report(db.name, await benchmark(db.target));
    } finally {
      await db.drop();
    }
  }
}

async function benchmark(database: DatabaseTarget): Promise<Measure[]> {
  const app = await createApp({ ...loadAppConfig({ LOG_LEVEL: 'silent' }), database, demoLogin: true, port: 0 });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  try {
    const dataSource = app.get(DataSource);
    await seedDemoIfEmpty(app);
    const [county] = await dataSource.query("SELECT id FROM org_unit WHERE code = 'SG'");
    const [taitou] = await dataSource.query("SELECT id FROM org_unit WHERE code = 'SG-TT'");
    const [admin] = await dataSource.query("SELECT r.personId AS personId FROM role_assignment r WHERE r.role = 'county_admin' AND r.endedAt IS NULL");
    const login = await call(baseUrl, 'POST', '/api/auth/demo-login', { body: { personId: Number(admin.personId) } });
    const token = login.body.accessToken as string;

    const exportStart = performance.now();
    const exported = await exportRoster(baseUrl, token, Number(taitou.id));
    const exportSeconds = (performance.now() - exportStart) / 1000;
    const rows: SheetRow[] = exported.rows.slice(1);
    if (rows.length !== 662) throw new Error(`expected 662 rows, got ${rows.length}`);

    const measures: Measure[] = [
      { label: 'export 台头镇 (662 rows)', seconds: exportSeconds, accepted: 0, states: '', summary: `${exported.rows.length - 1} rows` },
    ];
    for (let i = 1; i <= 3; i++) measures.push(await timeImport(baseUrl, token, Number(taitou.id), rows, `re-import unchanged #${i}`));

    const changed = rows.map((row) => [...row]);
    for (let i = 0; i < 50; i++) {
      const row = changed[i * 13]!;
      row[4] = `新巷长${i + 1}`;
      row[5] = `1370000${String(i + 1).padStart(4, '0')}`;
    }
    measures.push(await timeImport(baseUrl, token, Number(taitou.id), changed, 'import with 50 leader phones changed'));

    const newTown = await dataSource.transaction(async (manager) =>
      createUnit(manager, await manager.findOneByOrFail(OrgUnit, { id: Number(county.id) }), { kind: 'town', name: '基准镇', code: 'SG-BM' }),
    );
    const intoEmpty = changed.map((row) => ['基准镇', ...row.slice(1)]);
    measures.push(await timeImport(baseUrl, token, newTown.id, intoEmpty, 'import 662 rows into an empty town'));
    return measures;
  } finally {
    await app.close();
  }
}

async function timeImport(baseUrl: string, token: string, townId: number, rows: readonly SheetRow[], label: string): Promise<Measure> {
  const file = await rosterXlsx(rows);
  const start = performance.now();
  const started = await uploadRoster(baseUrl, token, townId, file);
  const accepted = (performance.now() - start) / 1000;
  if (started.status !== 202) throw new Error(`${label}: ${started.status} ${JSON.stringify(started.body)}`);
  const seen = await waitForImport(baseUrl, token, started.body.id, 120_000);
  const seconds = (performance.now() - start) / 1000;
  const last = seen[seen.length - 1];
  if (last.state !== 'done') throw new Error(`${label}: ${JSON.stringify(last)}`);
  const summary = Object.entries(last.summary as Record<string, number>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  // What a client polling every 20 ms saw: state and processed/total.
  const states = [...new Set(seen.map((job) => `${job.state} ${job.processed}/${job.total}`))].join(' → ');
  return { label, seconds, accepted, states, summary };
}

function report(name: string, measures: Measure[]): void {
  process.stdout.write(`\n${name}\n`);
  for (const m of measures) {
    const accepted = m.accepted ? ` (202 after ${m.accepted.toFixed(2)} s)` : '';
    process.stdout.write(`  ${m.label.padEnd(40)} ${m.seconds.toFixed(2)} s${accepted}  ${m.summary}\n`);
    if (m.states) process.stdout.write(`  ${''.padEnd(40)} polled: ${m.states}\n`);
  }
}

interface BenchDatabase {
  name: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

function sqliteDatabase(): BenchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-bench-'));
  return {
    name: 'SQLite (better-sqlite3, WAL)',
    target: { dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function mysqlDatabase(server: string): Promise<BenchDatabase | null> {
  const base = new URL(server);
  const options = {
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username || 'root'),
    password: decodeURIComponent(base.password),
    connectTimeout: 3000,
  };
  let admin;
  try {
    admin = await createConnection(options);
  } catch (error) {
    process.stdout.write(`\n${base.hostname}:${options.port}: not reachable (${(error as Error).message}), skipped\n`);
    return null;
  }
  const [rows] = await admin.query('SELECT VERSION() AS version');
  const version = String((rows as { version: string }[])[0]?.version ?? '');
  const database = `gridloop_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  base.pathname = `/${database}`;
  return {
    name: `MySQL protocol, server ${version}`,
    target: parseDatabaseUrl(base.toString(), process.cwd(), ''),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.end();
    },
  };
}

runBench(main);
