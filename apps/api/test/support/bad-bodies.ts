import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * Bad request bodies for the fuzz test, generated from an operation's OpenAPI schema: wrong
 * types, missing and unknown fields, huge strings, control characters, lone surrogates, SQL and
 * script fragments, deep nesting, out-of-range numbers, malformed JSON, wrong content types, bad
 * multipart uploads. Deterministic: everything random comes from a seeded mulberry32.
 *
 * Each body says whether what the server will see is, as far as the document can tell, a valid
 * body (`shapeValid`): the document does not carry every rule (a code WeChat has never issued, an
 * id that does not exist, IsInt behind `type: number`), so such bodies need only stay below 500;
 * every other body must get a 4xx.
 */

// ---------------------------------------------------------------------------------------------
// randomness

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same bodies on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a name (FNV-1a), so each operation gets its own sequence. */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A string of random code units drawn from ranges that tend to break things. */
  text(maxLength: number): string {
    const ranges: [number, number][] = [
      [0x00, 0x1f],
      [0x20, 0x7e],
      [0x7f, 0xa0],
      [0x4e00, 0x9fff],
      [0xd800, 0xdfff],
      [0xfe00, 0xfe0f],
      [0x200b, 0x202e],
      [0xfff0, 0xffff],
    ];
    let out = '';
    const length = 1 + this.int(maxLength);
    for (let i = 0; i < length; i++) {
      const [lo, hi] = this.pick(ranges);
      out += String.fromCharCode(lo + this.int(hi - lo + 1));
    }
    return out;
  }
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// the document's schemas

export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  nullable?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  allOf?: JsonSchema[];
  $ref?: string;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Inlines `$ref`s (into components.schemas) and folds `allOf`, so the generator sees plain schemas. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!schema) return {};
  if (depth > 20) throw new Error('schema nests too deep (a $ref cycle?)');
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolveSchema(document, target, depth + 1);
  }
  let out: JsonSchema = { ...schema };
  if (schema.allOf) {
    delete out.allOf;
    for (const part of schema.allOf) out = { ...resolveSchema(document, part, depth + 1), ...out };
  }
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, resolveSchema(document, v, depth + 1)]));
  }
  if (out.items) out.items = resolveSchema(document, out.items, depth + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------
// the rules a body is judged by

/** C0 controls but tab, LF and CR; DEL. The API refuses these in any text it is given. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isCleanText(value: string): boolean {
  return !FORBIDDEN_CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/** Length in code points (a surrogate pair is one), as the database counts. */
function codePoints(value: string): number {
  let pairs = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return value.length - pairs;
}

/**
 * Whether `value` satisfies `schema` as the API reads its document: objects are closed (unknown
 * fields are refused), null only where nullable, numbers finite, lengths in characters (code
 * points, as the database counts them), and no control characters or lone surrogates in text.
 */
export function conforms(value: unknown, schema: JsonSchema): boolean {
  if (value === undefined) return false;
  if (value === null) return schema.nullable === true;
  if (schema.enum && !schema.enum.some((e) => e === value)) return false;
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return false;
      if (schema.format === 'binary') return true;
      if (!isCleanText(value)) return false;
      if (schema.maxLength !== undefined && codePoints(value) > schema.maxLength) return false;
      if (schema.minLength !== undefined && codePoints(value) < schema.minLength) return false;
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
      return true;
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (schema.type === 'integer' && !Number.isInteger(value)) return false;
      if (schema.minimum !== undefined && value < schema.minimum) return false;
      if (schema.maximum !== undefined && value > schema.maximum) return false;
      return true;
    }
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && value.every((item) => conforms(item, schema.items ?? {}));
    case 'object':
    case undefined: {
      if (schema.type === undefined && !schema.properties) return true;
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      const properties = schema.properties ?? {};
      const record = value as Record<string, unknown>;
      if (Object.keys(record).some((key) => !Object.prototype.hasOwnProperty.call(properties, key))) return false;
      if ((schema.required ?? []).some((key) => record[key] === undefined)) return false;
      return Object.entries(record).every(([key, v]) => conforms(v, properties[key] ?? {}));
    }
    default:
      return true;
  }
}

/** Text anyone may type (a description, a note): any string within its length is a valid value. */
export function isFreeText(schema: JsonSchema): boolean {
  return schema.type === 'string' && schema.maxLength !== undefined && !schema.enum && !schema.pattern && !schema.format;
}

// ---------------------------------------------------------------------------------------------
// JSON text with tokens JSON.stringify cannot write (1e309, -0, 2**53+1 as typed, deep nesting)

