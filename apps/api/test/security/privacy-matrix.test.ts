import { describe, expect, it, beforeAll } from '@jest/globals';
import { chinaDayOf, maskName, maskNumbersInText, maskPhone, shownAs, type Exposure, type PersonalField, type Relation } from '@gridloop/domain';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Issue #16, "every personal field by viewer relation": one villager (the requester) has four
 * matters in every state a list shows (open with a follower, resolved, overdue with a transfer
 * asked, a 12345 order entered under her name), and every read operation in the OpenAPI document
 * is called by each relation to them: the requester, a follower, the grid leader handling them,
 * supervisors (the large-grid head, hotline staff), and the public (a villager of the same grid,
 * and no one signed in). Her name, phone and address note must show in each answer exactly as
 * PERSONAL_FIELDS (packages/domain) says for that relation: in full, masked, or not at all.
 * An operation without a row here fails: add one saying to whom it answers with her matters.
 */

const GRID = 'SG-TT-V02-L1-S01';
const NAME = '隐私测试';
const PHONE = `1370009${String(Date.now() % 10_000).padStart(4, '0')}`;
const ADDRESS = '槐树巷十八号';
// A number written into the text by accident (her son's): masked in every answer but hers (numbersInText).
const TEXT_PHONE = `1390007${String(Date.now() % 10_000).padStart(4, '0')}`;
const LAMP_WORDS = '村西头的路灯坏了一个星期，晚上出门看不见路';
const LAMP = `${LAMP_WORDS}，有事打我儿子${TEXT_PHONE}`;

/** Who calls: one person per seat, each standing to her matters as `relations` (none: the public). */
const SEATS = {
  requester: ['requester'],
  follower: ['follower'],
  handler: ['handler'],
  largeGridHead: ['supervisor'],
  hotlineStaff: ['supervisor'],
  townLeader: ['supervisor'],
  // Staff who may open her matters but neither handle nor supervise them stand as the public.
  villageSecretary: [],
  neighbour: [],
  anonymous: [],
} as const satisfies Record<string, readonly Relation[]>;
type Seat = keyof typeof SEATS;
const SEAT_NAMES = Object.keys(SEATS) as Seat[];

/**
 * What of her an answer can carry; `audited` is a full number from a logged action; `demo` her name
 * on the demo sign-in's list, which exists only with DEMO_LOGIN, where anyone may sign in as her.
 */
const PLANTED = ['name', 'phone', 'address', 'textNumber'] as const;
type Planted = (typeof PLANTED)[number];
interface Carried {
  planted: Planted;
  as: PersonalField | 'audited' | 'demo';
  /** The seats the operation answers with it (others are refused, or get answers without her). */
  to: readonly Seat[];
}

interface Planting {
  gridId: number;
  townId: number;
  villageId: number;
  requesterId: number;
  /** Open, accepted, with a follower. */
  open: number;
  /** Open, its completion clock run out, a transfer asked for. */
  overdue: number;
  orderNo: string;
  /** The printed notice of the urge on `overdue`. */
  noticeId: number;
}

interface Row {
  path: (p: Planting) => string;
  carries: readonly Carried[];
}

/** Her matters' fields to `to`; the text of them (a number in it masked) also to `textTo`, who see her matters without her fields. */
const REQUEST_FIELDS = (to: readonly Seat[], textTo: readonly Seat[] = to): Carried[] => [
  { planted: 'name', as: 'requesterName', to },
  { planted: 'phone', as: 'contactPhone', to },
  { planted: 'address', as: 'addressNote', to },
  { planted: 'textNumber', as: 'numbersInText', to: textTo },
];
const NOTHING: readonly Carried[] = [];
const SUPERVISING: readonly Seat[] = ['largeGridHead', 'hotlineStaff', 'townLeader'];
const STAFF_ON_HER_MATTERS: readonly Seat[] = ['handler', ...SUPERVISING];
/** The town's office: hotline staff and the town leader (派单). */
const TOWN_OFFICE: readonly Seat[] = ['hotlineStaff', 'townLeader'];
/** Who may open her matters: those on them, and staff of the span who neither handle nor supervise them (her fields hidden from them). */
const SPAN_STAFF: readonly Seat[] = [...STAFF_ON_HER_MATTERS, 'villageSecretary'];

