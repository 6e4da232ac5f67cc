import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES, spanOf, type Role } from '@gridloop/domain';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import type { WechatConfig } from '../../src/config/app-config';
import { buildTown, PeopleFactory } from '../../src/seed/demo-county';
import { seedCounty, seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { pngImage, uploadPhoto } from '../support/images';
import { MP3_NOTE, uploadVoiceNote } from '../support/voice-notes';
import { harmlessRosterXlsx, insertFinishedImport, XLSX } from '../support/roster-files';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Every operation in the OpenAPI document × every role × an object inside and one outside the
 * caller's span, against ONE table of who may do what. An operation without a row fails.
 * The table states the policy independently of the code's own capability list on purpose.
 */

type Actor = Role | 'anonymous';
type Who = 'public' | 'signed-in' | readonly Role[];

/** What a request is aimed at: a small grid, its leader, its town (inside or outside the caller's span). */
interface Target {
  grid: { id: number; parentId: number };
  person: { id: number };
  town: { id: number };
}

interface Context {
  fake: FakeWechat;
  baseUrl: string;
  dataSource: DataSource;
  /** A signed-in villager, for preparing things (group tickets) that need some session. */
  helperToken: string;
}

interface Request {
  method: string;
  path: string;
  body?: unknown;
  /** Sent as multipart/form-data instead of JSON. */
  form?: FormData;
}

interface Row {
  who: Who;
  /** Scoped rows are denied for an object outside the caller's span, whoever they are. */
  scoped: boolean;
  request: (ctx: Context, target: Target) => Promise<Request> | Request;
}

const STAFF_WITH_GRIDS: readonly Role[] = [
  'grid_leader',
  'deputy_grid_leader',
  'large_grid_head',
  'village_secretary',
  'hotline_staff',
  'town_leader',
  'county_admin',
];
const TOWN_OFFICE: readonly Role[] = ['hotline_staff', 'town_leader', 'county_admin'];
const LEADERS: readonly Role[] = ['town_leader', 'county_admin'];

async function freshSession(ctx: Context): Promise<{ refreshToken: string }> {
  const res = await call(ctx.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: ctx.fake.issueLoginCode().code } });
  return res.body;
}

function groupPayload(ctx: Context) {
  const grant = ctx.fake.issueLoginCode();
  return { code: grant.code, ...ctx.fake.encryptForSession(grant.session_key, { opengid: `G${randomBytes(10).toString('hex')}` }) };
}

/** A matter raised in the target's grid by a villager who lives there (not the caller), with a number to call if given. */
async function requestIn(ctx: Context, target: Target, contactPhone?: string): Promise<{ id: number; version: number }> {
  await call(ctx.baseUrl, 'PUT', '/api/me/home-unit', { token: ctx.helperToken, body: { unitId: target.grid.id } });
  const res = await call(ctx.baseUrl, 'POST', '/api/requests', {
    token: ctx.helperToken,
    body: { clientRequestId: randomBytes(10).toString('hex'), category: 'other', description: '矩阵测试诉求', contactPhone },
  });
  return res.body;
}

/** A photo the helper villager attached to a matter raised in the target's grid. */
async function photoIn(ctx: Context, target: Target): Promise<number> {
  const photo = await uploadPhoto(ctx.baseUrl, ctx.helperToken, pngImage(2, 2), { filename: 'p.png', type: 'image/png' });
  await call(ctx.baseUrl, 'PUT', '/api/me/home-unit', { token: ctx.helperToken, body: { unitId: target.grid.id } });
  await call(ctx.baseUrl, 'POST', '/api/requests', {
    token: ctx.helperToken,
    body: { clientRequestId: randomBytes(10).toString('hex'), category: 'other', description: '矩阵测试照片', photoIds: [photo.body.id] },
  });
  return photo.body.id;
}

