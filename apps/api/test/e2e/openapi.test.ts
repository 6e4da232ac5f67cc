import { beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useAppUnderTest } from '../support/test-app';

const COMMITTED = path.join(process.cwd(), 'openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Operation = { operationId?: string; responses?: Record<string, unknown> };
type Document = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>; components: { schemas: Record<string, unknown> } };

describe('OpenAPI document', () => {
  const under = useAppUnderTest();
  let served: Document;

  beforeAll(async () => {
    served = (await (await fetch(`${under.api.baseUrl}/api/openapi.json`)).json()) as Document;
  });

  it('gives every operation a unique, meaningful operationId', () => {
    const ids = Object.values(served.paths).flatMap((item) => METHODS.flatMap((m) => (item[m] ? [item[m]!.operationId] : [])));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes the error codes clients branch on', () => {
    expect(served.components.schemas.ErrorCode).toMatchObject({ enum: expect.arrayContaining(['BODY_NOT_JSON', 'VALIDATION_FAILED', 'DATABASE_UNAVAILABLE']) });
  });

  it('serves a browsable UI at /api/docs', async () => {
    const res = await fetch(`${under.api.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui');
  });

  it('matches the committed openapi.json the mini-program client is generated from', () => {
    const committed = JSON.parse(fs.readFileSync(COMMITTED, 'utf8'));
    // If this fails, run `pnpm --filter @gridloop/api openapi` and regenerate the client.
    expect(served).toEqual(committed);
  });
});
