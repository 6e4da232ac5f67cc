import * as path from 'node:path';
import {
  parseClockRules,
  parseExtensionRules,
  parseParkRules,
  parseReturnVisitRules,
  parseRankingMinReceived,
  parseRefusalRules,
  parseRateWeights,
  type ClockRulesConfig,
  type ExtensionRulesConfig,
  type ParkRulesConfig,
  type RefusalRulesConfig,
  type ReturnVisitRulesConfig,
  type RateWeights,
} from '@gridloop/domain';
import { type Clock, systemClock } from '../common/clock';
import { findApiRoot, readApiVersion } from './api-root';
import { ConfigError, DatabaseTarget, parseDatabaseUrl } from './database-url';
import { loadNotificationsConfig, type NotificationsConfig } from './notifications-config';
import { parseSigningKeys, type SigningKeySetting } from './signing-keys-config';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

export interface AppConfig {
  port: number;
  database: DatabaseTarget;
  /** Directory of the mini-program's H5 build, served at `/` when it exists. */
  h5Dir: string;
  /** Directory of the desk console's build (apps/console), served at `/console/` when it exists. */
  consoleDir: string;
  version: string;
  /** pino level: trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  wechat: WechatConfig;
  auth: AuthConfig;
  /** Seed the demo county at start (the README's run command turns this on). */
  seedDemo: boolean;
  /** With seedDemo: a generated year of activity ending now (reports have something to show). */
  seedDemoYear: boolean;
  /** The H5 demo's "pick a seeded person" login. Never on unless asked for. */
  demoLogin: boolean;
  /** gzip answers for clients that accept it (HTTP_COMPRESSION, on by default; off when a reverse proxy compresses). */
  httpCompression: boolean;
  /** The proxies whose X-Forwarded-For names the client (TRUST_PROXY; off by default: the connecting address counts). */
  trustProxy: TrustProxy;
  /** /api/docs and /api/openapi.json (API_DOCS; on by default except when NODE_ENV=production). */
  apiDocs: boolean;
  photos: PhotosConfig;
  requests: RequestsConfig;
  lookBack: LookBackConfig;
  /** The ranking's composite weights and the share a 基本满意 counts (REPORT_WEIGHTS). */
  reportWeights: RateWeights;
  /** Matters a unit must receive in a month to be ranked on the board (RANKING_MIN_RECEIVED, default 3; docs/reports.md). */
  rankingMinReceived: number;
  clocks: ClocksConfig;
  /** WeChat subscribe-message templates and the delivery worker's retry policy (docs/notifications.md). */
  notifications: NotificationsConfig;
  /** Not from the environment: the system clock, or one a test moves by hand. */
  clock: Clock;
}

export interface PhotosConfig {
  /** Where LocalDiskPhotoStorage keeps the files (PHOTO_DIR). */
  dir: string;
  /** Largest photo accepted, in bytes (PHOTO_MAX_BYTES, default 5 MB). */
  maxBytes: number;
  /** Largest voice note accepted, in bytes (VOICE_MAX_BYTES, default 2 MB: 60 s of WeChat's MP3 is about 0.4 MB). */
  voiceMaxBytes: number;
  /** Days an upload never attached to a matter is kept (UPLOAD_KEEP_DAYS, default 7): long enough for a draft left on the phone. */
  unattachedKeepDays: number;
  /** Uploads one person may have waiting (not yet sent with a matter) before more are refused (UPLOAD_PENDING_MAX, default 50). */
  unattachedMax: number;
}

export interface RequestsConfig {
  /**
   * Matters one person may send themselves in any hour (REQUEST_HOURLY_LIMIT_PER_PERSON, default 10):
   * their own, 代办 and patrol reports; hotline staff's calls and 12345 orders are not counted.
   */
  hourlyLimitPerPerson: number;
  /** 退单's window and 不予受理's reasons and referral places, per town (REFUSAL_RULES, JSON; docs/requests.md). Defaults when left out. */
  refusals?: RefusalRulesConfig;
}