class RawJson {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new RawJson(text);

function serialize(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Nested arrays and objects, written as text (no recursion on either side of the wire). */
const deepArray = (depth: number, inner = '') => raw(`${'['.repeat(depth)}${inner}${']'.repeat(depth)}`);
const deepObject = (depth: number) => raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

// ---------------------------------------------------------------------------------------------
// what is sent

export interface BadBody {
  /** What was done to the body, for reports. */
  label: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The document cannot tell this body from a valid one: only < 500 is required of the answer. */
  shapeValid: boolean;
}

/** JSON's body limit in app-factory.ts (256 KB): larger bodies must get 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;

const JSON_TYPE = { 'content-type': 'application/json' };

/** Values of every JSON type; a field is given those not of its own type. */
function valuesByType(base: unknown): Record<'string' | 'number' | 'boolean' | 'null' | 'array' | 'object', unknown[]> {
  return {
    string: ['', ' ', '1', '0', '-1', 'true', 'false', 'null', '[]', '{}', 'NaN', 'Infinity', '1e309', ' 1', '１', '0x1f', 'abc'],
    number: [
      0,
      7,
      -1,
      1.5,
      1e308,
      -1e308,
      2147483648,
      9007199254740991,
      raw('-0'),
      raw('1e309'),
      raw('-1e309'),
      raw('9007199254740993'),
      raw('1e-400'),
      raw('1E2'),
      raw('100000000000000000000000000000'),
    ],
    boolean: [true, false],
    null: [null],
    array: [[], [base], [1, 2, 3], ['a'], [null], [[]], [{}]],
    object: [
      {},
      { value: base },
      { $gt: '' },
      { $ne: null },
      { toString: 'x' },
      raw('{"__proto__":{"admin":true}}'),
      { length: 1 },
      raw('{"constructor":{"prototype":{"admin":true}}}'),
    ],
  };
}

/** Numbers of the right JSON type a validator should still refuse (or that name nothing). */
const HOSTILE_NUMBERS: unknown[] = [
  0,
  -1,
  1.5,
  0.1,
  raw('-0'),
  raw('9007199254740993'),
  2 ** 53 + 2,
  2147483648,
  -2147483649,
  1e308,
  -1e308,
  raw('1e-400'),
  raw('1e309'),
  raw('-1e309'),
  raw('123456789012345678901234567890'),
];

export const SQL_FRAGMENTS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '; DROP TABLE person;',
  "'; DROP TABLE person; --",
  "1; UPDATE request SET state='closed'; --",
  "' UNION SELECT name, phone FROM person --",
  '" OR ""="',
  "admin'--",
  '1 AND SLEEP(5)',
  "' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
  "%' OR '%'='",
  '\\',
  "\\'",
  '`',
  "'",
  '"',
  '%',
  '_',
];

export const SCRIPT_FRAGMENTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg/onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  '${7*7}',
  '../../../../etc/passwd',
  '%s%s%s%n',
  '${jndi:ldap://127.0.0.1/a}',
  '<!--',
  ']]>',
];

const ODD_TEXT = ['', ' ', 'null', '%00', '\\u0000', '😀', '𠮷', '\u202e', '\ufeff', '\u200b', '\ufffd', 'e\u0301', 'Ω≈ç√∫', 'ＡＢＣ', '\u00a0'];

/** Every refused control character (plus tab, LF, CR, which are fine in text). */
const CONTROLS = [...Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)), '\u007f'];

const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '\ud83d', '\ude00x'];

/** Bytes that are not UTF-8: a lone continuation, an overlong NUL, an encoded surrogate, a cut sequence, 0xFF. */
const INVALID_UTF8: number[][] = [[0xff], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xfe, 0xff, 0xff]];

const MALFORMED_JSON = [
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  '[1,2',
  '{"a":1}}',
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  'undefined',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":-Infinity}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":1e}',
  '{"a":+1}',
  '{"a":0x10}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":"\\uZZZZ"}',
  '{"a":"unterminated}',
  '{"a":"tab\there"}',
  '{"a":"nul\u0000here"}',
  '// comment\n{}',
  '/* c */ {}',
  '{"a":1 /* c */}',
  '   ',
  '\n',
  'null',
  'true',
  'false',
  '0',
  '-1',
  '"a string"',
  '""',
  '1e309',
  '\u0000',
  '\u0000\u0001',
  ',',
  ':',
  '[,]',
  '{,}',
  '{"":}',
  '{"a" "b"}',
  '{"a":[}',
  '{"a":{]}',
  '<?xml version="1.0"?><a/>',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'SELECT * FROM person',
];

// ---------------------------------------------------------------------------------------------
// JSON bodies

export interface JsonBodyOptions {
  /** A body that would succeed (real codes, ids, versions): each bad body is this, spoiled. */
  base: Record<string, unknown>;
  seed: number;
  /** How many bodies at least. */
  count: number;
}

interface Candidate {
  label: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the body parser hands the validation pipe: a value, or PARSE_ERROR; parsed from `text` when not given. */
  seen?: unknown;
  text?: string;
  /** Not UTF-8, or over the size limit: bad whatever it says. */
  broken?: boolean;
  /** A single value swapped in a field that is not free text: may be sent even when shape-valid. */
  replacesValueOf?: string;
  /** The field it is about (none: the body as a whole). */
  group?: string;
}

const PARSE_ERROR = Symbol('parse error');

/** What body-parser's strict JSON parser makes of a text (a leading BOM is dropped by its decoder). */
function parsedByServer(text: string): unknown {
  const t = text.replace(/^\ufeff/, '');
  if (t.length === 0) return {};
  // eslint-disable-next-line no-control-regex -- JSON's own white space: space, tab, LF, CR
  const first = /^[\x20\x09\x0a\x0d]*(.)/s.exec(t)?.[1];
  if (first !== '{' && first !== '[') return PARSE_ERROR;
  try {
    return JSON.parse(t);
  } catch {
    return PARSE_ERROR;
  }
}

function jsonCandidate(label: string, value: unknown, extra: Partial<Candidate> = {}): Candidate {
  const text = serialize(value);
  const body = Buffer.from(text, 'utf8');
  return { label, headers: JSON_TYPE, body, text, broken: body.length > BODY_LIMIT_BYTES, ...extra };
}

function textCandidate(label: string, text: string, headers: Record<string, string> = JSON_TYPE): Candidate {
  const body = Buffer.from(text, 'utf8');
  return { label, headers, body, text, broken: body.length > BODY_LIMIT_BYTES };
}

/**
 * At least `count` bad JSON bodies for an operation whose body is `schema` (an object schema),
 * starting from a valid `base`. Bodies the document cannot tell from valid ones are kept only
 * where a single non-free-text value was replaced (a code WeChat never issued, an id that names
 * nothing); anything else that comes out valid is dropped, so free text is never sent valid.
 */
