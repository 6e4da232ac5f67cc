import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DatabaseTarget, parseDatabaseUrl } from '../../src/config/database-url';

/**
 * Each test file gets a database of its own, on the dialect the run is for:
 * TEST_DB=sqlite (a fresh file) or TEST_DB=mysql (a fresh database on TEST_MYSQL_URL's server).
 */
export type TestDialect = 'sqlite' | 'mysql';

export function testDialect(): TestDialect {
  const value = process.env.TEST_DB ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'mysql') throw new Error(`TEST_DB must be sqlite or mysql, not "${value}"`);
  return value;
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** The DATABASE_URL that names it, for starting the API as a separate process. */
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return testDialect() === 'mysql' ? createMysqlDatabase() : createSqliteDatabase();
}

function createSqliteDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-test-'));
  const file = path.join(dir, 'test.sqlite');
  return {
    target: { dialect: 'sqlite', file },
    url: file,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function createMysqlDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const base = new URL(server);
  const database = `gridloop_t_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username || 'root'),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  base.pathname = `/${database}`;
  const url = base.toString();
  return {
    target: parseDatabaseUrl(url, process.cwd(), ''),
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.end();
    },
  };
}