/** A voice note the helper villager raised a matter with in the target's grid. */
async function voiceNoteIn(ctx: Context, target: Target): Promise<number> {
  const note = await uploadVoiceNote(ctx.baseUrl, ctx.helperToken, MP3_NOTE);
  await call(ctx.baseUrl, 'PUT', '/api/me/home-unit', { token: ctx.helperToken, body: { unitId: target.grid.id } });
  await call(ctx.baseUrl, 'POST', '/api/requests', {
    token: ctx.helperToken,
    body: { clientRequestId: randomBytes(10).toString('hex'), category: 'other', voiceNoteId: note.body.id },
  });
  return note.body.id;
}

/** A 12345 order imported into the target's town by that town's own hotline staff; its order number. */
async function orderIn(ctx: Context, target: Target): Promise<string> {
  const [staff] = await ctx.dataSource.query(
    `SELECT r.personId AS "personId" FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.role = 'hotline_staff' AND u.parentId = ? ORDER BY r.id LIMIT 1`,
    [target.town.id],
  );
  const order = hotlineOrder();
  const res = await call(ctx.baseUrl, 'POST', '/api/hotline/orders', {
    token: await demoToken(ctx.baseUrl, Number(staff.personId)),
    body: { townId: target.town.id, orders: [order] },
  });
  if (res.status !== 200) throw new Error(`order import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return order.orderNo;
}

/** A matter in the target's grid urged by its town's hotline staff: the id of its printed notice and of the matter. */
async function noticeIn(ctx: Context, target: Target): Promise<{ noticeId: number; requestId: number }> {
  const { id, version } = await requestIn(ctx, target);
  const [staff] = await ctx.dataSource.query(
    `SELECT r.personId AS "personId" FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.role = 'hotline_staff' AND u.parentId = ? ORDER BY r.id LIMIT 1`,
    [target.town.id],
  );
  const urged = await call(ctx.baseUrl, 'POST', `/api/requests/${id}/actions/urge`, {
    token: await demoToken(ctx.baseUrl, Number(staff.personId)),
    body: { version },
  });
  if (urged.status !== 200) throw new Error(`urge for a notice: ${urged.status} ${JSON.stringify(urged.body)}`);
  const [notice] = await ctx.dataSource.query('SELECT id FROM printed_notice WHERE requestId = ?', [id]);
  return { noticeId: Number(notice.id), requestId: id };
}

function hotlineOrder() {
  const orderNo = `M${randomBytes(8).toString('hex')}`;
  return {
    orderNo,
    receivedAt: '2026-11-24T09:00:00+08:00',
    callerName: '矩阵',
    callerPhone: '13600000000',
    content: '矩阵测试工单',
    cityDueAt: '2026-12-31T17:00:00+08:00',
  };
}

async function hotlineSheet(): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('工单');
  sheet.addRow(['工单编号', '受理时间', '来电人', '来电号码', '诉求类别', '诉求内容', '办理时限', '是否保密']);
  const order = hotlineOrder();
  sheet.addRow([order.orderNo, '2026-11-24 09:00', '矩阵', '13600000000', '其他', '矩阵测试工单', '2026-12-31', '否']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every role but 村民 may use the desk console (request.view). */
const CONSOLE_USERS: readonly Role[] = ROLES.filter((r) => r !== 'villager');

async function deskTicket(ctx: Context): Promise<{ scene: string; pollToken: string }> {
  const res = await call(ctx.baseUrl, 'POST', '/api/auth/desk-tickets');
  if (res.status !== 200) throw new Error(`desk ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A desk signed in by scanning, confirmed on `personId`'s phone; its id. */
async function deskSignInOf(ctx: Context, personId: number): Promise<number> {
  const phone = await demoToken(ctx.baseUrl, personId);
  const ticket = await deskTicket(ctx);
  await call(ctx.baseUrl, 'POST', `/api/desk-tickets/${ticket.scene}/confirm`, { token: phone });
  await call(ctx.baseUrl, 'POST', '/api/auth/desk-poll', { body: { pollToken: ticket.pollToken } });
  const listed = await call(ctx.baseUrl, 'GET', '/api/me/desk-sign-ins', { token: phone });
  return listed.body[0].id;
}

const SUPERVISORS: readonly Role[] = ['hotline_staff', 'large_grid_head', 'town_leader', 'county_admin'];

const TABLE: Record<string, Row> = {
  getHealth: { who: 'public', scoped: false, request: () => ({ method: 'GET', path: '/api/health' }) },
  listTowns: { who: 'public', scoped: false, request: () => ({ method: 'GET', path: '/api/public/towns' }) },
  // The public board: figures and grid leaders' names only.
  getMonthlyRanking: {
    who: 'public',
    scoped: false,
    request: (_c, t) => ({ method: 'GET', path: `/api/public/reports/ranking?townId=${t.town.id}&month=2026-10&level=village` }),
  },
  listFigureRequests: {
    who: 'public',
    scoped: false,
    request: (_c, t) => ({ method: 'GET', path: `/api/public/reports/ranking/requests?townId=${t.town.id}&month=2026-10&unitId=${t.grid.id}&figure=received` }),
  },
  listExclusions: {
    who: 'public',
    scoped: false,
    request: (_c, t) => ({ method: 'GET', path: `/api/public/reports/ranking/exclusions?townId=${t.town.id}&month=2026-10&unitId=${t.grid.id}` }),
  },
  getUnitHistory: {
    who: 'public',
    scoped: false,
    request: (_c, t) => ({ method: 'GET', path: `/api/public/reports/unit-history?townId=${t.town.id}&unitId=${t.grid.id}&month=2026-10` }),
  },
  listChildUnits: { who: 'public', scoped: false, request: (_c, t) => ({ method: 'GET', path: `/api/public/units/${t.grid.parentId}/children` }) },
  searchUnits: {
    who: 'public',
    scoped: false,
    request: (_c, t) => ({ method: 'GET', path: `/api/public/units/${t.grid.parentId}/search?q=%E7%BD%91%E6%A0%BC` }),
  },
  getUnitTown: { who: 'public', scoped: false, request: (_c, t) => ({ method: 'GET', path: `/api/public/units/${t.grid.parentId}/town` }) },
  wechatLogin: {
    who: 'public',
    scoped: false,
    request: (c) => ({ method: 'POST', path: '/api/auth/wechat-login', body: { code: c.fake.issueLoginCode().code } }),
  },
  refreshSession: {
    who: 'public',
    scoped: false,
    request: async (c) => ({ method: 'POST', path: '/api/auth/refresh', body: { refreshToken: (await freshSession(c)).refreshToken } }),
  },
  logout: {
    who: 'public',
    scoped: false,
    request: async (c) => ({ method: 'POST', path: '/api/auth/logout', body: { refreshToken: (await freshSession(c)).refreshToken } }),
  },
  listDemoPeople: { who: 'public', scoped: false, request: () => ({ method: 'GET', path: '/api/auth/demo-people' }) },
  demoLogin: { who: 'public', scoped: false, request: (_c, t) => ({ method: 'POST', path: '/api/auth/demo-login', body: { personId: t.person.id } }) },
  // 扫码登录: the console's side is public (a ticket, then polling with the browser's own token).
  createDeskTicket: { who: 'public', scoped: false, request: () => ({ method: 'POST', path: '/api/auth/desk-tickets' }) },
  pollDeskTicket: {
    who: 'public',
    scoped: false,
    request: async (c) => ({ method: 'POST', path: '/api/auth/desk-poll', body: { pollToken: (await deskTicket(c)).pollToken } }),
  },
  // The phone's side: staff only (a villager has no console); each request a fresh ticket.
  getDeskTicket: { who: CONSOLE_USERS, scoped: false, request: async (c) => ({ method: 'GET', path: `/api/desk-tickets/${(await deskTicket(c)).scene}` }) },
  confirmDeskTicket: {
    who: CONSOLE_USERS,
    scoped: false,
    request: async (c) => ({ method: 'POST', path: `/api/desk-tickets/${(await deskTicket(c)).scene}/confirm` }),
  },
  cancelDeskTicket: {
    who: CONSOLE_USERS,
    scoped: false,
    request: async (c) => ({ method: 'POST', path: `/api/desk-tickets/${(await deskTicket(c)).scene}/cancel` }),
  },
  listDeskSignIns: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/me/desk-sign-ins' }) },
  // Only one's own desks: aimed at a grid leader's in the other county (no actor's), it is nobody else's to revoke (404).
  revokeDeskSignIn: {
    who: [],
    scoped: false,
    request: async (c) => ({
      method: 'POST',
      path: `/api/me/desk-sign-ins/${await deskSignInOf(c, (await personWithRole(c.dataSource, 'grid_leader', 'QT-A')).personId)}/revoke`,
    }),
  },
  getMe: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/me' }) },
  getMyWork: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/me/work' }) },
  // 工作台's chart: every role that sees matters (request.view), over its own span.
  getMyRecentIntake: { who: ROLES.filter((r) => r !== 'villager'), scoped: false, request: () => ({ method: 'GET', path: '/api/me/intake-30d' }) },
  bindPhone: {
    who: 'signed-in',
    scoped: false,
    request: (c) => ({
      method: 'POST',
      path: '/api/me/phone',
      body: { code: c.fake.issuePhoneCode(`137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`).code },
    }),
  },
  setHomeUnit: { who: 'signed-in', scoped: false, request: (_c, t) => ({ method: 'PUT', path: '/api/me/home-unit', body: { unitId: t.grid.id } }) },
  // Everyone's own message centre and subscriptions: the rows read and write only the caller's.
  listMyNotifications: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/me/notifications' }) },
  markNotificationsRead: { who: 'signed-in', scoped: false, request: () => ({ method: 'POST', path: '/api/me/notifications/read', body: { all: true } }) },
  listSubscribeTemplates: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/me/subscriptions' }) },
  recordSubscribeGrants: { who: 'signed-in', scoped: false, request: () => ({ method: 'POST', path: '/api/me/subscriptions', body: { accepted: [] } }) },
  resolveGroup: { who: 'signed-in', scoped: false, request: (c) => ({ method: 'POST', path: '/api/groups/resolve', body: groupPayload(c) }) },
  bindGroup: {
    who: STAFF_WITH_GRIDS,
    scoped: true,
    request: async (c, t) => {
      const resolved = await call(c.baseUrl, 'POST', '/api/groups/resolve', { token: c.helperToken, body: groupPayload(c) });
      return { method: 'POST', path: '/api/groups/bind', body: { groupTicket: resolved.body.groupTicket, unitId: t.grid.id } };
    },
  },
  viewFullPhone: { who: STAFF_WITH_GRIDS, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/people/${t.person.id}/phone` }) },
  getUnitRoster: { who: STAFF_WITH_GRIDS, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/units/${t.grid.id}/roster` }) },
  // The audit of full-number views: town leaders and county admins, naming a person within their span.
  listPhoneViews: { who: LEADERS, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/phone-views?subjectPersonId=${t.person.id}` }) },
  exportPhoneViews: { who: LEADERS, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/phone-views.xlsx?subjectPersonId=${t.person.id}` }) },
  submitRequest: {
    who: 'signed-in',
    scoped: false,
    request: (_c, t) => ({
      method: 'POST',
      path: '/api/requests',
      body: { clientRequestId: randomBytes(10).toString('hex'), category: 'other', description: '矩阵测试', unitId: t.grid.id },
    }),
  },
  reportPatrolFinding: {
    who: ['grid_leader', 'deputy_grid_leader'],
    scoped: true,
    request: (_c, t) => ({
      method: 'POST',
      path: '/api/requests/patrol',
      body: {
        clientRequestId: randomBytes(10).toString('hex'),
        dutyType: 'hazard_inspector',
        category: 'safety',
        description: '矩阵测试',
        unitId: t.grid.id,
        settledOnSpot: false,
      },
    }),
  },
  listMyRequests: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/requests/mine' }) },
  getRequestInbox: { who: 'signed-in', scoped: false, request: () => ({ method: 'GET', path: '/api/requests/inbox' }) },
  getRequest: { who: STAFF_WITH_GRIDS, scoped: true, request: async (c, t) => ({ method: 'GET', path: `/api/requests/${(await requestIn(c, t)).id}` }) },
  // 拨打: those handling the matter (the grid's people) or supervising it, never its grid's secretary or a department.
  callRequester: {
    who: ['grid_leader', 'deputy_grid_leader', ...SUPERVISORS],
    scoped: true,
    request: async (c, t) => ({ method: 'POST', path: `/api/requests/${(await requestIn(c, t, '13600000001')).id}/call` }),
  },
  // Accepting a new matter: only the people of the grid it landed in.
  actOnRequest: {
    who: ['grid_leader', 'deputy_grid_leader'],
    scoped: true,
    request: async (c, t) => {
      const { id, version } = await requestIn(c, t);
      return { method: 'POST', path: `/api/requests/${id}/actions/accept`, body: { version, contactMethod: 'call' } };
    },
  },
  // Only the requester rates; the matrix's callers never raised the matter.
  rateRequest: {
    who: [],
    scoped: true,
    request: async (c, t) => {
      const { id } = await requestIn(c, t);
      const leader = await demoToken(c.baseUrl, t.person.id);
      const accepted = await call(c.baseUrl, 'POST', `/api/requests/${id}/actions/accept`, { token: leader, body: { version: 1, contactMethod: 'call' } });
      const resolved = await call(c.baseUrl, 'POST', `/api/requests/${id}/actions/resolve`, {
        token: leader,
        body: { version: accepted.body.version, note: '已处理' },
      });
      return { method: 'POST', path: `/api/requests/${id}/rating`, body: { version: resolved.body.version, rating: 'satisfied' } };
    },
  },
  // 这不是我的诉求: only the person a matter was entered for; the matrix's callers never are (the
  // target grid's leader entered it for someone else).
  disownRequest: {
    who: [],
    scoped: true,
    request: async (c, t) => {
      const entered = await call(c.baseUrl, 'POST', '/api/requests/on-behalf', {
        token: await demoToken(c.baseUrl, t.person.id),
        body: {
          clientRequestId: randomBytes(10).toString('hex'),
          category: 'other',
          description: '矩阵测试代办',
          unitId: t.grid.id,
          requesterName: '矩阵',
          requesterPhone: '13600000002',
        },
      });
      if (entered.status !== 201) throw new Error(`on-behalf for disown: ${entered.status} ${JSON.stringify(entered.body)}`);
      return { method: 'POST', path: `/api/requests/${entered.body.id}/disown`, body: { version: entered.body.version } };
    },
  },
  // Entering a matter for a villager: grid people for neighbours, hotline staff for callers.
  submitRequestOnBehalf: {
    who: ['grid_leader', 'deputy_grid_leader', 'village_secretary', 'hotline_staff'],
    scoped: true,
    request: (_c, t) => ({
      method: 'POST',
      path: '/api/requests/on-behalf',
      body: {
        clientRequestId: randomBytes(10).toString('hex'),
        category: 'other',
        description: '矩阵测试代办',
        unitId: t.grid.id,
        requesterName: '矩阵',
        requesterPhone: '13600000001',
      },
    }),
  },
  getDailyBulletin: { who: TOWN_OFFICE, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/reports/daily?townId=${t.town.id}&day=2026-10-20` }) },
  exportDailyBulletin: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'GET', path: `/api/reports/daily.xlsx?townId=${t.town.id}&day=2026-10-20` }),
  },
  listBulletinRequests: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'GET', path: `/api/reports/daily/requests?townId=${t.town.id}&day=2026-10-20&figure=received` }),
  },
  getCategoryStats: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'GET', path: `/api/reports/categories?townId=${t.town.id}&from=2026-01&to=2026-05` }),
  },
  getWeeklyDispatch: { who: TOWN_OFFICE, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/reports/weekly-dispatch?townId=${t.town.id}` }) },
  getTownMonth: { who: TOWN_OFFICE, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/reports/town-month?townId=${t.town.id}` }) },
  exportWeeklyDispatch: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'GET', path: `/api/reports/weekly-dispatch.xlsx?townId=${t.town.id}` }),
  },
  getDispatchQueue: { who: TOWN_OFFICE, scoped: false, request: () => ({ method: 'GET', path: '/api/requests/dispatch-queue' }) },
  // Each item is answered in the body; the target unit outside the caller's area refuses the batch.
  dispatchBatch: {
    who: TOWN_OFFICE,
    scoped: true,
    request: async (c, t) => ({
      method: 'POST',
      path: '/api/requests/dispatch-batch',
      body: { targetUnitId: t.grid.id, note: '矩阵测试派单', items: [{ requestId: (await requestIn(c, t)).id, version: 1 }] },
    }),
  },
  getOverdueBoard: { who: [...STAFF_WITH_GRIDS, 'department_handler'], scoped: false, request: () => ({ method: 'GET', path: '/api/requests/overdue' }) },
  // 诉求检索: a list over the caller's span; outside it there is nothing to find, not a refusal.
  searchRequests: { who: [...STAFF_WITH_GRIDS, 'department_handler'], scoped: false, request: () => ({ method: 'GET', path: '/api/requests/search?limit=5' }) },
  exportRequestSearch: {
    who: [...STAFF_WITH_GRIDS, 'department_handler'],
    scoped: false,
    request: () => ({ method: 'GET', path: '/api/requests/search.xlsx?receivedFrom=2026-11-01' }),
  },
  listSearchPlaces: {
    who: [...STAFF_WITH_GRIDS, 'department_handler'],
    scoped: false,
    request: () => ({ method: 'GET', path: '/api/requests/search/places' }),
  },
  getLookBackQueue: { who: SUPERVISORS, scoped: false, request: () => ({ method: 'GET', path: '/api/requests/look-back-queue' }) },
  // 回访抽查: a list over the caller's span; 评价核实: the town's leaders only (never the public board).
  getReturnVisitSample: { who: SUPERVISORS, scoped: false, request: () => ({ method: 'GET', path: '/api/return-visits/sample' }) },
  getRatingAgreement: { who: LEADERS, scoped: false, request: () => ({ method: 'GET', path: '/api/return-visits/agreement' }) },
  // Duplicates are shown to those on the matter: its grid's handlers and its supervisors.
  listDuplicateCandidates: {
    who: ['grid_leader', 'deputy_grid_leader', ...SUPERVISORS],
    scoped: true,
    request: async (c, t) => ({ method: 'GET', path: `/api/requests/${(await requestIn(c, t)).id}/duplicates` }),
  },
  // Printed notices (催办通知书, 督办通知单): those on the matter, as 拨打 (its grid's handlers and its supervisors).
  getPrintedNotice: {
    who: ['grid_leader', 'deputy_grid_leader', ...SUPERVISORS],
    scoped: true,
    request: async (c, t) => ({ method: 'GET', path: `/api/notices/${(await noticeIn(c, t)).noticeId}` }),
  },
  listRequestNotices: {
    who: ['grid_leader', 'deputy_grid_leader', ...SUPERVISORS],
    scoped: true,
    request: async (c, t) => ({ method: 'GET', path: `/api/requests/${(await noticeIn(c, t)).requestId}/notices` }),
  },
  listCategoryRoutes: { who: TOWN_OFFICE, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/towns/${t.town.id}/category-routes` }) },
  setCategoryRoute: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'PUT', path: `/api/towns/${t.town.id}/category-routes/other`, body: { departmentUnitId: null } }),
  },
  importHotlineOrders: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'POST', path: '/api/hotline/orders', body: { townId: t.town.id, orders: [hotlineOrder()] } }),
  },
  importHotlineOrdersSheet: {
    who: TOWN_OFFICE,
    scoped: true,
    request: async (_c, t) => {
      const form = new FormData();
      form.set('townId', String(t.town.id));
      form.set('file', new Blob([new Uint8Array(await hotlineSheet())], { type: XLSX }), '工单.xlsx');
      return { method: 'POST', path: '/api/hotline/orders/xlsx', form };
    },
  },
  getHotlineReply: { who: TOWN_OFFICE, scoped: true, request: async (c, t) => ({ method: 'GET', path: `/api/hotline/orders/${await orderIn(c, t)}/reply` }) },
  listHotlineReplies: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'GET', path: `/api/hotline/replies?townId=${t.town.id}&from=2026-11-01&to=2026-11-30` }),
  },
  exportHotlineReplies: {
    who: TOWN_OFFICE,
    scoped: true,
    request: (_c, t) => ({ method: 'GET', path: `/api/hotline/replies.xlsx?townId=${t.town.id}&from=2026-11-01&to=2026-11-30` }),
  },
  uploadPhoto: {
    who: 'signed-in',
    scoped: false,
    request: () => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(pngImage(2, 2))], { type: 'image/png' }), '照片.png');
      return { method: 'POST', path: '/api/photos', form };
    },
  },
  // Attached photos are seen exactly by those who see the request (and its requester, not a matrix actor).
  getPhoto: { who: STAFF_WITH_GRIDS, scoped: true, request: async (c, t) => ({ method: 'GET', path: `/api/photos/${await photoIn(c, t)}` }) },
  getPhotoPreview: { who: STAFF_WITH_GRIDS, scoped: true, request: async (c, t) => ({ method: 'GET', path: `/api/photos/${await photoIn(c, t)}/preview` }) },
  uploadVoiceNote: {
    who: 'signed-in',
    scoped: false,
    request: () => {
      const form = new FormData();
      form.set('durationMs', '1500');
      form.set('file', new Blob([new Uint8Array(MP3_NOTE)], { type: 'audio/mpeg' }), '语音.mp3');
      return { method: 'POST', path: '/api/voice-notes', form };
    },
  },
  // Heard exactly by those who see the request, as its photos are seen.
  getVoiceNote: { who: STAFF_WITH_GRIDS, scoped: true, request: async (c, t) => ({ method: 'GET', path: `/api/voice-notes/${await voiceNoteIn(c, t)}` }) },
  exportRoster: { who: TOWN_OFFICE, scoped: true, request: (_c, t) => ({ method: 'GET', path: `/api/roster/export?townId=${t.town.id}` }) },
  importRoster: {
    who: TOWN_OFFICE,
    scoped: true,
    // A file that passes the upload checks and is then rejected in the background: harmless to repeat.
    request: async (_c, t) => {
      const form = new FormData();
      form.set('townId', String(t.town.id));
      form.set('file', new Blob([new Uint8Array(await harmlessRosterXlsx())], { type: XLSX }), '花名册.xlsx');
      return { method: 'POST', path: '/api/roster/imports', form };
    },
  },
  getRosterImport: {
    who: TOWN_OFFICE,
    scoped: true,
    request: async (c, t) => ({ method: 'GET', path: `/api/roster/imports/${await insertFinishedImport(c.dataSource, t.town.id, t.person.id)}` }),
  },
};

