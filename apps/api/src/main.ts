import 'reflect-metadata';
import { createApp } from './app-factory';
import { ConfigError } from './config/database-url';
import { loadAppConfig } from './config/app-config';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from './common/clock';
import { seedDemoYear } from './seed/demo-year/year-writer';
import { seedDemoIfEmpty } from './seed/seed-demo';

async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const app = await createApp(config);
  if (config.seedDemo) {
    await seedDemoIfEmpty(app);
    if (config.seedDemoYear) await seedDemoYear(app.get(DataSource), app.get<Clock>(CLOCK).now());
  }
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://localhost:${port}/`;
  const docs = config.apiDocs ? `  (API docs: ${url}api/docs)` : '';
  process.stdout.write(`\n网格通 GridLoop is running: ${url}${docs}\n\n`);
}

main().catch((error: unknown) => {
  // One clear line, no stack, for configuration and connection problems.
  const message = error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`GridLoop failed to start: ${message}\n`);
  process.exit(1);
});
