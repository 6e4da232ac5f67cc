import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config';
import { ConfigError } from '../../src/config/database-url';
import { Person } from '../../src/grid/person.entity';
import { call } from '../support/http';
import { startTestApp, type RunningApp } from '../support/test-app';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';

/**
 * Hardening (the signing key): it sat in plain text in the database, so reading the database was
 * enough to sign in as anyone. In production the keys come from AUTH_SIGNING_KEYS or
 * AUTH_SIGNING_KEYS_FILE, each with an id (the first signs, all verify), and nothing secret is
 * written to the database; the demo keeps its database-kept key.
 */

const secret = () => randomBytes(36).toString('base64url');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) =>
  token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);

/** The same header and claims as `token`, with header changes, HS256-signed with `key`. */
function resign(token: string, key: string, header: Record<string, unknown> = {}): string {
  const [realHeader, claims] = parts(token);
  const body = `${b64({ ...realHeader, ...header })}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', Buffer.from(key, 'utf8')).update(body).digest('base64url')}`;
}

describe(`signing keys from a secret file (${testDialect()})`, () => {
  const current = secret();
  const retired = secret();
  let keyDir: string;
  let db: TestDatabase;
  let api: RunningApp | undefined;
  let databaseKey: string;
  let demoToken: string;
  const me = (token: string) => call(api!.baseUrl, 'GET', '/api/me', { token });
  const signIn = async (personId: number) => (await call(api!.baseUrl, 'POST', '/api/auth/demo-login', { body: { personId } })).body.accessToken as string;

  let personId: number;
  beforeAll(async () => {
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-keys-'));
    db = await createTestDatabase();
    // First as the demo runs (no setting): the key is made and kept in the database.
    api = await startTestApp(db.target, { demoLogin: true });
    personId = Number((await api.app.get(DataSource).getRepository(Person).insert({ name: '甲', phone: null, homeUnitId: null })).identifiers[0]!.id);
    demoToken = await signIn(personId);
    databaseKey = (await api.app.get(DataSource).query(`SELECT value FROM app_setting WHERE name = 'auth.signing_key'`))[0].value;
    await api.close();
    // Then as production: the keys in a file (a mounted secret), the current one first.
    const file = path.join(keyDir, 'signing-keys');
    fs.writeFileSync(file, `# rotated 2026-03\nk2026b:${current}\n\nk2026a:${retired}\n`, { mode: 0o600 });
    const auth: AppConfig['auth'] = loadAppConfig({ AUTH_SIGNING_KEYS_FILE: file }).auth;
    api = await startTestApp(db.target, { demoLogin: true, auth });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('signs with the first key and names it in the token', async () => {
    const token = await signIn(personId);
    expect(parts(token)[0]).toMatchObject({ alg: 'HS256', kid: 'k2026b' });
    expect((await me(token)).status).toBe(200);
  });

  it('still takes a token signed with a retired key that is still listed', async () => {
    const token = resign(await signIn(personId), retired, { kid: 'k2026a' });
    expect((await me(token)).status).toBe(200);
  });

  it('refuses a key that is not listed, a listed id with the wrong key, and the old database key', async () => {
    const token = await signIn(personId);
    for (const forged of [resign(token, secret(), { kid: 'k2025' }), resign(token, secret(), { kid: 'k2026a' }), resign(token, databaseKey), demoToken]) {
      expect(await me(forged)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    }
  });

  it('keeps nothing secret in the database', async () => {
    const settings: { name: string; value: string }[] = await api!.app.get(DataSource).query('SELECT name, value FROM app_setting');
    expect(settings.map((s) => s.name)).not.toContain('auth.signing_key');
    for (const value of settings.map((s) => s.value)) {
      for (const key of [current, retired, databaseKey]) expect(value).not.toContain(key);
    }
  });
});

describe('the signing keys settings', () => {
  const a = secret();
  const b = secret();

  it('read AUTH_SIGNING_KEYS as id:key pairs, the signing key first', () => {
    expect(loadAppConfig({ AUTH_SIGNING_KEYS: `new:${a}, old:${b}` }).auth.signingKeys).toEqual([
      { id: 'new', secret: a },
      { id: 'old', secret: b },
    ]);
    expect(loadAppConfig({}).auth.signingKeys).toBeUndefined();
  });

  it.each([
    [{ AUTH_SIGNING_KEYS: 'k1:tooshort' }, /^AUTH_SIGNING_KEYS: key "k1" is 8 characters/],
    [{ AUTH_SIGNING_KEYS: a }, /^AUTH_SIGNING_KEYS: each key is id:key/],
    [{ AUTH_SIGNING_KEYS: `k1:${a},k1:${b}` }, /^AUTH_SIGNING_KEYS: the id "k1" is used twice/],
    [{ AUTH_SIGNING_KEYS: `bad id:${a}` }, /^AUTH_SIGNING_KEYS: the id "bad id"/],
    [{ AUTH_SIGNING_KEYS: `k1:${a}`, AUTH_SIGNING_KEYS_FILE: '/run/secrets/keys' }, /^AUTH_SIGNING_KEYS_FILE: give the keys one way/],
    [{ AUTH_SIGNING_KEYS_FILE: '/nonexistent/keys' }, /^AUTH_SIGNING_KEYS_FILE: cannot read "\/nonexistent\/keys"/],
    [{ NODE_ENV: 'production' }, /^AUTH_SIGNING_KEYS: required when NODE_ENV=production/],
  ])('refuse %j with one clear line that shows no key', (env, message) => {
    let thrown: unknown;
    try {
      loadAppConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain(a);
    expect((thrown as Error).message).not.toContain('tooshort');
  });
});

describe('starting the server with bad signing keys', () => {
  const MAIN = path.join(process.cwd(), 'dist', 'main.js');
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', DATABASE_URL: path.join(os.tmpdir(), 'never-opened.sqlite'), ...env },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // A server that starts anyway says so on stdout: it is stopped, and the test sees it did not refuse.
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('is running')) child.kill('SIGKILL');
      });
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it.each([
    [{ NODE_ENV: 'production' }, /^GridLoop failed to start: AUTH_SIGNING_KEYS: required when NODE_ENV=production/],
    [{ AUTH_SIGNING_KEYS: 'main:tooshort' }, /^GridLoop failed to start: AUTH_SIGNING_KEYS: key "main" is 8 characters/],
  ])('with %j exits non-zero with one line', async (env, message) => {
    const { code, stderr } = await run(env);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('tooshort');
  });
});
