import type { FaultSpec } from '../state/fault-queue';
import type { ContentWords } from '../state/content-words';
import type { SubscribeGrantInput } from '../state/subscribe-store';
import { ControlInputError } from '../state/control-input-error';
import { controlBody, optionalBoolean, optionalNumber, optionalString, optionalWordList, requiredObject, requiredString } from './control-input';
import type { FakeWechatControlSurface } from './controls';

/** Test-only endpoints live under this prefix, which no WeChat API uses. */
export const CONTROL_PREFIX = '/__fake/';

export interface ControlReply {
  status: number;
  body: unknown;
}

type ControlHandler = (controls: FakeWechatControlSurface, rawBody: string) => unknown;

interface ControlContext {
  appid: string;
}

function routes(context: ControlContext): Map<string, ControlHandler> {
  return new Map<string, ControlHandler>([
    ['GET /__fake/health', () => ({ ok: true, appid: context.appid })],
    [
      'POST /__fake/login',
      (controls, raw) => {
        const body = controlBody(raw);
        const input: { openid?: string; unionid?: string } = {};
        const openid = optionalString(body, 'openid');
        const unionid = optionalString(body, 'unionid');
        if (openid !== undefined) input.openid = openid;
        if (unionid !== undefined) input.unionid = unionid;
        return controls.issueLoginCode(input);
      },
    ],
    ['POST /__fake/phone-code', (controls, raw) => controls.issuePhoneCode(requiredString(controlBody(raw), 'phoneNumber'))],
    [
      'POST /__fake/encrypt',
      (controls, raw) => {
        const body = controlBody(raw);
        const data = requiredObject(body, 'data');
        const sessionKey = optionalString(body, 'session_key');
        if (sessionKey !== undefined) return controls.encryptForSession(sessionKey, data);
        const openid = optionalString(body, 'openid');
        if (openid !== undefined) return controls.encryptForUser(openid, data);
        throw new ControlInputError('give session_key or openid');
      },
    ],
    [
      'POST /__fake/faults',
      (controls, raw) => {
        controls.injectFault(faultSpec(raw));
        return { pending: controls.pendingFaults() };
      },
    ],
    ['GET /__fake/faults', (controls) => ({ pending: controls.pendingFaults() })],
    [
      'DELETE /__fake/faults',
      (controls) => {
        controls.clearFaults();
        return { pending: [] };
      },
    ],
    ['GET /__fake/access-token', (controls) => ({ access_token: controls.currentAccessToken() })],
    ['POST /__fake/access-token/expire', (controls) => ({ access_token: controls.expireAccessToken() })],
    ['POST /__fake/access-token/invalidate', (controls) => ({ access_token: controls.invalidateAccessToken() })],
    [
      'POST /__fake/subscribe-grants',
      (controls, raw) => {
        const body = controlBody(raw);
        const openid = requiredString(body, 'openid');
        const templateId = requiredString(body, 'template_id');
        const count = optionalNumber(body, 'count');
        const input: SubscribeGrantInput = { openid, template_id: templateId };
        if (count !== undefined) input.count = count;
        return { openid, template_id: templateId, remaining: controls.grantSubscribe(input) };
      },
    ],
    ['GET /__fake/messages', (controls) => controls.sentMessages()],
    ['GET /__fake/calls', (controls) => controls.calls()],
    [
      'POST /__fake/reset',
      (controls) => {
        controls.reset();
        return { ok: true };
      },
    ],
    ['PUT /__fake/published-pages', (controls, raw) => ({ pages: controls.publishPages(optionalWordList(controlBody(raw), 'pages') ?? []) })],
    ['GET /__fake/wxa-codes', (controls) => controls.wxaCodes()],
    ['GET /__fake/content-words', (controls) => controls.contentWords()],
    [
      'PUT /__fake/content-words',
      (controls, raw) => {
        const body = controlBody(raw);
        const words: Partial<ContentWords> = {};
        const risky = optionalWordList(body, 'risky');
        const review = optionalWordList(body, 'review');
        if (risky !== undefined) words.risky = risky;
        if (review !== undefined) words.review = review;
        return controls.setContentWords(words);
      },
    ],
  ]);
}

function faultSpec(raw: string): FaultSpec {
  const body = controlBody(raw);
  const spec: FaultSpec = { path: requiredString(body, 'path') };
  const errcode = optionalNumber(body, 'errcode');
  const errmsg = optionalString(body, 'errmsg');
  const httpStatus = optionalNumber(body, 'httpStatus');
  const delayMs = optionalNumber(body, 'delayMs');
  const times = optionalNumber(body, 'times');
  const dropConnection = optionalBoolean(body, 'dropConnection');
  const text = body['body'];
  if (text !== undefined && typeof text !== 'string') throw new ControlInputError('body must be a string');
  if (errcode !== undefined) spec.errcode = errcode;
  if (errmsg !== undefined) spec.errmsg = errmsg;
  if (httpStatus !== undefined) spec.httpStatus = httpStatus;
  if (typeof text === 'string') spec.body = text;
  if (delayMs !== undefined) spec.delayMs = delayMs;
  if (times !== undefined) spec.times = times;
  if (dropConnection !== undefined) spec.dropConnection = dropConnection;
  return spec;
}

/** Answers /__fake/ requests: 200 with the result, 400 for bad input, 404/405 for unknown routes. */
export type ControlAnswerer = (method: string, path: string, rawBody: string) => ControlReply;

export function createControlAnswerer(controls: FakeWechatControlSurface, context: ControlContext): ControlAnswerer {
  const table = routes(context);
  return (method, path, rawBody) => {
    const handler = table.get(`${method} ${path}`);
    if (handler === undefined) {
      const known = [...table.keys()].some((key) => key.endsWith(` ${path}`));
      return known
        ? { status: 405, body: { error: `${method} is not allowed on ${path}` } }
        : { status: 404, body: { error: `no control endpoint ${path}`, endpoints: [...table.keys()] } };
    }
    try {
      return { status: 200, body: handler(controls, rawBody) };
    } catch (error) {
      if (error instanceof ControlInputError) return { status: 400, body: { error: error.message } };
      throw error;
    }
  };
}
