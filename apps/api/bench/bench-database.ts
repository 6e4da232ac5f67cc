/** A scratch database of its own on the bench's MySQL/MariaDB server, dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { Connection, createConnection, PoolOptions } from 'mysql2/promise';
import { DatabaseTarget, parseDatabaseUrl } from '../src/config/database-url';

export interface BenchDatabase {
  name: string;
  host: string;
  version: string;
  target: DatabaseTarget;
  options: PoolOptions;
  drop(): Promise<void>;
  /** Leaves the database as it is (kept, or reused). */
  end(): Promise<void>;
}

/** A new scratch database, or (`reuse`) one an earlier run kept. */
export async function createBenchDatabase(server: string, reuse?: string): Promise<BenchDatabase> {
  const base = new URL(server);
  const options = {
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username || 'root'),
    password: decodeURIComponent(base.password),
    connectTimeout: 5000,
  };
  const admin: Connection = await createConnection(options);
  const [rows] = await admin.query('SELECT VERSION() AS version');
  const version = String((rows as { version: string }[])[0]?.version ?? '');
  const mariadb = /mariadb/i.test(version);
  const name = reuse ?? `gridloop_bench_${randomBytes(4).toString('hex')}`;
  if (!reuse) await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  // The API is told which server it talks to, as a mariadb:// DATABASE_URL would.
  const url = new URL(`${mariadb ? 'mariadb' : 'mysql'}://${base.host}/${name}`);
  url.username = base.username;
  url.password = base.password;
  return {
    name,
    host: `${options.host}:${options.port}`,
    version: mariadb ? `MariaDB ${version}` : `MySQL ${version}`,
    target: parseDatabaseUrl(url.toString(), process.cwd(), ''),
    options,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
    end: () => admin.end(),
  };
}
