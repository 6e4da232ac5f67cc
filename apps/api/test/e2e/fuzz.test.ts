import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { ErrorCode } from '../../src/common/error-codes';
import { loadAppConfig, type WechatConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import {
  BadBody,
  badPathValues,
  type FilePart,
  jsonBadBodies,
  JsonSchema,
  multipartBadBodies,
  OpenApiDocument,
  OpenApiOperation,
  resolveSchema,
  mulberry32,
  seedOf,
} from '../support/bad-bodies';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { pngImage } from '../support/images';
import { MP3_NOTE } from '../support/voice-notes';
import { harmlessRosterXlsx, rosterXlsx, XLSX } from '../support/roster-files';
import { useAppUnderTest } from '../support/test-app';
import { testDialect, type TestDialect } from '../support/test-database';

/**
 * Every write operation of the OpenAPI document (read at test time, so new ones are covered)
 * gets at least 1,000 generated bad bodies, sent as a caller who may call it, at real objects:
 * no answer may be a 5xx, every refusal is a JSON error with a stable code and Chinese text, and
 * not one row of any table changes.
 */

const BODIES_PER_OPERATION = 1000;
/** Bad JSON bodies sent besides the uploads, to an operation that takes multipart/form-data. */
const JSON_BODIES_FOR_UPLOADS = 100;
const CONCURRENCY = 8;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
const CHINESE = /[\u4e00-\u9fff]/;

const document: OpenApiDocument = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'openapi.json'), 'utf8'));

