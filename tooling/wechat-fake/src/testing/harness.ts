// Shared by the *.test.ts files (excluded from the build): a fake on a free port with a hand-driven clock,
// and small fetch helpers that return status, headers and the parsed JSON body.
import { createFakeWechat, type FakeWechat, type FakeWechatOptions } from '../index';
import { isJsonObject, type JsonObject } from '../json';

export const APPID = 'wx1234567890abcdef';
export const SECRET = 'test-secret-0123456789abcdef';

/** A clock that only moves when told to, starting on a fixed working day. */
export class ManualClock {
  ms = Date.UTC(2025, 2, 3, 1, 0, 0);
  readonly now = (): number => this.ms;
  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface Harness {
  fake: FakeWechat;
  base: string;
  clock: ManualClock;
}

export async function startFake(options: Partial<FakeWechatOptions> = {}): Promise<Harness> {
  const clock = new ManualClock();
  const fake = createFakeWechat({ appid: APPID, secret: SECRET, now: clock.now, ...options });
  const base = await fake.listen(0);
  return { fake, base, clock };
}

export interface JsonResponse {
  status: number;
  contentType: string;
  body: JsonObject;
}

export interface AnyJsonResponse {
  status: number;
  body: unknown;
}

async function asJson(response: Response): Promise<JsonResponse> {
  const parsed: unknown = await response.json();
  if (!isJsonObject(parsed)) throw new Error(`expected a JSON object, got ${JSON.stringify(parsed)}`);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed };
}

export async function getJson(url: string): Promise<JsonResponse> {
  return asJson(await fetch(url));
}

export async function postJson(url: string, body?: unknown, method = 'POST'): Promise<JsonResponse> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return asJson(await fetch(url, init));
}

/** For control endpoints that answer a JSON array. */
export async function getAnyJson(url: string): Promise<AnyJsonResponse> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** Gets a live stable access token the way the API does. */
export async function fetchAccessToken(base: string, forceRefresh = false): Promise<string> {
  const reply = await postJson(`${base}/cgi-bin/stable_token`, {
    grant_type: 'client_credential',
    appid: APPID,
    secret: SECRET,
    force_refresh: forceRefresh,
  });
  const token = reply.body['access_token'];
  if (typeof token !== 'string') throw new Error(`no token: ${JSON.stringify(reply.body)}`);
  return token;
}

/** A login over the control endpoint, as a test playing the phone would do it. */
export async function loginOverHttp(
  base: string,
  input: { openid?: string; unionid?: string } = {},
): Promise<{
  code: string;
  openid: string;
  session_key: string;
}> {
  const { body } = await postJson(`${base}/__fake/login`, input);
  const { code, openid, session_key: sessionKey } = body;
  if (typeof code !== 'string' || typeof openid !== 'string' || typeof sessionKey !== 'string') {
    throw new Error(`bad login grant ${JSON.stringify(body)}`);
  }
  return { code, openid, session_key: sessionKey };
}

export function errcodeOf(reply: JsonResponse): unknown {
  return reply.body['errcode'];
}
