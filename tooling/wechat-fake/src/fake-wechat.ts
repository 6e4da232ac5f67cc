import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { URL } from 'node:url';
import { unixSeconds, type Clock } from './clock';
import { CONTROL_PREFIX, createControlAnswerer, type ControlAnswerer } from './control/control-routes';
import { FakeWechatControls, type FakeWechatControlSurface } from './control/controls';
import { CONTROL_JSON, readBody, sendJson, sendText, WECHAT_JSON } from './http-io';
import { FakeState } from './state/fake-state';
import type { FaultSpec } from './state/fault-queue';
import { standardErrmsg } from './wechat/errors';
import { newRequestId } from './ids';
import { answerWechat, WECHAT_PATHS } from './wechat/routes';

export interface FakeWechatOptions {
  appid: string;
  secret: string;
  /** Lifetime of stable_token tokens; WeChat's is 7200. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of login and phone codes; WeChat's is 5 minutes. */
  codeTtlSeconds?: number;
  /** Milliseconds since the epoch; inject to move time in tests. Defaults to Date.now. */
  now?: Clock;
  /** Called after each WeChat-path call (not control calls), e.g. for the CLI's --verbose log. */
  onCall?: (call: FakeWechatCall) => void;
}

export interface FakeWechatCall {
  method: string;
  path: string;
  status: number;
  /** The WeChat errcode answered, when the body had one. */
  errcode?: number;
  fault?: FaultSpec;
}

export interface FakeWechat extends FakeWechatControlSurface {
  readonly appid: string;
  /** Starts serving; resolves to the base URL, e.g. http://127.0.0.1:40123 (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops serving and drops open connections, including calls held by a delay fault. */
  close(): Promise<void>;
  /** The base URL while listening, otherwise undefined. */
  readonly url: string | undefined;
}

class FakeWechatServer extends FakeWechatControls implements FakeWechat {
  readonly appid: string;
  private server: Server | undefined;
  private baseUrl: string | undefined;
  private readonly answerControl: ControlAnswerer;
  private readonly delays = new Set<NodeJS.Timeout>();

  constructor(private readonly options: FakeWechatOptions) {
    const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 7200;
    const codeTtlSeconds = options.codeTtlSeconds ?? 300;
    if (!(accessTokenTtlSeconds > 0) || !(codeTtlSeconds > 0)) throw new RangeError('lifetimes must be positive');
    if (options.appid === '' || options.secret === '') throw new RangeError('appid and secret are required');
    super(
      new FakeState({
        appid: options.appid,
        secret: options.secret,
        clock: options.now ?? Date.now,
        accessTokenTtlMs: accessTokenTtlSeconds * 1000,
        codeTtlMs: codeTtlSeconds * 1000,
        wechatPaths: WECHAT_PATHS,
      }),
    );
    this.appid = options.appid;
    this.answerControl = createControlAnswerer(this, { appid: options.appid });
  }

  get url(): string | undefined {
    return this.baseUrl;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server !== undefined) throw new Error(`already listening on ${this.baseUrl ?? '?'}`);
    const server = createServer((request, response) => {
      this.dispatch(request, response).catch((error: unknown) => this.failInternally(response, error));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      this.server = undefined;
      throw error;
    });
    const address = server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    this.baseUrl = `http://${urlHost}:${address.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.baseUrl = undefined;
    for (const timer of this.delays) clearTimeout(timer);
    this.delays.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://wechat-fake.invalid');
    const method = request.method ?? 'GET';
    const rawBody = await readBody(request);
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      if (rawBody === undefined) return sendJson(response, 413, { error: 'body too large' }, CONTROL_JSON);
      const reply = this.answerControl(method, url.pathname, rawBody);
      return sendJson(response, reply.status, reply.body, CONTROL_JSON);
    }

    this.state.calls.record(url.pathname);
    const fault = WECHAT_PATHS.has(url.pathname) ? this.state.faults.take(url.pathname) : undefined;
    if (fault?.delayMs !== undefined) await this.sleep(fault.delayMs);
    if (fault?.dropConnection === true) {
      request.socket.destroy();
      return this.report({ method, path: url.pathname, status: 0, fault });
    }
    if (fault?.httpStatus !== undefined) {
      sendText(response, fault.httpStatus, fault.body ?? '');
      return this.report({ method, path: url.pathname, status: fault.httpStatus, fault });
    }
    if (fault?.errcode !== undefined) {
      const now = unixSeconds(this.state.clock);
      const errmsg = fault.errmsg ?? `${standardErrmsg(fault.errcode)} rid: ${newRequestId(now)}`;
      sendJson(response, 200, { errcode: fault.errcode, errmsg }, WECHAT_JSON);
      return this.report({ method, path: url.pathname, status: 200, errcode: fault.errcode, fault });
    }

    const reply =
      rawBody === undefined
        ? { status: 200, body: { errcode: 45002, errmsg: 'content size out of limit' } }
        : answerWechat(this.state, { method, path: url.pathname, query: url.searchParams, rawBody });
    const call: FakeWechatCall = { method, path: url.pathname, status: reply.status };
    if ('image' in reply) {
      response.writeHead(reply.status, { 'content-type': reply.image.contentType, 'content-length': reply.image.data.length });
      response.end(reply.image.data);
    } else {
      sendJson(response, reply.status, reply.body, WECHAT_JSON);
      const errcode = reply.body['errcode'];
      if (typeof errcode === 'number') call.errcode = errcode;
    }
    if (fault !== undefined) call.fault = fault;
    this.report(call);
  }

  private report(call: FakeWechatCall): void {
    this.options.onCall?.(call);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve();
      }, ms);
      this.delays.add(timer);
    });
  }

  /** A bug in the fake itself: answer like WeChat's "system error" and say so on stderr. */
  private failInternally(response: ServerResponse, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`wechat-fake internal error: ${detail}\n`);
    if (!response.headersSent) sendJson(response, 500, { errcode: -1, errmsg: 'system error' }, WECHAT_JSON);
    else response.destroy();
  }
}

/** A local fake of WeChat's server API; call listen() to serve it over HTTP. */
export function createFakeWechat(options: FakeWechatOptions): FakeWechat {
  return new FakeWechatServer(options);
}