interface WriteOperation {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

const WRITES: WriteOperation[] = Object.entries(document.paths).flatMap(([p, item]) =>
  WRITE_METHODS.flatMap((m) => (item[m] ? [{ method: m.toUpperCase(), path: p, operation: item[m] }] : [])),
);

/** Who calls an operation, where, and a body that would succeed there. */
interface Target {
  /** Someone allowed to call it, so that validation (not access) answers. */
  token?: string;
  /** Path parameters naming objects the caller may act on. */
  params: Record<string, string>;
  /** Real objects the caller may not act on, per path parameter (answered 404, not 5xx). */
  otherParams?: Record<string, string[]>;
  /** Fields of a body that would succeed; fields it does not name are made up from the schema. */
  base: Record<string, unknown>;
  /** No preparation is known for this operation: made-up ids and body, the first caller let through. */
  fallback?: boolean;
  /** Uploads: a file that would be accepted, and files that must be refused (default: the roster workbooks). */
  files?: { good: FilePart; bad: FilePart[] };
}

interface Context {
  fake: FakeWechat;
  baseUrl: string;
  dataSource: DataSource;
  grid: { id: number };
  otherGrid: { id: number };
  village: { id: number };
  town: { id: number };
  leader: { personId: number; token: string };
  hotlineToken: string;
  adminToken: string;
  /** Signs a new WeChat user in and gives them a home in the grid. */
  villager(): Promise<string>;
  /** A matter raised in `unitId` by a new villager. */
  matter(unitId: number): Promise<{ id: number; version: number; requesterToken: string }>;
}

/** How to aim each known operation; an operation not listed here gets the fallback. */
const PREPARE: Record<string, (ctx: Context) => Promise<Target>> = {
  wechatLogin: async (c) => ({ params: {}, base: { code: c.fake.issueLoginCode().code } }),
  refreshSession: async (c) => ({ params: {}, base: { refreshToken: (await wechatSession(c)).refreshToken } }),
  logout: async (c) => ({ params: {}, base: { refreshToken: (await wechatSession(c)).refreshToken } }),
  demoLogin: async (c) => ({ params: {}, base: { personId: c.leader.personId } }),
  bindPhone: async (c) => {
    const token = await c.villager();
    // The first phone call fetches and caches WeChat's server token: a legitimate write, made now.
    await call(c.baseUrl, 'POST', '/api/me/phone', { token, body: { code: 'never-issued' } });
    return { token, params: {}, base: { code: c.fake.issuePhoneCode('13700001111').code } };
  },
  // 扫码登录: polling a waiting ticket writes nothing; the phone's confirm and cancel get bad scenes only.
  pollDeskTicket: async (c) => ({ params: {}, base: { pollToken: (await deskTicket(c)).pollToken } }),
  confirmDeskTicket: async (c) => ({ token: c.hotlineToken, params: { scene: (await deskTicket(c)).scene }, base: {} }),
  cancelDeskTicket: async (c) => ({ token: c.hotlineToken, params: { scene: (await deskTicket(c)).scene }, base: {} }),
  setHomeUnit: async (c) => ({ token: await c.villager(), params: {}, base: { unitId: c.village.id } }),
  // A new villager has no messages to mark, and this app has no templates to accept: nothing to write.
  markNotificationsRead: async (c) => ({ token: await c.villager(), params: {}, base: { ids: [], all: false } }),
  recordSubscribeGrants: async (c) => ({ token: await c.villager(), params: {}, base: { accepted: [] } }),
  resolveGroup: async (c) => ({ token: await c.villager(), params: {}, base: groupPayload(c) }),
  bindGroup: async (c) => {
    const resolved = await call(c.baseUrl, 'POST', '/api/groups/resolve', { token: await c.villager(), body: groupPayload(c) });
    if (resolved.status !== 200) throw new Error(`resolveGroup: ${resolved.status} ${JSON.stringify(resolved.body)}`);
    return { token: c.leader.token, params: {}, base: { groupTicket: resolved.body.groupTicket, unitId: c.grid.id } };
  },
  submitRequest: async (c) => ({
    token: await c.villager(),
    params: {},
    base: {
      clientRequestId: 'fuzz-base-0001',
      category: 'infrastructure',
      description: '村东头路灯坏了三天了',
      addressNote: '东头十字路口',
      contactPhone: '13812345678',
      confidential: false,
      unitId: c.grid.id,
    },
  }),
  actOnRequest: async (c) => {
    const mine = await c.matter(c.grid.id);
    const elsewhere = await c.matter(c.otherGrid.id);
    return {
      token: c.leader.token,
      params: { requestId: String(mine.id), action: 'accept' },
      otherParams: { requestId: [String(elsewhere.id)] },
      base: { version: mine.version, note: '已电话联系', contactMethod: 'call', complexity: 'simple' },
    };
  },
  // 派单 several at once (the console): a matter in the grid, to the next grid, by the hotline office.
  dispatchBatch: async (c) => {
    const mine = await c.matter(c.grid.id);
    return {
      token: c.hotlineToken,
      params: {},
      base: { targetUnitId: c.otherGrid.id, note: '请网格尽快联系', items: [{ requestId: mine.id, version: mine.version }] },
    };
  },
  // A patrol report by the grid's leader, passed on (not settled on the spot).
  reportPatrolFinding: async (c) => ({
    token: c.leader.token,
    params: {},
    base: {
      clientRequestId: 'fuzz-patrol-0001',
      dutyType: 'hazard_inspector',
      category: 'safety',
      description: '巡查发现桥栏杆松动',
      addressNote: '村南小桥',
      unitId: c.grid.id,
      settledOnSpot: false,
    },
  }),
  importRoster: async (c) => ({ token: c.hotlineToken, params: {}, base: { townId: String(c.town.id) } }),
  // The grid's leader entering a matter for an elderly villager of the grid.
  submitRequestOnBehalf: async (c) => ({
    token: c.leader.token,
    params: {},
    base: {
      clientRequestId: 'fuzz-proxy-0001',
      category: 'social',
      description: '老人想申请居家养老服务',
      unitId: c.grid.id,
      requesterName: '王秀英',
      requesterPhone: '13700009999',
    },
  }),
  setCategoryRoute: async (c) => {
    const [labour] = await c.dataSource.query(`SELECT id FROM org_unit WHERE kind = 'department' AND parentId = ? ORDER BY id LIMIT 1`, [c.town.id]);
    return { token: c.hotlineToken, params: { townId: String(c.town.id), category: 'labour' }, base: { departmentUnitId: Number(labour.id) } };
  },
  importHotlineOrders: async (c) => ({
    token: c.hotlineToken,
    params: {},
    base: {
      townId: c.town.id,
      orders: [
        {
          orderNo: 'FUZZ0001',
          receivedAt: '2026-11-24T09:00:00+08:00',
          callerName: '李建国',
          callerPhone: '13655551234',
          content: '工资拖欠',
          category: 'labour',
          cityDueAt: '2026-12-31T17:30:00+08:00',
        },
      ],
    },
  }),
  // The office's sheet: the good file imports one order; the bad ones are refused whole.
  importHotlineOrdersSheet: async (c) => {
    const sheet = async (rows: unknown[][], header = ['工单编号', '受理时间', '来电人', '来电号码', '诉求类别', '诉求内容', '办理时限', '是否保密']) => {
      const workbook = new Workbook();
      const ws = workbook.addWorksheet('工单');
      ws.addRow(header);
      for (const row of rows) ws.addRow(row);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const good = {
      filename: '工单.xlsx',
      contentType: XLSX,
      content: await sheet([['FUZZ0002', '2026-11-24 09:00', '张三', '13811112222', '环境卫生', '垃圾没人清', '2026-11-30', '否']]),
    };
    return {
      token: c.hotlineToken,
      params: {},
      base: { townId: String(c.town.id) },
      files: {
        good,
        bad: [
          { ...good, content: await sheet([['FUZZ0003', '2026-11-24 09:00', '张三', '1381111', '天气', '内容', '明天', '否']]) },
          { ...good, content: await sheet([], ['编号']) },
          { ...good, content: Buffer.from('not a spreadsheet') },
        ],
      },
    };
  },
  // A real photo as the good file; each generated body has a fault of its own (a text field, a second file, junk…).
  uploadPhoto: async (c) => {
    const good = { filename: '照片.png', contentType: 'image/png', content: pngImage(4, 3) };
    return {
      token: await c.villager(),
      params: {},
      base: {},
      files: {
        good,
        bad: [
          { ...good, filename: '照片.jpg', content: Buffer.from('这是文字，不是照片') },
          { ...good, content: good.content.subarray(0, good.content.length - 12) },
          { ...good, filename: 'gif.png', content: Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000') },
        ],
      },
    };
  },
  // A real recording as the good file (with its length); each generated body has a fault of its own.
  uploadVoiceNote: async (c) => {
    const good = { filename: '语音.mp3', contentType: 'audio/mpeg', content: MP3_NOTE };
    return {
      token: await c.villager(),
      params: {},
      base: { durationMs: '1500' },
      files: {
        good,
        bad: [
          { ...good, filename: '语音.mp3', content: Buffer.from('这是文字，不是录音') },
          { ...good, content: good.content.subarray(0, 300) },
          { ...good, filename: 'x.webm', content: Buffer.from('1a45dfa3', 'hex') },
        ],
      },
    };
  },
  // The requester's verdict on a result: a matter of theirs, resolved by the grid leader.
  rateRequest: async (c) => {
    const mine = await c.matter(c.grid.id);
    let version = mine.version;
    for (const [action, body] of [
      ['accept', { contactMethod: 'call' }],
      ['resolve', { note: '已修好' }],
    ] as const) {
      const res = await call(c.baseUrl, 'POST', `/api/requests/${mine.id}/actions/${action}`, { token: c.leader.token, body: { version, ...body } });
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      version = res.body.version;
    }
    return { token: mine.requesterToken, params: { requestId: String(mine.id) }, base: { version } };
  },
  // 这不是我的诉求: a villager the grid leader entered a matter for (代办).
  disownRequest: async (c) => {
    const phone = '13700008888';
    const personId = await addVillager(c.dataSource, { name: '被代办人', phone }, c.grid.id);
    const entered = await call(c.baseUrl, 'POST', '/api/requests/on-behalf', {
      token: c.leader.token,
      body: {
        clientRequestId: randomBytes(10).toString('hex'),
        category: 'other',
        description: '模糊测试用的代办',
        unitId: c.grid.id,
        requesterName: '被代办人',
        requesterPhone: phone,
      },
    });
    if (entered.status !== 201) throw new Error(`submitRequestOnBehalf: ${entered.status} ${JSON.stringify(entered.body)}`);
    return { token: await demoToken(c.baseUrl, personId), params: { requestId: String(entered.body.id) }, base: { version: entered.body.version } };
  },
};

async function deskTicket(c: Context): Promise<{ scene: string; pollToken: string }> {
  const res = await call(c.baseUrl, 'POST', '/api/auth/desk-tickets');
  if (res.status !== 200) throw new Error(`desk ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function wechatSession(c: Context): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await call(c.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: c.fake.issueLoginCode().code } });
  if (res.status !== 200) throw new Error(`wechat-login: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function groupPayload(c: Context): Record<string, string> {
  const grant = c.fake.issueLoginCode();
  return { code: grant.code, ...c.fake.encryptForSession(grant.session_key, { opengid: `G${randomBytes(10).toString('hex')}` }) };
}

/**
 * An operation nobody taught this file: ids of the Taitou grid's objects, and the first caller the
 * guard lets through, found with a body validation refuses (an unknown field), which writes nothing.
 */
async function fallbackTarget(c: Context, op: WriteOperation): Promise<Target> {
  const params: Record<string, string> = {};
  for (const p of op.operation.parameters ?? []) {
    if (p.in !== 'path') continue;
    const schema = p.schema ?? {};
    if (schema.enum) params[p.name] = String(schema.enum[0]);
    else if (/request/i.test(p.name)) params[p.name] = String((await c.matter(c.grid.id)).id);
    else if (/town/i.test(p.name)) params[p.name] = String(c.town.id);
    else if (/person/i.test(p.name)) params[p.name] = String(c.leader.personId);
    else params[p.name] = String(c.grid.id);
  }
  if (op.operation.requestBody) {
    const url = fill(op.path, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)])));
    for (const token of [c.adminToken, c.hotlineToken, c.leader.token, await c.villager(), undefined]) {
      const probe = await call(c.baseUrl, op.method, url, { token, body: { 'fuzz-probe': 1 } });
      if (probe.status !== 401 && probe.status !== 403) return { token, params, base: {}, fallback: true };
    }
  }
  return { token: c.adminToken, params, base: {}, fallback: true };
}

/** A body that satisfies `schema`, made up from it (the first option of each enum). */
function madeUp(schema: JsonSchema): Record<string, unknown> {
  const value = (s: JsonSchema): unknown => {
    if (s.enum) return s.enum[0];
    switch (s.type) {
      case 'string':
        return 'fuzz-value-1';
      case 'number':
      case 'integer':
        return 1;
      case 'boolean':
        return false;
      case 'array':
        return [];
      default:
        return s.properties ? madeUp(s) : {};
    }
  };
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, value(s)]));
}