const AUDIT: readonly Carried[] = [
  { planted: 'name', as: 'auditSubjectName', to: ['townLeader'] },
  { planted: 'phone', as: 'auditSubjectPhone', to: ['townLeader'] },
];

/** A printed notice of her matter: its text, her name masked to those on it, never her phone or address. */
const NOTICE: readonly Carried[] = [
  { planted: 'name', as: 'requesterName', to: STAFF_ON_HER_MATTERS },
  { planted: 'textNumber', as: 'numbersInText', to: STAFF_ON_HER_MATTERS },
];

const ROWS: Record<string, Row> = {
  // The demo list names the seeded villagers and the newest ones (tests sign in as those they add): her too.
  listDemoPeople: { path: () => '/api/auth/demo-people', carries: [{ planted: 'name', as: 'demo', to: SEAT_NAMES }] },
  getMe: {
    path: () => '/api/me',
    carries: [
      { planted: 'name', as: 'rosterName', to: ['requester'] },
      { planted: 'phone', as: 'rosterPhone', to: ['requester'] },
    ],
  },
  getHealth: { path: () => '/api/health', carries: NOTHING },
  listTowns: { path: () => '/api/public/towns', carries: NOTHING },
  listChildUnits: { path: (p) => `/api/public/units/${p.villageId}/children`, carries: NOTHING },
  searchUnits: { path: (p) => `/api/public/units/${p.villageId}/search?q=%E7%BD%91%E6%A0%BC`, carries: NOTHING },
  getUnitTown: { path: (p) => `/api/public/units/${p.villageId}/town`, carries: NOTHING },
  // The roster's audited view: staff whose span holds her home (each view logged, checked below).
  viewFullPhone: {
    path: (p) => `/api/people/${p.requesterId}/phone`,
    carries: [{ planted: 'phone', as: 'audited', to: [...STAFF_ON_HER_MATTERS, 'villageSecretary'] }],
  },
  getUnitRoster: { path: (p) => `/api/units/${p.gridId}/roster`, carries: NOTHING },
  // Photos and voice notes are bytes with no fields (their metadata is stripped on upload).
  getPhotoPreview: { path: () => '/api/photos/999999999/preview', carries: NOTHING },
  getPhoto: { path: () => '/api/photos/999999999', carries: NOTHING },
  getVoiceNote: { path: () => '/api/voice-notes/999999999', carries: NOTHING },
  getDispatchQueue: { path: () => '/api/requests/dispatch-queue', carries: REQUEST_FIELDS(TOWN_OFFICE) },
  getLookBackQueue: { path: () => '/api/requests/look-back-queue', carries: REQUEST_FIELDS(SUPERVISING) },
  getOverdueBoard: { path: () => '/api/requests/overdue', carries: REQUEST_FIELDS(STAFF_ON_HER_MATTERS, SPAN_STAFF) },
  listMyRequests: { path: () => '/api/requests/mine', carries: REQUEST_FIELDS(['requester', 'follower']) },
  // The grid leader handles the grid's; hotline staff the 12345 order waiting at their office (it has no address note).
  getRequestInbox: {
    path: () => '/api/requests/inbox?limit=100',
    carries: [
      { planted: 'name', as: 'requesterName', to: ['handler', 'hotlineStaff'] },
      { planted: 'phone', as: 'contactPhone', to: ['handler', 'hotlineStaff'] },
      { planted: 'address', as: 'addressNote', to: ['handler'] },
      { planted: 'textNumber', as: 'numbersInText', to: ['handler'] },
    ],
  },
  getRequest: {
    path: (p) => `/api/requests/${p.open}`,
    carries: REQUEST_FIELDS(['requester', 'follower', ...STAFF_ON_HER_MATTERS], ['requester', 'follower', ...SPAN_STAFF]),
  },
  // Candidates carry the text and the place, not the person.
  listDuplicateCandidates: {
    path: (p) => `/api/requests/${p.overdue}/duplicates`,
    carries: [
      { planted: 'address', as: 'addressNote', to: STAFF_ON_HER_MATTERS },
      { planted: 'textNumber', as: 'numbersInText', to: STAFF_ON_HER_MATTERS },
    ],
  },
  // The printed notice of the urge on her overdue matter.
  getPrintedNotice: { path: (p) => `/api/notices/${p.noticeId}`, carries: NOTICE },
  listRequestNotices: { path: (p) => `/api/requests/${p.overdue}/notices`, carries: NOTICE },
  listCategoryRoutes: { path: (p) => `/api/towns/${p.townId}/category-routes`, carries: NOTHING },
  getHotlineReply: { path: (p) => `/api/hotline/orders/${p.orderNo}/reply`, carries: NOTHING },
  listHotlineReplies: { path: (p) => `/api/hotline/replies?townId=${p.townId}&from=${today()}&to=${today()}`, carries: NOTHING },
  exportHotlineReplies: { path: (p) => `/api/hotline/replies.xlsx?townId=${p.townId}&from=${today()}&to=${today()}`, carries: NOTHING },
  listMyNotifications: { path: () => '/api/me/notifications', carries: NOTHING },
  listSubscribeTemplates: { path: () => '/api/me/subscriptions', carries: NOTHING },
  getMonthlyRanking: { path: (p) => `/api/public/reports/ranking?townId=${p.townId}&month=${thisMonth()}&level=grid`, carries: NOTHING },
  listExclusions: {
    path: (p) => `/api/public/reports/ranking/exclusions?townId=${p.townId}&month=${thisMonth()}&unitId=${p.gridId}`,
    carries: NOTHING,
  },
  getUnitHistory: { path: (p) => `/api/public/reports/unit-history?townId=${p.townId}&month=${thisMonth()}&unitId=${p.gridId}`, carries: NOTHING },
  listFigureRequests: {
    path: (p) => `/api/public/reports/ranking/requests?townId=${p.townId}&month=${thisMonth()}&unitId=${p.gridId}&figure=received`,
    carries: NOTHING,
  },
  getDailyBulletin: { path: (p) => `/api/reports/daily?townId=${p.townId}&day=${today()}`, carries: NOTHING },
  exportDailyBulletin: { path: (p) => `/api/reports/daily.xlsx?townId=${p.townId}&day=${today()}`, carries: NOTHING },
  listBulletinRequests: { path: (p) => `/api/reports/daily/requests?townId=${p.townId}&day=${today()}&figure=received`, carries: NOTHING },
  getWeeklyDispatch: { path: (p) => `/api/reports/weekly-dispatch?townId=${p.townId}`, carries: NOTHING },
  getTownMonth: { path: (p) => `/api/reports/town-month?townId=${p.townId}`, carries: NOTHING },
  exportWeeklyDispatch: { path: (p) => `/api/reports/weekly-dispatch.xlsx?townId=${p.townId}`, carries: NOTHING },
  getCategoryStats: { path: (p) => `/api/reports/categories?townId=${p.townId}&from=${thisMonth()}&to=${thisMonth()}`, carries: NOTHING },
  getMyWork: { path: () => '/api/me/work', carries: NOTHING },
  getMyRecentIntake: { path: () => '/api/me/intake-30d', carries: NOTHING },
  // 诉求检索 and its workbook: her matters to the staff whose span holds them (villagers are refused).
  searchRequests: { path: () => '/api/requests/search?limit=100', carries: REQUEST_FIELDS(STAFF_ON_HER_MATTERS, SPAN_STAFF) },
  // The workbook has no address column.
  exportRequestSearch: {
    path: () => '/api/requests/search.xlsx',
    carries: REQUEST_FIELDS(STAFF_ON_HER_MATTERS, SPAN_STAFF).filter((carried) => carried.planted !== 'address'),
  },
  listSearchPlaces: { path: () => '/api/requests/search/places', carries: NOTHING },
  // The week's sample is of matters closed last week (none of hers); the agreement is figures only.
  getReturnVisitSample: { path: () => '/api/return-visits/sample', carries: NOTHING },
  getRatingAgreement: { path: () => '/api/return-visits/agreement', carries: NOTHING },
  // A desk's ticket (an unknown one here) and one's own desk sign-ins carry no one's fields.
  getDeskTicket: { path: () => '/api/desk-tickets/unknownticket0000000000', carries: NOTHING },
  listDeskSignIns: { path: () => '/api/me/desk-sign-ins', carries: NOTHING },
  // The audit of full-number views (by now the staff above have viewed hers): for auditors only.
  listPhoneViews: { path: (p) => `/api/phone-views?subjectPersonId=${p.requesterId}`, carries: AUDIT },
  exportPhoneViews: { path: (p) => `/api/phone-views.xlsx?subjectPersonId=${p.requesterId}`, carries: AUDIT },
  getRosterImport: { path: () => '/api/roster/imports/999999999', carries: NOTHING },
  exportRoster: { path: (p) => `/api/roster/export?townId=${p.townId}`, carries: NOTHING },
};