const ACTORS: Actor[] = ['anonymous', ...ROLES];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function allowed(row: Row, actor: Actor, inScope: boolean): boolean {
  if (row.scoped && !inScope) return false;
  if (row.who === 'public') return true;
  if (actor === 'anonymous') return false;
  return row.who === 'signed-in' || row.who.includes(actor);
}

describe(`access matrix (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(() => fake?.close());
  const under = useAppUnderTest(() => ({
    wechat,
    demoLogin: true,
    auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 100_000, refreshReuseGraceSeconds: 10 },
  }));

  const tokens = new Map<Actor, string | undefined>();
  const inScope = new Map<Actor, Target>();
  let outOfScope: Target;
  let ctx: Context;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    await seedDemoIfEmpty(under.api.app);
    // A second county that nobody above holds a role in: the out-of-scope objects live here.
    const people = new PeopleFactory('0999');
    await seedCounty(dataSource, {
      code: 'QT',
      name: '其他县',
      admin: people.person(),
      towns: [buildTown(people, 'QT-A', '其他镇', { villages: 1, largeGrids: 1, smallGrids: 2, villageNames: ['其他村'] })],
    });
    outOfScope = await targetAt(dataSource, 'QT-A-V01-L1-S01');

    const baseUrl = under.api.baseUrl;
    const villager = await call(baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    // Someone else again prepares things (raises matters, resolves groups): never the villager under test.
    const helper = await call(baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    ctx = { fake, baseUrl, dataSource, helperToken: helper.body.accessToken };

    tokens.set('anonymous', undefined);
    inScope.set('anonymous', await targetAt(dataSource, 'SG-TT-V01-L1-S01'));
    tokens.set('villager', villager.body.accessToken);
    inScope.set('villager', await targetAt(dataSource, 'SG-TT-V01-L1-S01'));
    for (const role of ROLES.filter((r) => r !== 'villager')) {
      const holder = await personWithRole(dataSource, role, role === 'county_admin' ? 'SG' : 'SG-TT');
      tokens.set(role, await demoToken(baseUrl, holder.personId));
      const [prefix] = spanOf([{ role, unitPath: holder.unitPath }]);
      inScope.set(role, await targetAt(dataSource, await firstGridCode(dataSource, prefix ?? '/')));
    }
  });

  it('has a row for every operation in the OpenAPI document, and no row for one that is gone', async () => {
    const document = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'openapi.json'), 'utf8'));
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) =>
      METHODS.flatMap((m) => (item[m] ? [item[m].operationId] : [])),
    );
    expect(operationIds.filter((id) => !TABLE[id])).toEqual([]);
    expect(Object.keys(TABLE).filter((id) => !operationIds.includes(id))).toEqual([]);
  });

  it('allows and denies exactly as the table says, for every role, inside and outside the span', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [operationId, row] of Object.entries(TABLE)) {
      for (const actor of ACTORS) {
        for (const scope of ['in', 'out'] as const) {
          const target = scope === 'in' ? inScope.get(actor)! : outOfScope;
          const request = await row.request(ctx, target);
          const res = request.form
            ? await postForm(ctx.baseUrl, request.path, request.form, tokens.get(actor))
            : await call(ctx.baseUrl, request.method, request.path, { token: tokens.get(actor), body: request.body });
          const expected = allowed(row, actor, scope === 'in');
          // An export answers with a workbook: success is its status alone.
          const denied = res.status === 401 || res.status === 403 || res.status === 404;
          const ok = expected ? res.status >= 200 && res.status < 300 : denied;
          checked++;
          if (!ok)
            mismatches.push(
              `${operationId} as ${actor} (${scope} of span): expected ${expected ? 'allowed' : 'denied'}, got ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(Object.keys(TABLE).length * ACTORS.length * 2);
    process.stdout.write(`access matrix: ${checked} requests checked (${Object.keys(TABLE).length} operations × ${ACTORS.length} actors × 2 scopes)\n`);
    // ~500 requests one after another: give a loaded 2-core machine room.
  }, 240_000);
});

async function targetAt(dataSource: DataSource, gridCode: string): Promise<Target> {
  const grid = await unitByCode(dataSource, gridCode);
  const [row] = await dataSource.query(
    `SELECT g.parentId AS "parentId", r.personId AS "personId" FROM org_unit g JOIN role_assignment r ON r.unitId = g.id AND r.role = 'grid_leader' AND r.endedAt IS NULL WHERE g.id = ?`,
    [grid.id],
  );
  const townId = Number(grid.path.split('/').filter(Boolean)[1]);
  return { grid: { id: grid.id, parentId: Number(row.parentId) }, person: { id: Number(row.personId) }, town: { id: townId } };
}

async function firstGridCode(dataSource: DataSource, pathPrefix: string): Promise<string> {
  const [row] = await dataSource.query(`SELECT code FROM org_unit WHERE kind = 'small_grid' AND path LIKE ? ORDER BY id LIMIT 1`, [`${pathPrefix}%`]);
  // A department's span holds no grids: aim at the first Taitou grid (the row's roles decide).
  return row?.code ?? 'SG-TT-V01-L1-S01';
}

async function postForm(baseUrl: string, path: string, form: FormData, token: string | undefined): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  return { status: res.status, body: await res.text() };
}
