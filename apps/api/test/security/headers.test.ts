import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAppConfig } from '../../src/config/app-config';
import { ConfigError } from '../../src/config/database-url';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Hardening (headers): answers had no Content-Security-Policy and no frame protection, said
 * `X-Powered-By: Express`, and the API docs were public in production. The browser side (the H5
 * app runs under the policy with no violation) is test/browser/content-security-policy.test.ts.
 */

/** A stand-in H5 build with an inline script like Taro's (it sizes the root font). */
const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-h5-'));
fs.writeFileSync(
  path.join(h5Dir, 'index.html'),
  `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script defer src="/static/js/app.js"></script></head><body><div id="app"></div></body></html>`,
);

const directives = (policy: string | null) =>
  new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const),
  );

describe(`security headers (${testDialect()})`, () => {
  const under = useAppUnderTest({ h5Dir });
  afterAll(() => fs.rmSync(h5Dir, { recursive: true, force: true }));

  it.each([['/api/health'], ['/api/public/towns'], ['/'], ['/api/no-such-route']])('%s carries the policy and no X-Powered-By', async (route) => {
    const res = await fetch(`${under.api.baseUrl}${route}`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it("allows the H5 page's own inline script by its hash, and nothing else inline", async () => {
    const res = await fetch(`${under.api.baseUrl}/`);
    expect(await res.text()).toContain(INLINE_SCRIPT);
    const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`;
    expect(directives(res.headers.get('content-security-policy')).get('script-src')).toEqual(["'self'", hash]);
  });

  it('serves the API docs outside production', async () => {
    expect((await fetch(`${under.api.baseUrl}/api/docs`)).status).toBe(200);
    expect((await fetch(`${under.api.baseUrl}/api/openapi.json`)).status).toBe(200);
  });
});

describe(`API_DOCS=0 (${testDialect()})`, () => {
  const under = useAppUnderTest({ apiDocs: false });

  it('leaves no API docs to read: the page and the JSON are 404', async () => {
    for (const route of ['/api/docs', '/api/docs/', '/api/openapi.json', '/api/docs/swagger-ui-init.js']) {
      const res = await fetch(`${under.api.baseUrl}${route}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
  });
});

describe('the API_DOCS setting', () => {
  const keys = `main:${'k'.repeat(40)}`;
  it.each([
    [{}, true],
    [{ API_DOCS: '0' }, false],
    [{ NODE_ENV: 'production', AUTH_SIGNING_KEYS: keys }, false],
    [{ NODE_ENV: 'production', AUTH_SIGNING_KEYS: keys, API_DOCS: '1' }, true],
  ])('%j → docs %s', (env, expected) => {
    expect(loadAppConfig(env).apiDocs).toBe(expected);
  });

  it('refuses a value that is not a flag', () => {
    expect(() => loadAppConfig({ API_DOCS: 'maybe' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ API_DOCS: 'maybe' })).toThrow(/^API_DOCS: "maybe" is not a flag/);
  });
});
