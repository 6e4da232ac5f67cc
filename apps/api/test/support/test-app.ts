import { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app-factory';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { DatabaseTarget } from '../../src/config/database-url';

export interface RunningApp {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the real application (real database, real HTTP) on a free port. */
export async function startTestApp(database: DatabaseTarget, overrides: Partial<AppConfig> = {}): Promise<RunningApp> {
  const config: AppConfig = { ...loadAppConfig({ LOG_LEVEL: 'silent' }), port: 0, database, ...overrides };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
