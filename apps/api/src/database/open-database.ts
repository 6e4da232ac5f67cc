import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { ConfigError, DatabaseTarget, describeTarget } from '../config/database-url';
import { dataSourceOptions } from './data-source-options';

/**
 * Connects and brings the schema up to date by running pending migrations. Any failure becomes a
 * ConfigError naming the host and database (never the password), for one clear line at boot.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DataSource> {
  let dataSource: DataSource;
  try {
    dataSource = new DataSource(dataSourceOptions(await withServerKind(target)));
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigError(`cannot open ${describeTarget(target)}: ${reason(error)}`);
  }
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw new ConfigError(`migrating ${describeTarget(target)} failed: ${reason(error)}`);
  }
  return dataSource;
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = (e.message ?? String(error)).split('\n')[0] ?? '';
  return e.code && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

/** A mysql:// URL may point at MySQL or MariaDB; ask the server which it is. */
async function withServerKind(target: DatabaseTarget): Promise<DatabaseTarget> {
  if (target.dialect !== 'mysql' || target.server) return target;
  const connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    connectTimeout: 5000,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return { ...target, server: /mariadb/i.test(version) ? 'mariadb' : 'mysql' };
  } finally {
    await connection.end();
  }
}
