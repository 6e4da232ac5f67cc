import * as path from 'node:path';
import { findApiRoot, readApiVersion } from './api-root';
import { ConfigError, DatabaseTarget, parseDatabaseUrl } from './database-url';

export interface AppConfig {
  port: number;
  database: DatabaseTarget;
  /** Directory of the mini-program's H5 build, served at `/` when it exists. */
  h5Dir: string;
  version: string;
  /** pino level: trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  /** Seed the demo county at start (the README's run command turns this on). */
  seedDemo: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment once at boot; a bad value stops the process with one clear line. */
export function loadAppConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT: "${env.PORT}" is not a port number (0-65535)`);
  }
  const apiRoot = findApiRoot(cwd);
  return {
    port,
    // The embedded default lives in apps/api/data/, wherever the process was started.
    database: parseDatabaseUrl(env.DATABASE_URL, cwd, path.join(apiRoot, 'data', 'gridloop.sqlite')),
    h5Dir: path.resolve(env.H5_DIR ?? path.join(apiRoot, '..', 'miniapp', 'dist', 'h5')),
    version: env.GRIDLOOP_VERSION ?? readApiVersion(apiRoot),
    seedDemo: parseFlag(env.SEED_DEMO, 'SEED_DEMO'),
    logLevel: parseLogLevel(env.LOG_LEVEL),
  };
}

function parseFlag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError(`${name}: "${value}" is not a flag (use 1/0 or true/false)`);
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function parseLogLevel(value: string | undefined): string {
  if (value === undefined || value === '') return 'info';
  if (!LOG_LEVELS.includes(value)) throw new ConfigError(`LOG_LEVEL: "${value}" is not one of ${LOG_LEVELS.join(', ')}`);
  return value;
}