// ---------------------------------------------------------------------------------------------
// the database, table by table

type Snapshot = Record<string, { rows: number; sha256: string }>;

async function snapshot(dataSource: DataSource, dialect: TestDialect): Promise<Snapshot> {
  const tables: string[] =
    dialect === 'sqlite'
      ? (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).map(
          (r: { name: string }) => r.name,
        )
      : (await dataSource.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME')).map(
          (r: { name: string }) => r.name,
        );
  const out: Snapshot = {};
  for (const table of tables) {
    const keys = await primaryKey(dataSource, dialect, table);
    const quote = (name: string) => (dialect === 'sqlite' ? `"${name}"` : `\`${name}\``);
    const order = keys.length ? ` ORDER BY ${keys.map(quote).join(', ')}` : '';
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${quote(table)}${order}`);
    const hash = createHash('sha256');
    const lines = rows.map((row) => JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    for (const line of keys.length ? lines : lines.sort()) hash.update(line).update('\n');
    out[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return out;
}

async function primaryKey(dataSource: DataSource, dialect: TestDialect, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const columns: { name: string; pk: number }[] = await dataSource.query(`PRAGMA table_info("${table}")`);
    return columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
  }
  const columns: { name: string }[] = await dataSource.query(
    `SELECT COLUMN_NAME AS name FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION`,
    [table],
  );
  return columns.map((c) => c.name);
}

function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]))
    .map((t) => `${t}: ${JSON.stringify(before[t])} → ${JSON.stringify(after[t])}`);
}

// ---------------------------------------------------------------------------------------------
// sending

interface Sent {
  body: BadBody;
  url: string;
  method: string;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** node:http with kept-alive connections: thousands of calls, and bodies sent exactly as generated. */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(baseUrl: string, sent: Sent, token: string | undefined): Promise<Answer> {
  const headers: Record<string, string | number> = { ...sent.body.headers, 'content-length': sent.body.body?.length ?? 0 };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${sent.url}`, { method: sent.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(sent.body.body);
  });
}

