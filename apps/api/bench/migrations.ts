/**
 * How long the newest migrations take on a big database: on a database the ranking bench kept
 * (`BENCH_KEEP=1 node bench/dist/bench/ranking.js`: 1 M requests, 6 M timeline rows), undoes the
 * newest BENCH_MIGRATIONS (2: InboxIndex, then RankingMonths with its backfill of every timeline
 * row) and times running them again, as a deploy would at start. The database is left migrated,
 * as it was found.
 *
 *   cd apps/api && npx tsc -p bench/tsconfig.json && BENCH_DB=gridloop_bench_xxxxxxxx node bench/dist/bench/migrations.js
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createBenchDatabase } from './bench-database';

const env = process.env;

async function main(): Promise<void> {
  if (!env.BENCH_DB) throw new Error('BENCH_DB: the name of a database the ranking bench kept');
  const server = env.BENCH_MYSQL_URL ?? env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const db = await createBenchDatabase(server, env.BENCH_DB);
  const count = Number(env.BENCH_MIGRATIONS ?? 2);
  const dataSource = await new DataSource(dataSourceOptions(db.target)).initialize();
  try {
    const [requests] = await dataSource.query('SELECT COUNT(*) AS n FROM request');
    const [events] = await dataSource.query('SELECT COUNT(*) AS n FROM request_event');
    console.log(
      `${db.version}, database ${db.name}: ${Number(requests.n).toLocaleString('en')} requests, ${Number(events.n).toLocaleString('en')} timeline rows`,
    );
    // TypeORM runs every pending migration at once, so: undo the newest k and run them again, for
    // k = 1, 2, …; each migration's own time is the difference between successive runs.
    let before = 0;
    for (let k = 1; k <= count; k++) {
      const undoStarted = performance.now();
      for (let i = 0; i < k; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const undoSeconds = (performance.now() - undoStarted) / 1000;
      const started = performance.now();
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  undo the newest ${k} (${undoSeconds.toFixed(1)} s), run them again: ${seconds.toFixed(1)} s  →  ${ran[0]!.name}: ${(seconds - before).toFixed(1)} s`,
      );
      before = seconds;
    }
  } finally {
    await dataSource.destroy();
    await db.end();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
