/**
 * Minimal Headers, Request, Response and FormData for the weapp build, which has no fetch API.
 *
 * config/index.ts maps the global names `Headers`, `Request`, `Response` and `FormData` to these
 * classes in the weapp build only (webpack ProvidePlugin, the way Taro itself supplies URL and
 * URLSearchParams), so openapi-fetch and ./taro-fetch.ts use them without knowing. The h5 build
 * uses the browser's own classes and never includes this file.
 *
 * Only what openapi-fetch and the Taro.request adapter need: text bodies (JSON, form-encoded),
 * no streams, no Blob/ArrayBuffer, no multipart (use Taro.uploadFile for files).
 */

type HeadersInitLike =
  MiniHeaders | { forEach(callback: (value: string, key: string) => void): void } | Record<string, string | number | undefined> | [string, string][];

export class MiniHeaders {
  private readonly map = new Map<string, string>();

  constructor(init?: HeadersInitLike) {
    if (!init) return;
    if (Array.isArray(init)) {
      for (const [key, value] of init) this.append(key, value);
    } else if (typeof init.forEach === 'function') {
      (init as MiniHeaders).forEach((value, key) => this.append(key, value));
    } else {
      const record = init as Record<string, string | number | undefined>;
      for (const key of Object.keys(record)) {
        const value = record[key];
        if (value !== undefined) this.append(key, String(value));
      }
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.map.get(key);
    this.map.set(key, current === undefined ? String(value) : `${current}, ${value}`);
  }

  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), String(value));
  }

  get(name: string): string | null {
    const value = this.map.get(name.toLowerCase());
    return value === undefined ? null : value;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }

  forEach(callback: (value: string, key: string, parent: MiniHeaders) => void): void {
    this.map.forEach((value, key) => callback(value, key, this));
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** Placeholder so `body instanceof FormData` checks work; wx.request cannot send multipart. */
export class MiniFormData {
  constructor() {
    throw new TypeError('FormData is not available in the mini-program: use Taro.uploadFile');
  }
}

type BodyLike = string | { toString(): string } | null | undefined;

function bodyToText(body: BodyLike): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return body;
  // URLSearchParams (Taro's runtime provides one) serialises itself to a form-encoded string;
  // class names are minified, so recognise it by having its own toString.
  if (typeof body === 'object' && body.toString !== Object.prototype.toString) return body.toString();
  throw new TypeError('Only string and URLSearchParams request bodies are supported in the mini-program');
}

/** The part shared by Request and Response: a text body that can be read once. */
abstract class TextBody {
  private used = false;

  protected constructor(private readonly bodyText: string | null) {}

  get bodyUsed(): boolean {
    return this.used;
  }

  /** Body streams do not exist here. */
  get body(): null {
    return null;
  }

  protected peekText(): string | null {
    return this.bodyText;
  }

  text(): Promise<string> {
    if (this.used) return Promise.reject(new TypeError('Body has already been consumed'));
    if (this.bodyText !== null) this.used = true;
    return Promise.resolve(this.bodyText ?? '');
  }

  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text));
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new TypeError('arrayBuffer() is not supported by the mini-program fetch shim'));
  }

  blob(): Promise<never> {
    return Promise.reject(new TypeError('blob() is not supported by the mini-program fetch shim'));
  }

  formData(): Promise<never> {
    return Promise.reject(new TypeError('formData() is not supported by the mini-program fetch shim'));
  }
}

export interface MiniRequestInit {
  method?: string;
  headers?: HeadersInitLike;
  body?: BodyLike;
  signal?: AbortSignal | null;
  [option: string]: unknown;
}

export class MiniRequest extends TextBody {
  readonly url: string;
  readonly method: string;
  readonly headers: MiniHeaders;
  readonly signal: AbortSignal | null;

  constructor(input: string | { toString(): string } | MiniRequest, init: MiniRequestInit = {}) {
    const base = input instanceof MiniRequest ? input : undefined;
    const method = String(init.method ?? base?.method ?? 'GET').toUpperCase();
    const text = init.body !== undefined ? bodyToText(init.body) : (base?.peekText() ?? null);
    if (text !== null && (method === 'GET' || method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body');
    }
    super(text);
    this.url = base ? base.url : String(input);
    this.method = method;
    this.headers = new MiniHeaders(init.headers ?? base?.headers);
    this.signal = init.signal ?? base?.signal ?? null;
  }

  clone(): MiniRequest {
    return new MiniRequest(this);
  }
}

export interface MiniResponseInit {
  status?: number;
  statusText?: string;
  headers?: HeadersInitLike;
}

export class MiniResponse extends TextBody {
  readonly status: number;
  readonly statusText: string;
  readonly headers: MiniHeaders;
  readonly ok: boolean;
  readonly url = '';
  readonly redirected = false;
  readonly type = 'basic';

  constructor(body?: string | null, init: MiniResponseInit = {}) {
    super(body ?? null);
    this.status = init.status ?? 200;
    this.statusText = init.statusText ?? '';
    this.headers = new MiniHeaders(init.headers);
    this.ok = this.status >= 200 && this.status < 300;
  }

  clone(): MiniResponse {
    return new MiniResponse(this.peekText(), this);
  }
}