export function jsonBadBodies(schema: JsonSchema, options: JsonBodyOptions): BadBody[] {
  const random = new Random(options.seed);
  const properties = schema.properties ?? {};
  const fields = Object.keys(properties);
  const base = options.base;
  const baseText = serialize(base);
  const candidates: Candidate[] = [];
  const add = (c: Candidate) => candidates.push(c);
  const withField = (field: string, value: unknown) => ({ ...base, [field]: value });

  // The whole body: not JSON, not an object, empty, the wrong kind of body, too big, too deep.
  for (const text of MALFORMED_JSON) add(textCandidate(`malformed ${JSON.stringify(text).slice(0, 40)}`, text));
  add(textCandidate('empty body', ''));
  add({ label: 'no body, no content type', headers: {}, seen: {} });
  add({ label: 'no body, JSON content type', headers: JSON_TYPE, seen: {} });
  add(jsonCandidate('{}', {}));
  add(jsonCandidate('[base]', [base]));
  add(jsonCandidate('[]', []));
  add(jsonCandidate('[[base]]', [[base]]));
  add(jsonCandidate('{"body": base}', { body: base }));
  add(textCandidate('base twice', `${baseText}${baseText}`));
  add(textCandidate('base with a BOM and an extra field', `\ufeff${serialize({ ...base, extra: 1 })}`));
  for (let cut = 1; cut < baseText.length; cut += Math.max(1, Math.floor(baseText.length / 40))) {
    add(textCandidate(`base cut at ${cut}`, baseText.slice(0, cut)));
  }
  const spoiled = serialize({ ...base, extra: 'x' });
  const form = new URLSearchParams(Object.entries(base).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  form.append('extra', '1');
  const contentTypes: [string, Record<string, string>, string | Buffer, unknown][] = [
    ['text/plain', { 'content-type': 'text/plain' }, baseText, {}],
    ['text/plain;charset=UTF-8', { 'content-type': 'text/plain;charset=UTF-8' }, baseText, {}],
    ['application/xml', { 'content-type': 'application/xml' }, '<body><code>1</code></body>', {}],
    ['application/octet-stream', { 'content-type': 'application/octet-stream' }, baseText, {}],
    ['application/vnd.api+json', { 'content-type': 'application/vnd.api+json' }, baseText, {}],
    ['application/jsonx', { 'content-type': 'application/jsonx' }, baseText, {}],
    ['multipart/form-data', { 'content-type': 'multipart/form-data; boundary=x' }, `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n`, {}],
    ['multipart/form-data without boundary', { 'content-type': 'multipart/form-data' }, baseText, {}],
    ['form with JSON text', { 'content-type': 'application/x-www-form-urlencoded' }, baseText, { [baseText]: '' }],
    ['form of the base plus an unknown field', { 'content-type': 'application/x-www-form-urlencoded' }, form.toString(), PARSE_ERROR],
    ['form with brackets', { 'content-type': 'application/x-www-form-urlencoded' }, 'a[b][c]=1&a[]=2&__proto__[x]=1', PARSE_ERROR],
    ['spoiled JSON as UTF-16', { 'content-type': 'application/json; charset=utf-16le' }, Buffer.from(spoiled, 'utf16le'), parsedByServer(spoiled)],
    ['UTF-16 labelled UTF-8', { 'content-type': 'application/json; charset=utf-8' }, Buffer.from(baseText, 'utf16le'), PARSE_ERROR],
    ['JSON as latin1', { 'content-type': 'application/json; charset=iso-8859-1' }, baseText, PARSE_ERROR],
    ['JSON in an unknown charset', { 'content-type': 'application/json; charset=klingon' }, baseText, PARSE_ERROR],
    ['JSON, gzip that is not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, baseText, PARSE_ERROR],
    ['JSON, deflate that is not deflate', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, 'not deflate', PARSE_ERROR],
    ['JSON, br that is not br', { 'content-type': 'application/json', 'content-encoding': 'br' }, 'not brotli', PARSE_ERROR],
    ['JSON, unknown encoding', { 'content-type': 'application/json', 'content-encoding': 'x-fuzz' }, baseText, PARSE_ERROR],
    ['JSON, gzip of a spoiled body', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(spoiled), parsedByServer(spoiled)],
    [
      'JSON, gzip bomb over the limit',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(Buffer.alloc(2 * BODY_LIMIT_BYTES, 0x20)),
      PARSE_ERROR,
    ],
    ['content type with junk parameters', { 'content-type': 'application/json; boundary=; charset=' }, spoiled, PARSE_ERROR],
    ['content type in capitals, spoiled body', { 'content-type': 'APPLICATION/JSON' }, spoiled, parsedByServer(spoiled)],
    ['two content types', { 'content-type': 'application/json, text/plain' }, baseText, PARSE_ERROR],
    ['content type garbage', { 'content-type': '/;;=' }, baseText, PARSE_ERROR],
  ];
  for (const [label, headers, body, seen] of contentTypes) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    add({ label: `content type: ${label}`, headers: headers as Record<string, string>, body: bytes, seen, broken: seen === PARSE_ERROR });
  }
  add(jsonCandidate('over the body limit (300 KB field)', { ...base, padding: 'x'.repeat(300_000) }));
  add(jsonCandidate('over the body limit (300 KB of CJK in an unknown field)', { ...base, padding: '诉'.repeat(100_000) }));
  add(jsonCandidate('60 000 numbers as the body', raw(`[${Array(60_000).fill(0).join(',')}]`)));
  add(jsonCandidate('20 000 unknown fields', Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))));
  for (const depth of [100, 1_000, 10_000, 100_000]) {
    add(jsonCandidate(`body nested ${depth} arrays deep`, deepArray(depth)));
    add(jsonCandidate(`body nested ${Math.min(depth, 40_000)} objects deep`, deepObject(Math.min(depth, 40_000))));
    add(jsonCandidate(`unknown field nested ${depth} deep`, { ...base, nested: deepArray(depth) }));
  }
  for (const bytes of INVALID_UTF8) {
    const hex = bytes.map((b) => b.toString(16)).join(' ');
    add({ label: `bytes ${hex} as the body`, headers: JSON_TYPE, body: Buffer.from(bytes), seen: PARSE_ERROR, broken: true });
    add({
      label: `bytes ${hex} in an unknown field`,
      headers: JSON_TYPE,
      body: Buffer.concat([Buffer.from(`{"x":"`), Buffer.from(bytes), Buffer.from(`"}`)]),
      seen: PARSE_ERROR,
      broken: true,
    });
  }
  const duplicate = fields[0];
  if (duplicate) add(textCandidate(`"${duplicate}" twice, the second wrong`, `${baseText.slice(0, -1)},${JSON.stringify(duplicate)}:{"$ne":null}}`));

  // Unknown fields: names a mass-assignment would love, names that look like ours, odd names.
  const unknownNames = [
    'extra',
    'id',
    'personId',
    'requesterPersonId',
    'state',
    'role',
    'roles',
    'admin',
    'isAdmin',
    'version',
    'createdAt',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '',
    ' ',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    'a'.repeat(1000),
    '𠮷',
    '$where',
    'a.b',
    'a[0]',
  ];
  for (const field of fields) unknownNames.push(`${field} `, field.toUpperCase(), `${field}\u0000`, `${field}\u200b`, `_${field}`);
  const unknownValues: unknown[] = [1, 'x', null, true, {}, [], { $gt: '' }];
  unknownNames.forEach((name, i) => {
    if (fields.includes(name)) return;
    for (const value of [unknownValues[i % unknownValues.length], unknownValues[(i + 3) % unknownValues.length]]) {
      const text = `${baseText.slice(0, -1)}${fields.length || Object.keys(base).length ? ',' : ''}${JSON.stringify(name)}:${serialize(value)}}`;
      add(textCandidate(`unknown field ${JSON.stringify(name).slice(0, 30)} = ${serialize(value)}`, text));
    }
  });

  // Field by field.
  for (const field of fields) {
    const firstOfField = candidates.length;
    const fieldSchema = properties[field] ?? {};
    const baseValue = base[field];
    const free = isFreeText(fieldSchema);
    const replace = (label: string, value: unknown) =>
      add(jsonCandidate(`${field}: ${label}`, withField(field, value), free ? {} : { replacesValueOf: field }));
    const spoil = (label: string, value: unknown) => add(jsonCandidate(`${field}: ${label}`, withField(field, value)));

    // Missing, and every type but its own.
    const without = omit(base, field);
    add(jsonCandidate(`${field}: missing`, without));
    add(jsonCandidate(`${field}: missing, others unknown`, { ...without, [`${field}_`]: baseValue }));
    const types = valuesByType(baseValue);
    for (const [type, values] of Object.entries(types)) {
      const own = type === fieldSchema.type || (type === 'number' && fieldSchema.type === 'integer') || (type === 'null' && fieldSchema.nullable);
      if (own) continue;
      for (const value of values) spoil(`${type} ${serialize(value).slice(0, 30)}`, value);
    }
    for (const depth of [50, 1_000, 20_000]) {
      spoil(`${depth} nested arrays`, deepArray(depth));
      spoil(`${depth} nested objects`, deepObject(depth));
      spoil(`${depth} nested arrays around the value`, deepArray(depth, serialize(baseValue)));
    }
    spoil('array of 50 000', raw(`[${Array(50_000).fill('"a"').join(',')}]`));

    if (fieldSchema.type === 'number' || fieldSchema.type === 'integer') {
      for (const value of HOSTILE_NUMBERS) replace(`number ${serialize(value)}`, value);
      for (const text of ['1.0e-5', '-0.0', '1e-7', '4.9e-324', '-9007199254740993', '18446744073709551616', '1' + '0'.repeat(400)])
        replace(`number ${text.slice(0, 30)}`, raw(text));
    }

    if (fieldSchema.type === 'string' && fieldSchema.format !== 'binary') {
      const seed = typeof baseValue === 'string' && baseValue.length > 0 ? baseValue : 'abc';
      const spoilers = ['\u0000', '\ud800', '\u001b', '\u007f', '\udc00', '\u0008'];
      // Hostile text with a refused character; alone too where it is not valid text anyway
      // (an enum) and, for a third of it, in fields where the document allows any string.
      [...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS, ...ODD_TEXT].forEach((text, i) => {
        const spoiler = spoilers[i % spoilers.length] ?? '\u0000';
        spoil(`${JSON.stringify(text).slice(0, 30)} + ${JSON.stringify(spoiler)}`, `${text}${spoiler}`);
        if (free) return;
        if (fieldSchema.enum || text === '' || i % 3 === 0) replace(JSON.stringify(text).slice(0, 40), text);
        if (fieldSchema.enum && text !== '') replace(`${JSON.stringify(text).slice(0, 30)} after a valid value`, `${String(fieldSchema.enum[0])}${text}`);
      });
      if (fieldSchema.enum) {
        for (const option of fieldSchema.enum.map(String)) {
          for (const variant of [
            option.toUpperCase(),
            ` ${option}`,
            `${option} `,
            `${option}\u0000`,
            `${option}\u200b`,
            option.slice(0, -1),
            `${option}s`,
            option.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
          ]) {
            if (variant !== option) replace(`enum variant ${JSON.stringify(variant)}`, variant);
          }
        }
      }
      for (const c of CONTROLS) {
        const name = `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
        replace(`control ${name} inside`, `${seed.slice(0, 1)}${c}${seed.slice(1)}`);
        if ('\u0000\t\u001b\u007f'.includes(c)) replace(`control ${name} alone`, c);
      }
      for (const s of LONE_SURROGATES) replace(`lone surrogate ${JSON.stringify(s)}`, `${seed}${s}`);
      // Escapes written by hand, upper case too: the server's JSON.parse makes lone surrogates of them.
      for (const escape of ['\\ud800', '\\uDBFF', '\\uDC00', '\\udfff\\ud800', '\\u0000', '\\u001b[31m', '\\u007f']) {
        replace(`escape ${escape}`, raw(`"${seed.replace(/["\\]/g, '')}${escape}"`));
      }
      for (const bytes of INVALID_UTF8) {
        const hex = bytes.map((b) => b.toString(16)).join(' ');
        const body = Buffer.from(serialize(withField(field, 'SPLIT_HERE')), 'utf8');
        const at = body.indexOf('SPLIT_HERE');
        add({
          label: `${field}: bytes ${hex}`,
          headers: JSON_TYPE,
          body: Buffer.concat([body.subarray(0, at), Buffer.from(seed), Buffer.from(bytes), body.subarray(at + 'SPLIT_HERE'.length)]),
          seen: PARSE_ERROR,
          broken: true,
        });
      }
      spoil('100 KB', 'A'.repeat(100_000));
      spoil('100 KB of CJK (≈ 100 KB as UTF-8)', '诉'.repeat(34_000));
      spoil('300 KB (over the body limit)', 'A'.repeat(300_000));
      spoil('300 KB of NUL escapes', '\u0000'.repeat(50_000));
      if (fieldSchema.maxLength !== undefined) {
        const max = fieldSchema.maxLength;
        spoil(`maxLength + 1 (${max + 1})`, '诉'.repeat(max + 1));
        spoil(`maxLength + 1 emoji (surrogate pairs)`, '😀'.repeat(max + 1));
        spoil(`maxLength letters each with a variation selector (${2 * max} characters)`, 'x\ufe0f'.repeat(max));
        spoil(`maxLength letters each with a combining mark`, 'e\u0301'.repeat(max));
        spoil(`maxLength letters with an emoji presentation selector (${max + 1} characters)`, `${'x'.repeat(max)}\ufe0e`);
        spoil('maxLength + 1 SQL', "' OR 1=1 --".repeat(Math.ceil((max + 1) / 11)));
        spoil('maxLength + 1 script', '<script>alert(1)</script>'.repeat(Math.ceil((max + 1) / 25)));
      } else {
        replace('1 KB', 'A'.repeat(1_000));
        replace('10 KB', 'A'.repeat(10_000));
      }
    }

    if (fieldSchema.type === 'boolean') {
      for (const value of ['true', 'false', 1, 0, 'yes', '是', 'on']) spoil(`boolean as ${JSON.stringify(value)}`, value);
    }
    for (const c of candidates.slice(firstOfField)) c.group = field;
  }

  // Every required field missing at once; only unknown fields.
  if ((schema.required ?? []).length > 0) {
    add(jsonCandidate('only unknown fields', { a: 1, b: 'x' }));
    add(jsonCandidate('every field null', Object.fromEntries(fields.map((f) => [f, null]))));
  }

  // Fill up with random spoilings: one to three things wrong at once.
  const fillers: (() => Candidate)[] = [
    () => {
      const text = baseText;
      const at = random.int(text.length);
      const chars = ['"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', 'x', '\n', "'"];
      return textCandidate(`base with ${JSON.stringify(text[at])} at ${at} swapped`, `${text.slice(0, at)}${random.pick(chars)}${text.slice(at + 1)}`);
    },
    () => {
      const field = fields.length ? random.pick(fields) : 'x';
      return jsonCandidate(`${field}: random text`, withField(field, random.text(40)));
    },
    () => {
      const body: Record<string, unknown> = { ...base };
      const steps: string[] = [];
      for (let i = 0, n = 1 + random.int(3); i < n; i++) {
        const field = fields.length ? random.pick(fields) : `x${i}`;
        const kind = random.int(5);
        if (kind === 0) {
          delete body[field];
          steps.push(`${field} missing`);
        } else if (kind === 1) {
          const all = Object.values(valuesByType(body[field])).flat();
          const value = random.pick(all);
          body[field] = value;
          steps.push(`${field} = ${serialize(value).slice(0, 20)}`);
        } else if (kind === 2) {
          const name = random.pick(unknownNames);
          body[name] = random.pick(unknownValues);
          steps.push(`unknown ${JSON.stringify(name).slice(0, 20)}`);
        } else if (kind === 3) {
          body[field] = `${random.pick([...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS])}${random.pick(CONTROLS)}`;
          steps.push(`${field} hostile + control`);
        } else {
          body[field] = random.text(20);
          steps.push(`${field} random text`);
        }
      }
      return jsonCandidate(`random: ${steps.join(', ')}`, body);
    },
    () => {
      const bytes = random.bytes(1 + random.int(64));
      return { label: `random bytes (${bytes.length})`, headers: JSON_TYPE, body: bytes, seen: parsedOrBroken(bytes), broken: !isUtf8(bytes) };
    },
  ];
  const out: Grouped[] = [];
  const sent = new Set<string>();
  const take = (c: Candidate) => {
    // Parsed only when it could matter: a broken body (not UTF-8, over the limit) is bad as it is.
    const view = c.broken ? PARSE_ERROR : c.seen !== undefined ? c.seen : c.text !== undefined ? parsedByServer(c.text) : {};
    const shapeValid = view !== PARSE_ERROR && conforms(view, schema);
    if (shapeValid && c.replacesValueOf === undefined) return;
    const key = fingerprint(c.headers, c.body);
    if (sent.has(key)) return;
    sent.add(key);
    out.push({ body: { label: c.label, headers: c.headers, body: c.body, shapeValid }, group: c.group });
  };
  candidates.forEach(take);
  for (let attempts = 0; out.length < options.count && attempts < options.count * 20; attempts++) take(random.pick(fillers)());
  if (out.length < options.count) throw new Error(`only ${out.length} bad bodies could be made`);
  return thin(out, options.count);
}

