import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TcpProxy } from '../support/tcp-proxy';
import { RunningApp, startTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** MySQL only: SQLite is a file in the process and cannot go away like a server can. */
describe('the database going away while the API runs (mysql)', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.target.dialect !== 'mysql') throw new Error('this suite runs on the MySQL pass only');
    proxy = new TcpProxy(db.target.host, db.target.port);
    const port = await proxy.listen();
    api = await startTestApp({ ...db.target, host: '127.0.0.1', port });
  });

  afterAll(async () => {
    await api?.close();
    await proxy?.close();
    await db?.drop();
  });

  const get = async (path: string) => {
    const res = await fetch(`${api.baseUrl}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('answers 503 with a clear code while it is gone, and recovers by itself', async () => {
    expect((await get('/api/public/towns')).status).toBe(200);

    proxy.cut();
    const health = await get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', database: { state: 'down', dialect: 'mysql' } });
    const towns = await get('/api/public/towns');
    expect(towns.status).toBe(503);
    expect(towns.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' });

    proxy.restore();
    const recovered = await waitFor(async () => (await get('/api/public/towns')).status === 200, 15_000);
    expect(recovered).toBe(true);
    expect((await get('/api/health')).body).toMatchObject({ status: 'ok', database: { state: 'up' } });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
