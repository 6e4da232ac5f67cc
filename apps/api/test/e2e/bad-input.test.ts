import { describe, expect, it } from '@jest/globals';
import { JSON_BODY_LIMIT } from '../../src/app-factory';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Bad input is the client's problem: a 4xx with a stable code and Chinese text, never a 500. */
describe(`bad input (${testDialect()})`, () => {
  const under = useAppUnderTest();

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${under.api.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it.each([['{"title": '], ['not json at all'], ['{"a":1}}'], ['\u0000\u0001'], ["{'single':'quotes'}"]])(
    'a body that is not JSON (%j) gets 400 BODY_NOT_JSON',
    async (body) => {
      const res = await post('/api/public/towns', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'BODY_NOT_JSON', field: 'body', message: '提交的内容格式不对，请刷新后重试' });
    },
  );

  it(`a body over ${JSON_BODY_LIMIT} gets 413 BODY_TOO_LARGE`, async () => {
    const res = await post('/api/public/towns', JSON.stringify({ text: '诉'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', message: '提交的内容太大，请删减后重试' });
  });

  it.each([
    ['limit=abc', 'limit', '应当是整数'],
    ['limit=0', 'limit', '太小了'],
    ['limit=1.5', 'limit', '应当是整数'],
    ['offset=-1', 'offset', '太小了'],
    ['sort=name', 'sort', '包含不认识的内容'],
  ])('a query with wrong types (%s) gets 400 VALIDATION_FAILED naming the field', async (query, field, problem) => {
    const res = await fetch(`${under.api.baseUrl}/api/public/towns?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; field: string; message: string };
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(body.message).toContain(problem);
  });

  it('a method the path does not take gets a JSON 4xx, not an HTML page', async () => {
    const res = await fetch(`${under.api.baseUrl}/api/health`, { method: 'DELETE' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
