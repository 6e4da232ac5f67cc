import * as path from 'node:path';

/** Where the data lives: a MySQL/MariaDB server, or an embedded SQLite file. */
export type DatabaseTarget =
  | {
      dialect: 'mysql';
      /** MariaDB reports column defaults differently; TypeORM must know which server it talks to. */
      server?: 'mysql' | 'mariadb';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
    }
  | { dialect: 'sqlite'; file: string };

export class ConfigError extends Error {}

/**
 * Reads DATABASE_URL: `mysql://user:pass@host:port/db` (also `mariadb://`), a SQLite file path
 * (optionally `sqlite:` prefixed, relative to `cwd`), or nothing for the embedded `defaultFile`.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd: string, defaultFile: string): DatabaseTarget {
  const value = raw?.trim();
  if (!value) return { dialect: 'sqlite', file: defaultFile };
  if (/^(mysql|mariadb):\/\//i.test(value)) return parseMysqlUrl(value);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^sqlite:/i.test(value)) {
    throw new ConfigError(`DATABASE_URL: unsupported scheme "${value.split(':')[0]}" (use mysql:// or a SQLite file path)`);
  }
  const file = value.replace(/^sqlite:(\/\/)?/i, '');
  if (!file) throw new ConfigError('DATABASE_URL: empty SQLite file path');
  return { dialect: 'sqlite', file: path.resolve(cwd, file) };
}

function parseMysqlUrl(value: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL: not a valid mysql:// URL');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname) throw new ConfigError('DATABASE_URL: the mysql:// URL has no host');
  if (!database) throw new ConfigError(`DATABASE_URL: the mysql:// URL for host ${url.hostname} names no database`);
  const port = url.port ? Number(url.port) : 3306;
  return {
    dialect: 'mysql',
    ...(url.protocol === 'mariadb:' ? { server: 'mariadb' as const } : {}),
    host: url.hostname,
    port,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
  };
}

/** A description safe to print: never includes the password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.dialect === 'mysql' ? `mysql database "${target.database}" on ${target.host}:${target.port}` : `sqlite file ${target.file}`;
}