/** What is wrong with an answer, or undefined when it is as it must be. */
function problemWith(sent: Sent, answer: Answer): string | undefined {
  const { status } = answer;
  if (status >= 500) return `answered ${status}`;
  if (status >= 200 && status < 300) return sent.body.shapeValid ? undefined : `accepted a bad body (${status})`;
  if (status < 400) return `answered ${status}`;
  if (!answer.contentType.startsWith('application/json')) return `${status} with content type ${answer.contentType || 'none'}`;
  let error: { code?: unknown; message?: unknown; requestId?: unknown };
  try {
    error = JSON.parse(answer.text);
  } catch {
    return `${status} whose body is not JSON`;
  }
  if (typeof error.code !== 'string' || !ERROR_CODES.has(error.code)) return `${status} with unknown code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || !CHINESE.test(error.message)) return `${status} ${error.code} without a Chinese message`;
  if (typeof error.requestId !== 'string') return `${status} ${error.code} without a requestId`;
  return undefined;
}

async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? `{${name}}`);

// ---------------------------------------------------------------------------------------------

describe(`fuzz: bad bodies at every write operation (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => {
    agent.destroy();
    return fake?.close();
  });
  // Sign-in routes are rate-limited: high enough here that validation, not the limiter, answers.
  const auth = { ...loadAppConfig({}).auth, accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 1_000_000 };
  const under = useAppUnderTest(() => ({ wechat, demoLogin: true, auth }));

  let ctx: Context;
  let workbooks: { good: Buffer; headerOnly: Buffer; wrongHeader: Buffer };

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    await seedDemoIfEmpty(under.api.app);
    const baseUrl = under.api.baseUrl;
    const grid = await unitByCode(dataSource, 'SG-TT-V01-L1-S01');
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V01-L1-S01');
    const villager = async () => {
      const session = await wechatSession(ctx);
      const home = await call(baseUrl, 'PUT', '/api/me/home-unit', { token: session.accessToken, body: { unitId: grid.id } });
      if (home.status !== 200) throw new Error(`setHomeUnit: ${home.status}`);
      return session.accessToken;
    };
    ctx = {
      fake,
      baseUrl,
      dataSource,
      grid,
      otherGrid: await unitByCode(dataSource, 'SG-TT-V02-L1-S01'),
      village: await unitByCode(dataSource, 'SG-TT-V03'),
      town: await unitByCode(dataSource, 'SG-TT'),
      leader: { personId: leader.personId, token: await demoToken(baseUrl, leader.personId) },
      hotlineToken: await demoToken(baseUrl, (await personWithRole(dataSource, 'hotline_staff', 'SG-TT')).personId),
      adminToken: await demoToken(baseUrl, (await personWithRole(dataSource, 'county_admin', 'SG')).personId),
      villager,
      matter: async (unitId) => {
        const requesterToken = await villager();
        const res = await call(baseUrl, 'POST', '/api/requests', {
          token: requesterToken,
          body: { clientRequestId: randomBytes(10).toString('hex'), category: 'other', description: '模糊测试用的诉求', unitId },
        });
        if (res.status !== 201) throw new Error(`submitRequest: ${res.status} ${JSON.stringify(res.body)}`);
        return { id: res.body.id, version: res.body.version, requesterToken };
      },
    };
    workbooks = {
      good: await harmlessRosterXlsx(),
      headerOnly: await rosterXlsx([]),
      wrongHeader: await rosterXlsx([['台头镇', '北孙村']], ['town', 'village']),
    };
  });

  it('finds the write operations in the OpenAPI document', () => {
    expect(WRITES.length).toBeGreaterThan(0);
    const unprepared = WRITES.map((w) => w.operation.operationId).filter((id) => !PREPARE[id]);
    if (unprepared.length)
      process.stdout.write(
        `fuzz: no preparation known for ${unprepared.join(', ')}: they run with made-up ids and bodies, as the first caller the guard lets through\n`,
      );
  });

  it.each(WRITES.map((w) => [w.operation.operationId, w] as const))(
    '%s: every bad body gets a 4xx JSON error, nothing is written',
    async (operationId, op) => {
      const started = Date.now();
      const target = await (PREPARE[operationId] ?? ((c: Context) => fallbackTarget(c, op)))(ctx);
      const content = op.operation.requestBody?.content ?? {};
      const seed = seedOf(operationId);
      const goodUrl = fill(op.path, Object.fromEntries(Object.entries(target.params).map(([k, v]) => [k, encodeURIComponent(v)])));
      const at =
        (url: string) =>
        (body: BadBody): Sent => ({ body, url, method: op.method });

      // The bodies: generated from the operation's schema, at the objects the caller may act on.
      const sent: Sent[] = [];
      const jsonSchema = content['application/json']?.schema;
      const multipartSchema = content['multipart/form-data']?.schema;
      let base: Record<string, unknown> = target.base;
      if (multipartSchema) {
        const schema = resolveSchema(document, multipartSchema);
        const fileField = Object.entries(schema.properties ?? {}).find(([, s]) => s.format === 'binary')?.[0] ?? 'file';
        const texts = Object.fromEntries(
          Object.entries({ ...madeUp(schema), ...target.base })
            .filter(([k]) => k !== fileField)
            .map(([k, v]) => [k, String(v)]),
        );
        const file = target.files?.good ?? { filename: '花名册.xlsx', contentType: XLSX, content: workbooks.good };
        const badFiles = target.files?.bad ?? [
          { ...file, filename: '只有表头.xlsx', content: workbooks.headerOnly },
          { ...file, filename: '表头不对.xlsx', content: workbooks.wrongHeader },
        ];
        sent.push(...multipartBadBodies(schema, { base: texts, fileField, file, badFiles, seed, count: BODIES_PER_OPERATION }).map(at(goodUrl)));
        // JSON where an upload belongs: nothing sent as JSON can carry the file, so none may succeed.
        const asJson = { ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, Number.isNaN(Number(v)) ? v : Number(v)])), [fileField]: 'UEsDBA==' };
        sent.push(
          ...jsonBadBodies(schema, { base: asJson, seed: seed + 1, count: JSON_BODIES_FOR_UPLOADS }).map((b) => at(goodUrl)({ ...b, shapeValid: false })),
        );
        base = asJson;
      } else if (jsonSchema) {
        const schema = resolveSchema(document, jsonSchema);
        base = { ...madeUp(schema), ...target.base };
        sent.push(...jsonBadBodies(schema, { base, seed, count: BODIES_PER_OPERATION }).map(at(goodUrl)));
      }

      // Bad path parameters, with the body that would succeed at the right path.
      const baseBody: BadBody = {
        label: 'the good body',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(base)),
        shapeValid: false,
      };
      for (const parameter of (op.operation.parameters ?? []).filter((p) => p.in === 'path')) {
        const real = target.params[parameter.name] ?? '1';
        const others = (target.otherParams?.[parameter.name] ?? []).map(encodeURIComponent);
        [...badPathValues(parameter.schema, real), ...others].forEach((value, i) => {
          const params = Object.fromEntries(Object.entries(target.params).map(([k, v]) => [k, encodeURIComponent(v)]));
          const url = fill(op.path, { ...params, [parameter.name]: value });
          sent.push(at(url)({ ...baseBody, label: `${parameter.name} = ${value.slice(0, 30)}` }));
          if (i % 3 === 0)
            sent.push(
              at(url)({
                label: `${parameter.name} = ${value.slice(0, 30)}, empty body`,
                headers: { 'content-type': 'application/json' },
                body: Buffer.from('{}'),
                shapeValid: false,
              }),
            );
        });
      }

      // An operation that takes no input at all (createDeskTicket: no body, no path) has no bad input to send.
      if (sent.length === 0 && !op.operation.requestBody) {
        process.stdout.write(`fuzz ${operationId}: takes no input, nothing to send\n`);
        return;
      }
      // Fire, with modest concurrency; the database must not change at all.
      const before = await snapshot(ctx.dataSource, testDialect());
      const statuses = new Map<number, number>();
      const problems: string[] = [];
      let shapeValid = 0;
      await inPool(sent, CONCURRENCY, async (s) => {
        if (s.body.shapeValid) shapeValid++;
        let answer: Answer;
        try {
          answer = await send(ctx.baseUrl, s, target.token);
        } catch (error) {
          problems.push(`${s.body.label} [${s.url.slice(0, 80)}]: no answer (${String(error)})`);
          return;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = problemWith(s, answer);
        if (problem) problems.push(`${s.body.label} [${s.url.slice(0, 80)}]: ${problem}: ${answer.text.slice(0, 160)}`);
      });
      const after = await snapshot(ctx.dataSource, testDialect());

      const histogram = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ');
      process.stdout.write(
        `fuzz ${operationId}: ${sent.length} bodies, statuses {${histogram}}` +
          ` (${shapeValid} shape-valid by the document, 4xx not required; ${((Date.now() - started) / 1000).toFixed(1)} s${target.fallback ? '; fallback caller' : ''})\n`,
      );
      // An operation without a body only gets bad path parameters.
      if (op.operation.requestBody) expect(sent.filter((s) => s.url === goodUrl).length).toBeGreaterThanOrEqual(BODIES_PER_OPERATION);
      expect(shapeValid).toBeLessThan(sent.length * 0.1);
      expect({ count: problems.length, first: problems.slice(0, 25) }).toEqual({ count: 0, first: [] });
      expect(changedTables(before, after)).toEqual([]);
    },
    300_000,
  );

  /**
   * The search (issue #19) writes nothing, but takes a dozen query parameters from anyone on the
   * staff: 1,000 generated query strings each for it and its export, good and bad values mixed, as
   * the hotline staff. Any answer but a 5xx; every refusal a coded JSON error in Chinese.
   */
  it.each(['searchRequests', 'exportRequestSearch'])(
    '%s: bad query strings get a 4xx JSON error, never a 5xx',
    async (operationId) => {
      const [url, item] = Object.entries(document.paths).find(([, i]) => i.get?.operationId === operationId) ?? [];
      expect(item?.get).toBeDefined();
      const names = (item!.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['state', 'unitId', 'receivedFrom', 'overdue', 'q', 'sort']));
      const random = mulberry32(seedOf(`${operationId} query`));
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const values = [
        '',
        ' ',
        '0',
        '-1',
        '1',
        '1e3',
        '0x10',
        '99999999999999999999',
        'null',
        'undefined',
        'true',
        'false',
        'yes',
        'submitted',
        'accepted,bogus',
        'villager',
        'environment',
        'receivedAt',
        'dueAt',
        'asc',
        'desc',
        '2026-11-01',
        '2026-02-30',
        '2026-13-01',
        '2026-11-1',
        '路灯',
        '路灯 坏了',
        '% _ !',
        "' OR 1=1 --",
        '<script>',
        '\u0000',
        '😀',
        '长'.repeat(101),
        'a'.repeat(3000),
        'W1sicmVjZWl2ZWRBdCIsImRlc2MiLDAsMV0',
        Buffer.from(JSON.stringify(['receivedAt', 'desc', 1e20, 1])).toString('base64url'),
        Buffer.from(JSON.stringify(['receivedAt', 'desc', 0, -1])).toString('base64url'),
      ];
      const keys = [...names, 'foo', '__proto__', 'constructor', 'state[a]', 'state[]', 'limit[0]'];
      const sent: Sent[] = Array.from({ length: 1000 }, (_, i) => {
        const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${encodeURIComponent(pick(keys))}=${encodeURIComponent(pick(values))}`);
        // Now and then a raw, unencoded or repeated piece: what a hand-typed address holds.
        if (i % 7 === 0) parts.push(pick(['q=%E0%A4%A', 'q=%ED%A0%80', 'state=submitted&state=submitted', 'q=%', '&&', '=1', 'unitId']));
        return {
          url: `${url}?${parts.join('&')}`,
          method: 'GET',
          body: { label: parts.join('&').slice(0, 60), headers: {}, body: undefined, shapeValid: true },
        };
      });
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      await inPool(sent, CONCURRENCY, async (s) => {
        const answer = await send(ctx.baseUrl, s, ctx.hotlineToken);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = problemWith(s, answer);
        if (problem) problems.push(`${s.url.slice(0, 120)}: ${problem}: ${answer.text.slice(0, 160)}`);
      });
      process.stdout.write(`fuzz ${operationId} (query): ${sent.length} query strings, statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(500);
      expect({ count: problems.length, first: problems.slice(0, 25) }).toEqual({ count: 0, first: [] });
    },
    300_000,
  );
});
