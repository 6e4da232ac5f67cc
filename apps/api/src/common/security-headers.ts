import helmet from 'helmet';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * helmet's headers with one Content-Security-Policy for everything the API serves: the H5 app at
 * `/`, the API docs and the JSON answers. What the H5 build (Taro) and Swagger UI need and no more
 * (test/browser/content-security-policy.test.ts loads them under it):
 * - scripts from this origin, plus the H5 page's one inline script (Taro's root-font sizing) by
 *   its hash, read from the build at start; no eval, no other inline script;
 * - inline styles (Taro's runtime and Swagger UI insert them; a style cannot run code);
 * - photos and voice notes as `blob:` URLs (fetched with the sign-in, then shown or played; an
 *   upload may read one back: media-transfer.ts), `data:` images (Swagger UI's icons) and fonts
 *   (NutUI's icon font);
 * - no plugins, no framing by any other page (frame-ancestors, X-Frame-Options: DENY).
 * HSTS is the HTTPS proxy's to send (docs/deployment.md): this process does not know it is behind one.
 */
export function securityHeaders(h5Dir: string): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(h5Dir)],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
}

/** `'sha256-…'` of each inline `<script>` in the H5 build's index.html (none when it is not built). */
function inlineScriptHashes(h5Dir: string): string[] {
  let html: string;
  try {
    html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1]!)
    .filter((code) => code.trim() !== '')
    .map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
}
