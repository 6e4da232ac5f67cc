import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../app-factory';
import { loadAppConfig } from '../config/app-config';
import { findApiRoot } from '../config/api-root';
import { buildOpenApiDocument } from '../openapi/openapi';

/** Writes apps/api/openapi.json, the document the mini-program's client is generated from. */
async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-openapi-'));
  const config = loadAppConfig({ LOG_LEVEL: 'silent', DATABASE_URL: path.join(scratch, 'openapi.sqlite') });
  const app = await createApp(config);
  try {
    const document = buildOpenApiDocument(app, config.version);
    const out = path.join(findApiRoot(process.cwd()), 'openapi.json');
    fs.writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await app.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
