import { afterAll, beforeAll } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../../src/app-factory';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { DatabaseTarget } from '../../src/config/database-url';
import { createTestDatabase, TestDatabase } from './test-database';

export interface RunningApp {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the real application (real database, real HTTP) on a free port; photos go to a temporary folder of its own. */
export async function startTestApp(database: DatabaseTarget, overrides: Partial<AppConfig> = {}): Promise<RunningApp> {
  // The notification delivery worker does not poll in tests (a fuzz or matrix run must see the
  // database stand still); a test drives it with NotificationDeliveryWorker.runOnce().
  // Tests raise dozens of matters as one person within a minute: the hourly limit is the flooding
  // test's (test/security/flooding.test.ts passes the real one).
  const defaults = loadAppConfig({ LOG_LEVEL: 'silent', NOTIFY_POLL_SECONDS: '0', REQUEST_HOURLY_LIMIT_PER_PERSON: '1000000' });
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-photos-'));
  // The scheduled jobs stay off unless a test turns them on: tests drive them with JobScheduler.runOnce(now).
  const config: AppConfig = {
    ...defaults,
    port: 0,
    database,
    photos: { ...defaults.photos, dir: photoDir },
    clocks: { ...defaults.clocks, sweepSeconds: 0 },
    ...overrides,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const close = async () => {
    await app.close();
    fs.rmSync(photoDir, { recursive: true, force: true });
  };
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close };
}

/** A fresh database and a running API for one test file; read its fields inside tests. */
export class AppUnderTest {
  private started?: { db: TestDatabase; api: RunningApp };

  get db(): TestDatabase {
    return this.ready().db;
  }

  get api(): RunningApp {
    return this.ready().api;
  }

  async start(overrides: Partial<AppConfig> | (() => Partial<AppConfig>)): Promise<void> {
    const db = await createTestDatabase();
    this.started = { db, api: await startTestApp(db.target, typeof overrides === 'function' ? overrides() : overrides) };
  }

  async stop(): Promise<void> {
    await this.started?.api.close();
    await this.started?.db.drop();
  }

  private ready(): { db: TestDatabase; api: RunningApp } {
    if (!this.started) throw new Error('the app is not started yet: use it inside a test, not at load time');
    return this.started;
  }
}

/**
 * Registers beforeAll/afterAll that start and stop the app for the calling test file.
 * `overrides` may be a function, read when the app starts (after earlier beforeAll hooks ran).
 */
export function useAppUnderTest(overrides: Partial<AppConfig> | (() => Partial<AppConfig>) = {}): AppUnderTest {
  const under = new AppUnderTest();
  beforeAll(() => under.start(overrides));
  afterAll(() => under.stop());
  return under;
}
