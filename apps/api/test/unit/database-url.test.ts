import { describe, expect, it } from '@jest/globals';
import { ConfigError, describeTarget, parseDatabaseUrl } from '../../src/config/database-url';
import { loadAppConfig } from '../../src/config/app-config';

const CWD = '/srv/app';
const DEFAULT = '/srv/app/apps/api/data/gridloop.sqlite';

describe('DATABASE_URL', () => {
  it.each([
    [undefined, { dialect: 'sqlite', file: DEFAULT }],
    ['', { dialect: 'sqlite', file: DEFAULT }],
    ['./my.db', { dialect: 'sqlite', file: '/srv/app/my.db' }],
    ['sqlite:/var/lib/grid.db', { dialect: 'sqlite', file: '/var/lib/grid.db' }],
    ['mysql://grid:s3cret@db.local:3307/taitou', { dialect: 'mysql', host: 'db.local', port: 3307, user: 'grid', password: 's3cret', database: 'taitou' }],
    [
      'mariadb://root@127.0.0.1/gridloop',
      { dialect: 'mysql', server: 'mariadb', host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'gridloop' },
    ],
    ['mysql://u:p%40ss@h/d', { dialect: 'mysql', host: 'h', port: 3306, user: 'u', password: 'p@ss', database: 'd' }],
  ])('%s is read as the right target', (raw, expected) => {
    expect(parseDatabaseUrl(raw, CWD, DEFAULT)).toEqual(expected);
  });

  it.each([
    ['postgres://x@h/d', /unsupported scheme "postgres"/],
    ['mysql://user:pw@dbhost:3306', /host dbhost names no database/],
    ['mysql://', /not a valid mysql:\/\/ URL|has no host/],
  ])('%s is refused with a clear line', (raw, message) => {
    expect(() => parseDatabaseUrl(raw, CWD, DEFAULT)).toThrow(ConfigError);
    expect(() => parseDatabaseUrl(raw, CWD, DEFAULT)).toThrow(message);
  });

  it('describes a MySQL target without its password', () => {
    const text = describeTarget(parseDatabaseUrl('mysql://grid:s3cret@db.local:3307/taitou', CWD, DEFAULT));
    expect(text).toBe('mysql database "taitou" on db.local:3307');
    expect(text).not.toContain('s3cret');
  });
});

describe('app configuration', () => {
  it('defaults to port 3000, info logs and no demo seed', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({ port: 3000, logLevel: 'info', seedDemo: false });
    expect(config.database.dialect).toBe('sqlite');
  });

  it('takes the ranking weights from REPORT_WEIGHTS (the 30/35/35 variant), the rest defaulting', () => {
    expect(loadAppConfig({ REPORT_WEIGHTS: '{"response":0.3,"resolution":0.35,"satisfaction":0.35}' }).reportWeights).toEqual({
      response: 0.3,
      resolution: 0.35,
      satisfaction: 0.35,
      basicallySatisfiedWeight: 0.9,
    });
    expect(loadAppConfig({}).reportWeights).toEqual({ response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedWeight: 0.9 });
  });

  it('takes the ranking minimum from RANKING_MIN_RECEIVED, 3 matters unless set', () => {
    expect(loadAppConfig({}).rankingMinReceived).toBe(3);
    expect(loadAppConfig({ RANKING_MIN_RECEIVED: '5' }).rankingMinReceived).toBe(5);
    expect(loadAppConfig({ RANKING_MIN_RECEIVED: '0' }).rankingMinReceived).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: "eighty" is not a port number/],
    [{ PORT: '70000' }, /PORT/],
    [{ SEED_DEMO: 'yes please' }, /SEED_DEMO/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SEED_DEMO_YEAR: 'sure' }, /SEED_DEMO_YEAR/],
    [{ REPORT_WEIGHTS: '{"response":0.3' }, /REPORT_WEIGHTS: not valid JSON/],
    [{ REPORT_WEIGHTS: '{"response":3}' }, /REPORT_WEIGHTS.response: expected a number from 0 to 1/],
    [{ CLOCK_RULES: '[' }, /CLOCK_RULES: not valid JSON/],
    [{ RANKING_MIN_RECEIVED: 'three' }, /RANKING_MIN_RECEIVED: "three" is not a whole number/],
    [{ RANKING_MIN_RECEIVED: '-1' }, /RANKING_MIN_RECEIVED/],
  ])('%p is refused at boot', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(message);
  });
});