export interface WechatConfig {
  /** WeChat's server API; tests and the demo point it at the local fake. */
  apiBase: string;
  /** Unset: WeChat sign-in answers WECHAT_NOT_CONFIGURED. */
  appid: string | null;
  secret: string | null;
  /** Which mini-program version a desk sign-in code opens (WECHAT_CODE_ENV_VERSION; release unless set). */
  codeEnvVersion?: 'release' | 'trial' | 'develop';
}

export interface ClocksConfig {
  /** Reminders and the escalation ladder, per town (CLOCK_RULES, JSON; docs/clocks.md). */
  rules: ClockRulesConfig;
  /** 延期申请: how late it may be asked, how many days, how many per matter, who approves; per town (EXTENSION_RULES, JSON; docs/requests.md). */
  extensions: ExtensionRulesConfig;
  /** 挂账: how often a progress note is owed, the furthest plan date, who approves; per town (PARK_RULES, JSON; docs/requests.md). Defaults when left out. */
  parks?: ParkRulesConfig;
  /** 回访: the weekly sample's share, and the margin and fewest pairs of the rating agreement; per town (RETURN_VISIT_RULES, JSON; docs/requests.md). Defaults when left out. */
  returnVisits?: ReturnVisitRulesConfig;
  /** How often the scheduled jobs run (reminders and escalations, the morning bulletin, ranking months, unused uploads); 0 turns them off (tests drive them by hand). */
  sweepSeconds: number;
}

export interface LookBackConfig {
  /** A result waits this long for the requester's rating before staff look back at it unrated. */
  ratingWaitHours: number;
}

export interface AuthConfig {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Sign-in calls (WeChat, demo, phone) allowed per client address per minute. */
  loginRateLimitPerMinute: number;
  /** A refresh token spent again within this many seconds is refused but does not revoke the sign-in. */
  refreshReuseGraceSeconds: number;
  /** Refreshes one sign-in may make in a minute, counted in the database (REFRESH_RATE_LIMIT_PER_MINUTE; default DEFAULT_REFRESH_LIMIT_PER_MINUTE). */
  refreshLimitPerMinute?: number;
  /** Token signing keys from AUTH_SIGNING_KEYS(_FILE), the signing one first; unset: the database-kept demo key. */
  signingKeys?: SigningKeySetting[];
}

