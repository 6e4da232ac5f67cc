import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DatabaseTarget } from '../config/database-url';
import { ENTITIES } from './entities';
import { migrationsFor } from './migrations';

/**
 * TypeORM options for either dialect. Schema changes only ever come from the reviewed migration
 * files of that dialect: `synchronize` stays off.
 */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: migrationsFor(target.dialect),
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (target.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      // WAL lets readers go on while one writer commits (the driver also turns foreign keys on).
      enableWAL: true,
      timeout: 5000,
    };
  }
  return {
    ...common,
    type: target.server ?? 'mysql',
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
    charset: 'utf8mb4_unicode_ci',
    // Store and read every DATETIME as UTC, whatever the server's time zone.
    timezone: 'Z',
    connectTimeout: 5000,
    // A step's writes go as one multi-statement round trip (WriteBatch); every statement is parameterised.
    multipleStatements: true,
    extra: { connectionLimit: 20 },
  };
}