function today(): string {
  return chinaDayOf(new Date());
}

function thisMonth(): string {
  return today().slice(0, 7);
}

/** What the policy table says `seat` sees of `planted` on a row: the most open of what carries it to them. */
function expected(row: Row, seat: Seat, planted: Planted): Exposure {
  const shown = row.carries
    .filter((c) => c.planted === planted && c.to.includes(seat))
    .map((c): Exposure => (c.as === 'audited' || c.as === 'demo' ? 'full' : shownAs(c.as, SEATS[seat])));
  return shown.includes('full') ? 'full' : shown.includes('masked') ? 'masked' : 'hidden';
}

/** What an answer shows of her: her value in full, masked, or neither. */
function observed(text: string, planted: Planted): Exposure {
  const forms: Record<Planted, [string, string | null]> = {
    name: [NAME, maskName(NAME)],
    phone: [PHONE, maskPhone(PHONE)],
    address: [ADDRESS, null],
    textNumber: [TEXT_PHONE, maskNumbersInText(TEXT_PHONE)],
  };
  const [full, masked] = forms[planted];
  if (text.includes(full)) return 'full';
  return masked !== null && text.includes(masked) ? 'masked' : 'hidden';
}

/** The answer as text: JSON as sent, a workbook's cells one per line. */
async function answerText(baseUrl: string, urlPath: string, token: string | undefined): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${urlPath}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!(res.headers.get('content-type') ?? '').includes('spreadsheetml')) return { status: res.status, text: bytes.toString('utf8') };
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((cell) => cells.push(cell.text))));
  return { status: res.status, text: cells.join('\n') };
}