/** A client refreshes every 15 minutes, a few times at once when racing; a loop refreshes far more. */
export const DEFAULT_REFRESH_LIMIT_PER_MINUTE = 10;

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
    consoleDir: path.resolve(env.CONSOLE_DIR ?? path.join(apiRoot, '..', 'console', 'dist')),
    version: env.GRIDLOOP_VERSION ?? readApiVersion(apiRoot),
    seedDemo: parseFlag(env.SEED_DEMO, 'SEED_DEMO'),
    seedDemoYear: parseFlag(env.SEED_DEMO_YEAR, 'SEED_DEMO_YEAR'),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    wechat: {
      apiBase: parseUrl(env.WECHAT_API_BASE, 'WECHAT_API_BASE', 'https://api.weixin.qq.com'),
      appid: env.WECHAT_APPID || null,
      secret: env.WECHAT_SECRET || null,
      codeEnvVersion: parseCodeEnvVersion(env.WECHAT_CODE_ENV_VERSION),
    },
    auth: {
      accessTokenTtlSeconds: parsePositiveInt(env.ACCESS_TOKEN_TTL_SECONDS, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
      refreshTokenTtlSeconds: parsePositiveInt(env.REFRESH_TOKEN_TTL_SECONDS, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
      loginRateLimitPerMinute: parsePositiveInt(env.LOGIN_RATE_LIMIT_PER_MINUTE, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20),
      refreshReuseGraceSeconds: parsePositiveInt(env.REFRESH_REUSE_GRACE_SECONDS, 'REFRESH_REUSE_GRACE_SECONDS', 10),
      refreshLimitPerMinute: parsePositiveInt(env.REFRESH_RATE_LIMIT_PER_MINUTE, 'REFRESH_RATE_LIMIT_PER_MINUTE', DEFAULT_REFRESH_LIMIT_PER_MINUTE),
      signingKeys: parseSigningKeys(env),
    },
    demoLogin: parseFlag(env.DEMO_LOGIN, 'DEMO_LOGIN'),
    httpCompression: env.HTTP_COMPRESSION === undefined || env.HTTP_COMPRESSION === '' ? true : parseFlag(env.HTTP_COMPRESSION, 'HTTP_COMPRESSION'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    // Production is NODE_ENV=production: the docs are off there unless asked for.
    apiDocs: env.API_DOCS === undefined || env.API_DOCS === '' ? env.NODE_ENV !== 'production' : parseFlag(env.API_DOCS, 'API_DOCS'),
    clock: systemClock,
    clocks: {
      rules: parseJsonSetting(env.CLOCK_RULES, 'CLOCK_RULES', parseClockRules),
      extensions: parseJsonSetting(env.EXTENSION_RULES, 'EXTENSION_RULES', parseExtensionRules),
      parks: parseJsonSetting(env.PARK_RULES, 'PARK_RULES', parseParkRules),
      returnVisits: parseJsonSetting(env.RETURN_VISIT_RULES, 'RETURN_VISIT_RULES', parseReturnVisitRules),
      sweepSeconds: parseNonNegativeInt(env.CLOCK_SWEEP_SECONDS, 'CLOCK_SWEEP_SECONDS', 30),
    },
    notifications: loadNotificationsConfig(env),
    reportWeights: parseJsonSetting(env.REPORT_WEIGHTS, 'REPORT_WEIGHTS', parseRateWeights),
    rankingMinReceived: parseSetting(env.RANKING_MIN_RECEIVED, 'RANKING_MIN_RECEIVED', parseRankingMinReceived),
    lookBack: { ratingWaitHours: parsePositiveInt(env.LOOK_BACK_RATING_WAIT_HOURS, 'LOOK_BACK_RATING_WAIT_HOURS', 48) },
    requests: {
      hourlyLimitPerPerson: parsePositiveInt(env.REQUEST_HOURLY_LIMIT_PER_PERSON, 'REQUEST_HOURLY_LIMIT_PER_PERSON', 10),
      refusals: parseJsonSetting(env.REFUSAL_RULES, 'REFUSAL_RULES', parseRefusalRules),
    },
    photos: {
      dir: path.resolve(cwd, env.PHOTO_DIR || path.join(apiRoot, 'data', 'photos')),
      maxBytes: parsePositiveInt(env.PHOTO_MAX_BYTES, 'PHOTO_MAX_BYTES', 5 * 1024 * 1024),
      voiceMaxBytes: parsePositiveInt(env.VOICE_MAX_BYTES, 'VOICE_MAX_BYTES', 2 * 1024 * 1024),
      unattachedKeepDays: parsePositiveInt(env.UPLOAD_KEEP_DAYS, 'UPLOAD_KEEP_DAYS', 7),
      unattachedMax: parsePositiveInt(env.UPLOAD_PENDING_MAX, 'UPLOAD_PENDING_MAX', 50),
    },
  };
}

/** A JSON setting checked by a domain parser; either failure is one clear line naming the setting. */
function parseJsonSetting<T>(value: string | undefined, name: string, parse: (parsed: unknown, name: string) => T): T {
  let parsed: unknown;
  try {
    parsed = value === undefined || value.trim() === '' ? undefined : JSON.parse(value);
  } catch {
    throw new ConfigError(`${name}: not valid JSON`);
  }
  try {
    return parse(parsed, name);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** A text setting checked by a domain parser; its failure is one clear line naming the setting. */
function parseSetting<T>(value: string | undefined, name: string, parse: (value: string | undefined, name: string) => T): T {
  try {
    return parse(value, name);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function parseNonNegativeInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new ConfigError(`${name}: "${value}" is not a whole number (0 or more)`);
  return Number(value);
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

function parsePositiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name}: "${value}" is not a positive whole number`);
  return n;
}

function parseUrl(value: string | undefined, name: string, fallback: string): string {
  const raw = value || fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`${name}: "${raw}" is not an http(s) URL`);
  }
  return raw.replace(/\/+$/, '');
}

function parseCodeEnvVersion(value: string | undefined): 'release' | 'trial' | 'develop' {
  if (value === undefined || value === '') return 'release';
  if (value === 'release' || value === 'trial' || value === 'develop') return value;
  throw new ConfigError(`WECHAT_CODE_ENV_VERSION: "${value}" is not release, trial or develop`);
}