function fingerprint(headers: Record<string, string>, body: Buffer | undefined): string {
  const hash = createHash('sha1').update(JSON.stringify(headers));
  if (body) hash.update('|').update(body);
  return hash.digest('base64');
}

interface Grouped {
  body: BadBody;
  group?: string;
}

/**
 * About `count` of the bodies (never fewer), so that a wide schema does not cost a slow run:
 * every whole-body case stays; each field keeps the same share of its own, evenly spread over
 * its list so that every kind of fault (types, text, lengths, …) is still there.
 */
function thin(items: Grouped[], count: number): BadBody[] {
  if (items.length <= count) return items.map((i) => i.body);
  const whole = items.filter((i) => i.group === undefined);
  const byField = new Map<string, Grouped[]>();
  for (const item of items) if (item.group !== undefined) byField.set(item.group, [...(byField.get(item.group) ?? []), item]);
  const share = Math.max(0, count - whole.length) / (items.length - whole.length);
  const kept = new Set<Grouped>(whole);
  for (const list of byField.values()) {
    const m = Math.min(list.length, Math.ceil(list.length * share));
    for (let j = 0; j < m; j++) kept.add(list[Math.floor((j * list.length) / m)]!);
  }
  return items.filter((i) => kept.has(i)).map((i) => i.body);
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function parsedOrBroken(bytes: Buffer): unknown {
  return isUtf8(bytes) ? parsedByServer(bytes.toString('utf8')) : PARSE_ERROR;
}

// ---------------------------------------------------------------------------------------------
// multipart/form-data bodies (uploads)

export interface FilePart {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MultipartOptions {
  /** Text fields of an upload that would succeed (e.g. a townId the caller may import into). */
  base: Record<string, string>;
  /** The field that carries the file, and a file that would be accepted. */
  fileField: string;
  file: FilePart;
  /** More files the server must refuse (e.g. a workbook with a wrong header), besides the generated junk. */
  badFiles?: FilePart[];
  seed: number;
  count: number;
}

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

function multipartBytes(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const headers = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(headers, 'utf8'), typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/**
 * At least `count` bad uploads: every text field given bad values (with a good file and with bad
 * ones), files that are not what the server takes, too many or misnamed parts, unknown fields,
 * broken multipart framing, and JSON, form and empty bodies where a multipart upload belongs.
 * Every one has something the server must refuse, decided here by construction (the document
 * cannot say what is inside a binary part); bodies whose only fault is a number that names
 * nothing the caller may use are marked shape-valid.
 */
export function multipartBadBodies(schema: JsonSchema, options: MultipartOptions): BadBody[] {
  const random = new Random(options.seed);
  const properties = schema.properties ?? {};
  const textFields = Object.keys(properties).filter((f) => f !== options.fileField);
  const boundary = '----GridLoopFuzzBoundary7MA4YWxkTrZu0gW';
  const out: Grouped[] = [];
  const keys = new Set<string>();
  const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  let group: string | undefined;
  const push = (label: string, headers: Record<string, string>, body: Buffer | undefined, shapeValid = false) => {
    const key = fingerprint(headers, body);
    if (keys.has(key)) return;
    keys.add(key);
    out.push({ body: { label, headers, body, shapeValid }, group });
  };
  const good = options.file;
  const fileParts = (file: FilePart | null): Part[] =>
    file ? [{ name: options.fileField, value: file.content, filename: file.filename, contentType: file.contentType }] : [];
  const textParts = (fields: Record<string, string>): Part[] => Object.entries(fields).map(([name, value]) => ({ name, value }));
  const upload = (label: string, fields: Record<string, string>, file: FilePart | null, extra: Part[] = [], shapeValid = false) =>
    push(label, multipart, multipartBytes([...textParts(fields), ...fileParts(file), ...extra], boundary), shapeValid);

  // Files the server must refuse.
  const junkFiles: [string, FilePart][] = [
    ['empty file', { ...good, content: Buffer.alloc(0) }],
    ['text file', { ...good, content: Buffer.from('镇,村\n台头镇,北孙村\n') }],
    ['JSON file', { ...good, content: Buffer.from(JSON.stringify({ townId: 1 })) }],
    ['SQL file', { ...good, content: Buffer.from("'; DROP TABLE person; --") }],
    ['script file', { ...good, content: Buffer.from('<script>alert(1)</script>') }],
    ['zip that is not a workbook', { ...good, content: Buffer.concat([Buffer.from('PK\u0003\u0004'), random.bytes(512)]) }],
    ['old .xls', { ...good, content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random.bytes(512)]) }],
    ['PDF', { ...good, content: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') }],
    ['random bytes', { ...good, content: random.bytes(2048) }],
    ['workbook cut in half', { ...good, content: good.content.subarray(0, Math.floor(good.content.length / 2)) }],
    ...(options.badFiles ?? []).map((file, i): [string, FilePart] => [`refused workbook ${i + 1} (${file.filename})`, file]),
  ];

  for (const field of textFields) {
    group = field;
    const fieldSchema = properties[field] ?? {};
    const baseValue = options.base[field] ?? '1';
    const numeric = fieldSchema.type === 'integer' || fieldSchema.type === 'number';
    const values = [
      '',
      ' ',
      '0',
      '-1',
      '-0',
      '1.5',
      `${baseValue}.5`,
      `-${baseValue}`,
      'abc',
      '1e309',
      '-1e309',
      'Infinity',
      'NaN',
      'null',
      'undefined',
      'true',
      'false',
      '[]',
      '{}',
      `[${baseValue}]`,
      `{"id":${baseValue}}`,
      '9'.repeat(20),
      '9'.repeat(400),
      '9007199254740993',
      '2147483648',
      '-2147483649',
      `${baseValue}\u0000`,
      '\u0000',
      `\ud800`,
      `${baseValue}\ud800`,
      '１２',
      `${baseValue} ${baseValue}`,
      `${baseValue},${baseValue}`,
      '0x',
      '1e',
      '--1',
      '+-1',
      `${baseValue}abc`,
      `abc${baseValue}`,
      'A'.repeat(100_000),
      '诉'.repeat(40_000),
      ...SQL_FRAGMENTS.map((s) => `${baseValue}${s}`),
      ...SQL_FRAGMENTS,
      ...SCRIPT_FRAGMENTS,
      ...CONTROLS.map((c) => `${baseValue}${c}x`),
      ...LONE_SURROGATES,
    ];
    // Spellings a number parser reads as some other number: valid in shape, they name no town of the caller's.
    const otherNumbers = ['0x10', '0b11', '0o7', '1e3', ' 7 ', '+7', '07', '7.0', '\t9\n', '1000000'].filter((v) => Number(v) !== Number(baseValue));
    const isShapeValid = (v: string) => numeric && Number.isInteger(Number(v)) && Number(v) >= 1 && isCleanText(v);
    values.forEach((value, i) => {
      if (numeric && Number(value) === Number(baseValue) && value.trim() !== '') return;
      const fields = { ...options.base, [field]: value };
      const label = `${field}: ${JSON.stringify(value).slice(0, 30)}`;
      const [junkName, junk] = junkFiles[i % junkFiles.length]!;
      upload(`${label}, good file`, fields, good, [], isShapeValid(value));
      upload(`${label}, no file`, fields, null);
      upload(`${label}, ${junkName}`, fields, junk);
    });
    for (const value of otherNumbers) {
      upload(`${field}: ${JSON.stringify(value)} (another number), good file`, { ...options.base, [field]: value }, good, [], true);
      upload(`${field}: ${JSON.stringify(value)} (another number), text file`, { ...options.base, [field]: value }, junkFiles[1]![1]);
    }
    const without = omit(options.base, field);
    upload(`${field}: missing`, without, good);
    upload(`${field}: missing, no file`, without, null);
    upload(`${field}: twice`, options.base, good, [{ name: field, value: baseValue }]);
    upload(`${field}: twice, second junk`, options.base, good, [{ name: field, value: "' OR 1=1 --" }]);
    upload(`${field}: as a file`, without, good, [{ name: field, value: Buffer.from(baseValue), filename: 'townId.txt', contentType: 'text/plain' }]);
    upload(`${field}[]`, without, good, [{ name: `${field}[]`, value: baseValue }]);
    upload(`${field}[a]`, without, good, [{ name: `${field}[a]`, value: baseValue }]);
    upload(`${field}: 1.1 MB value`, { ...options.base, [field]: '1'.repeat(1_100_000) }, good);
    group = undefined;
  }

  // The file part: missing, refused contents, too big, misnamed, doubled, odd names (with another fault).
  upload('file: missing', options.base, null);
  for (const [name, file] of junkFiles) {
    upload(`file: ${name}`, options.base, file);
    upload(`file: ${name}, as octet-stream`, options.base, { ...file, contentType: 'application/octet-stream' });
  }
  upload('file: 5 MB + 1 (over the upload limit)', options.base, { ...good, content: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41) });
  upload('file: under another field name', options.base, null, [
    { name: 'upload', value: good.content, filename: good.filename, contentType: good.contentType },
  ]);
  upload('file: under "files"', options.base, null, [{ name: 'files', value: good.content, filename: good.filename, contentType: good.contentType }]);
  upload('file: twice', options.base, good, fileParts(good));
  upload('file: as a text field', options.base, null, [{ name: options.fileField, value: 'not a file' }]);
  upload('file: as a text field holding base64', options.base, null, [{ name: options.fileField, value: good.content.toString('base64') }]);
  const oddNames = [
    '',
    '../../../../etc/passwd',
    '..\\..\\boot.ini',
    "'; DROP TABLE person; --.xlsx",
    '<script>alert(1)</script>.xlsx',
    '\u0000.xlsx',
    'a'.repeat(5000) + '.xlsx',
    '花名册\u202excsl.exe',
    'name"with"quotes.xlsx',
    '\ud800.xlsx',
    'CON',
    '.xlsx',
  ];
  for (const name of oddNames) {
    for (const [label, file] of junkFiles.slice(0, 4))
      upload(`file name ${JSON.stringify(name).slice(0, 30)}, ${label}`, options.base, { ...file, filename: name });
    upload(
      `file name ${JSON.stringify(name).slice(0, 30)}, bad ${textFields[0] ?? 'field'}`,
      { ...options.base, [textFields[0] ?? 'x']: 'abc' },
      { ...good, filename: name },
    );
  }

  // Unknown fields next to a good upload.
  for (const name of [
    'extra',
    'id',
    'requestedByPersonId',
    'state',
    '__proto__',
    'constructor',
    'toString',
    "' OR 1=1 --",
    '<script>',
    '\u0000',
    'a'.repeat(200),
    '',
  ]) {
    for (const value of ['1', '', 'x'.repeat(10_000), '{"admin":true}'])
      upload(`unknown field ${JSON.stringify(name).slice(0, 20)} = ${JSON.stringify(value).slice(0, 20)}`, options.base, good, [{ name, value }]);
  }
  upload(
    'six text fields (over the field limit)',
    options.base,
    good,
    Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, value: '1' })),
  );

  // Broken framing and the wrong kind of body.
  const whole = multipartBytes([...textParts(options.base), ...fileParts(good)], boundary);
  for (let cut = 10; cut < whole.length; cut += Math.floor(whole.length / 30)) push(`multipart cut at ${cut}`, multipart, whole.subarray(0, cut));
  push('multipart without the closing boundary', multipart, whole.subarray(0, whole.length - boundary.length - 6));
  push('multipart with LF line ends', multipart, Buffer.from(whole.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
  push('multipart with another boundary', { 'content-type': 'multipart/form-data; boundary=somethingelse' }, whole);
  push('multipart without a boundary', { 'content-type': 'multipart/form-data' }, whole);
  push('multipart with an empty boundary', { 'content-type': 'multipart/form-data; boundary=' }, whole);
  push('multipart/mixed', { 'content-type': `multipart/mixed; boundary=${boundary}` }, whole);
  push('multipart, empty body', multipart, Buffer.alloc(0));
  push('multipart, only the closing boundary', multipart, Buffer.from(`--${boundary}--\r\n`));
  push('multipart, part without a disposition', multipart, Buffer.from(`--${boundary}\r\nContent-Type: text/plain\r\n\r\nabc\r\n--${boundary}--\r\n`));
  push('multipart, part without a name', multipart, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--${boundary}--\r\n`));
  push('multipart, header with no end', multipart, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="a"`));
  push(
    'multipart, 300 header lines',
    multipart,
    Buffer.from(`--${boundary}\r\n${'X-A: b\r\n'.repeat(300)}Content-Disposition: form-data; name="a"\r\n\r\n1\r\n--${boundary}--\r\n`),
  );
  push('multipart, random bytes', multipart, random.bytes(4096));
  const json = { ...Object.fromEntries(Object.entries(options.base).map(([k, v]) => [k, Number.isNaN(Number(v)) ? v : Number(v)])) };
  push('JSON body without a file', JSON_TYPE, Buffer.from(JSON.stringify(json)));
  push('JSON body with the file as base64', JSON_TYPE, Buffer.from(JSON.stringify({ ...json, [options.fileField]: good.content.toString('base64') })));
  push('JSON body, malformed', JSON_TYPE, Buffer.from('{"townId":'));
  push('form body without a file', { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from(new URLSearchParams(options.base).toString()));
  push('text body', { 'content-type': 'text/plain' }, whole);
  push('octet-stream body', { 'content-type': 'application/octet-stream' }, good.content);
  push('no body', {}, undefined);
  push('workbook as the raw body', { 'content-type': good.contentType }, good.content);

  // Fill up: random bad text values and random junk files in random combinations.
  for (let attempts = 0; out.length < options.count && attempts < options.count * 20; attempts++) {
    const field = textFields.length ? random.pick(textFields) : 'x';
    const value = random.chance(0.5) ? random.text(16) : `${random.pick([...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS])}${random.pick(CONTROLS)}`;
    if (Number.isInteger(Number(value)) && Number(value) >= 1) continue;
    const [name, file] = random.chance(0.3) ? random.pick(junkFiles) : ['good file', good];
    upload(`random: ${field} ${JSON.stringify(value).slice(0, 20)}, ${name}`, { ...options.base, [field]: value }, file);
  }
  if (out.length < options.count) throw new Error(`only ${out.length} bad uploads could be made`);
  return thin(out, options.count);
}

// ---------------------------------------------------------------------------------------------
// path parameters

/**
 * Values for a path parameter that name nothing the caller may act on (the caller's real value
 * excluded): not numbers, huge, negative, fractional, SQL and script, broken percent-encoding.
 * Returned already encoded for the URL.
 */
export function badPathValues(schema: JsonSchema | undefined, real: string): string[] {
  const numeric = schema?.type === 'number' || schema?.type === 'integer';
  const text = [
    'abc',
    '-1',
    '0',
    '-0',
    '1.5',
    `${real}.5`,
    `-${real}`,
    '1e3',
    '0x10',
    '9'.repeat(20),
    '9'.repeat(400),
    '9007199254740993',
    '2147483648',
    'NaN',
    'Infinity',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    "1' OR '1'='1",
    '1 OR 1=1',
    `${real}; DROP TABLE person;`,
    "'; DROP TABLE person; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '..',
    '%',
    ' ',
    `${real} `,
    ` ${real}`,
    '１',
    '😀',
    'a'.repeat(2000),
    '\u0000',
    `${real}\u0000`,
    '\ud800',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'ACCEPT',
    'transfer',
    'merge',
    'submit',
    'rate',
  ];
  const encoded = text
    .filter((v) => v !== real && !(numeric && /^\s*\d+\s*$/.test(v) && Number(v) === Number(real)))
    .map((v) => encodeURIComponent(v.replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd')));
  // Broken or odd percent-encoding, written raw.
  encoded.push('%E0%A4%A', '%', '%zz', '%00', '%ff', '%C0%80', '%ED%A0%80', `${real}%2F..`, `${real}%2e%2e`, '%25', '%u0041');
  return [...new Set(encoded)];
}