describe(`privacy matrix: every read operation × every relation against PERSONAL_FIELDS (${testDialect()})`, () => {
  // Unrated results join the look-back queue at once.
  const under = useAppUnderTest(() => ({ demoLogin: true, lookBack: { ratingWaitHours: 0 } }));
  const tokens = new Map<Seat, string | undefined>();
  let planting: Planting;
  let ds: DataSource;
  const api = (method: string, urlPath: string, seat: Seat, body?: unknown) => call(under.api.baseUrl, method, urlPath, { token: tokens.get(seat), body });
  const clientRequestId = () => randomBytes(10).toString('hex');

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    const base = under.api.baseUrl;
    const leader = await personWithRole(ds, 'grid_leader', GRID);
    const grid = await unitByCode(ds, GRID);
    const [townId, villageId] = grid.path.split('/').filter(Boolean).slice(1, 3).map(Number) as [number, number];
    // Her follower and her neighbour in the same grid.
    tokens.set('follower', await demoToken(base, await addVillager(ds, { name: '傅跟随', phone: '13700081111' }, grid.id)));
    tokens.set('neighbour', await demoToken(base, await addVillager(ds, { name: '石邻居', phone: '13700082222' }, grid.id)));
    const requesterId = await addVillager(ds, { name: NAME, phone: PHONE }, grid.id);
    tokens.set('requester', await demoToken(base, requesterId));
    tokens.set('handler', await demoToken(base, leader.personId));
    tokens.set('largeGridHead', await demoToken(base, (await personWithRole(ds, 'large_grid_head', GRID.slice(0, -4))).personId));
    const hotline = await personWithRole(ds, 'hotline_staff', 'SG-TT');
    tokens.set('hotlineStaff', await demoToken(base, hotline.personId));
    tokens.set('villageSecretary', await demoToken(base, (await personWithRole(ds, 'village_secretary', GRID.slice(0, -7))).personId));
    tokens.set('townLeader', await demoToken(base, (await personWithRole(ds, 'town_leader', 'SG-TT')).personId));
    tokens.set('anonymous', undefined);

    // Hers give her number and her address note; the follower's its own place.
    const submit = async (seat: 'requester' | 'follower', description: string) => {
      const own = seat === 'requester' ? { addressNote: ADDRESS, contactPhone: PHONE } : { addressNote: '村西头' };
      const res = await api('POST', '/api/requests', seat, { clientRequestId: clientRequestId(), category: 'infrastructure', description, ...own });
      expect(res.status).toBe(201);
      return res.body as { id: number; version: number };
    };
    const step = async (id: number, action: string, body: Record<string, unknown>) => {
      const version = (await api('GET', `/api/requests/${id}`, 'handler')).body.version;
      const res = await api('POST', `/api/requests/${id}/actions/${action}`, 'handler', { version, ...body });
      expect(res.status).toBe(200);
    };

    const open = await submit('requester', LAMP);
    await step(open.id, 'accept', { contactMethod: 'call' });
    const followed = await submit('follower', `${LAMP_WORDS}了`);
    await step(followed.id, 'merge', { targetRequestId: open.id });

    const resolved = await submit('requester', '村西头水沟堵了，下雨就漫到路上');
    await step(resolved.id, 'accept', { contactMethod: 'call' });
    await step(resolved.id, 'resolve', { note: `已疏通水沟，她儿子${TEXT_PHONE}来看过了` });

    const overdue = await submit('requester', `${LAMP}，还没人来修`);
    await step(overdue.id, 'accept', { contactMethod: 'call' });
    await step(overdue.id, 'requestTransfer', { note: '需要供电所来修' });
    await ds.getRepository(RequestEntity).update({ id: overdue.id }, { completionDueAt: new Date(Date.now() - 3_600_000) });

    // A 12345 order the city took from her by phone: entered under the name the caller gave.
    const orderNo = `P${randomBytes(6).toString('hex')}`;
    const imported = await api('POST', '/api/hotline/orders', 'hotlineStaff', {
      townId,
      orders: [
        {
          orderNo,
          receivedAt: new Date().toISOString(),
          callerName: NAME,
          callerPhone: PHONE,
          content: '家门口的下水道堵了',
          cityDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      ],
    });
    expect(imported.status).toBe(200);
    // The office urges the overdue one: its printed notice.
    const overdueVersion = (await api('GET', `/api/requests/${overdue.id}`, 'hotlineStaff')).body.version;
    expect((await api('POST', `/api/requests/${overdue.id}/actions/urge`, 'hotlineStaff', { version: overdueVersion })).status).toBe(200);
    const noticeId = Number((await api('GET', `/api/requests/${overdue.id}/notices`, 'hotlineStaff')).body[0].id);
    planting = { gridId: grid.id, townId, villageId, requesterId, open: open.id, overdue: overdue.id, orderNo, noticeId };
  });

  it('has a row for every read operation in the OpenAPI document, and none for one that is gone', () => {
    const document = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'openapi.json'), 'utf8'));
    const reads = Object.values(document.paths as Record<string, { get?: { operationId: string } }>).flatMap((item) =>
      item.get ? [item.get.operationId] : [],
    );
    expect(reads.filter((id) => !ROWS[id]).map((id) => `${id}: add a row to ROWS`)).toEqual([]);
    expect(Object.keys(ROWS).filter((id) => !reads.includes(id))).toEqual([]);
  });

  it('shows her name, phone, address note and a number in her text to each relation as the policy table says, in every answer', async () => {
    const logged = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM phone_view_log WHERE subjectPersonId = ?', [planting.requesterId]))[0].n);
    const mismatches: string[] = [];
    let checked = 0;
    for (const [operationId, row] of Object.entries(ROWS)) {
      for (const seat of SEAT_NAMES) {
        const before = await logged();
        const { status, text } = await answerText(under.api.baseUrl, row.path(planting), tokens.get(seat));
        for (const planted of PLANTED) {
          const want = expected(row, seat, planted);
          const got = observed(text, planted);
          checked++;
          if (got !== want) mismatches.push(`${operationId} as ${seat}: her ${planted} ${got}, the table says ${want} (${status} ${text.slice(0, 100)})`);
        }
        // A full number from a read is an audited view: one log row each time, and only then.
        const full = observed(text, 'phone') === 'full' && seat !== 'requester';
        if ((await logged()) !== before + (full ? 1 : 0))
          mismatches.push(`${operationId} as ${seat}: ${full ? 'full number not logged' : 'a view logged without a full number'}`);
      }
    }
    expect(mismatches).toEqual([]);
    process.stdout.write(
      `privacy matrix: ${checked} cells (${Object.keys(ROWS).length} read operations × ${SEAT_NAMES.length} seats × ${PLANTED.length} fields)\n`,
    );
  }, 240_000);

  it('拨打 answers the full number to those handling or supervising the matter, each call logged; others are refused', async () => {
    const logRows = () =>
      ds.query('SELECT viewerPersonId AS "viewer", requestId AS "requestId" FROM phone_view_log WHERE subjectPersonId = ? ORDER BY id', [
        planting.requesterId,
      ]) as Promise<{ viewer: number; requestId: number | null }[]>;
    const before = (await logRows()).length;
    for (const seat of STAFF_ON_HER_MATTERS) {
      const detail = await api('GET', `/api/requests/${planting.open}`, seat);
      expect(detail.body).toMatchObject({ canCall: true, contactPhone: maskPhone(PHONE) });
      const res = await api('POST', `/api/requests/${planting.open}/call`, seat);
      expect({ seat, status: res.status, body: res.body }).toEqual({ seat, status: 200, body: { phone: PHONE } });
    }
    // Each row names the caller and the matter it was for.
    const calls = (await logRows()).slice(before);
    expect(calls.map((r) => Number(r.requestId))).toEqual(STAFF_ON_HER_MATTERS.map(() => planting.open));
    expect(new Set(calls.map((r) => Number(r.viewer))).size).toBe(STAFF_ON_HER_MATTERS.length);

    const refused = {
      requester: { status: 403, code: 'FORBIDDEN' },
      follower: { status: 403, code: 'FORBIDDEN' },
      villageSecretary: { status: 403, code: 'FORBIDDEN' },
      neighbour: { status: 404, code: 'NOT_FOUND' },
      anonymous: { status: 401, code: 'AUTH_REQUIRED' },
    } as const;
    for (const [seat, want] of Object.entries(refused) as [Seat, { status: number; code: string }][]) {
      const res = await api('POST', `/api/requests/${planting.open}/call`, seat);
      expect({ seat, status: res.status, code: res.body.code }).toEqual({ seat, ...want });
      // In Chinese a villager can read, never a raw code.
      expect(res.body.message).toMatch(/^[\u4e00-\u9fff，。：、！？（）]+$/);
    }
    expect((await api('GET', `/api/requests/${planting.open}`, 'requester')).body).toMatchObject({ canCall: false, contactPhone: PHONE });
    expect((await logRows()).length).toBe(before + STAFF_ON_HER_MATTERS.length);
  });
});
