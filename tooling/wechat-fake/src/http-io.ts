import type { IncomingMessage, ServerResponse } from 'node:http';

/** Large enough for any real WeChat request; a cap keeps a runaway test from exhausting memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The request body as text, or undefined when it exceeded the cap. */
export function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** WeChat labels its JSON "application/json; encoding=utf-8" (sic); the control surface uses the usual charset. */
export const WECHAT_JSON = 'application/json; encoding=utf-8';
export const CONTROL_JSON = 'application/json; charset=utf-8';

export function sendJson(response: ServerResponse, status: number, body: unknown, contentType: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) };
  response.writeHead(status, headers);
  response.end(text);
}
