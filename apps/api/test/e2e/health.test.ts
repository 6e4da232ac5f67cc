import { describe, expect, it } from '@jest/globals';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

describe(`health and errors over HTTP (${testDialect()})`, () => {
  const under = useAppUnderTest();

  it('reports the database up, its dialect and the version', async () => {
    const res = await fetch(`${under.api.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: { state: 'up', dialect: testDialect() }, version: '0.1.0' });
  });

  it('tags every response with a request id, keeping a sane one the caller sent', async () => {
    const generated = await fetch(`${under.api.baseUrl}/api/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${under.api.baseUrl}/api/health`, { headers: { 'X-Request-Id': 'miniapp-42' } });
    expect(kept.headers.get('x-request-id')).toBe('miniapp-42');
    const replaced = await fetch(`${under.api.baseUrl}/api/health`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).not.toContain('<');
  });

  it('answers an unknown API path with a JSON 404 in Chinese', async () => {
    const res = await fetch(`${under.api.baseUrl}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: '没有找到您要的内容' });
  });

  it('lists the seeded-or-empty towns publicly', async () => {
    const res = await fetch(`${under.api.baseUrl}/api/public/towns`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});
