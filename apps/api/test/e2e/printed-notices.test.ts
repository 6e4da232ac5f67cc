import { describe, expect, it, beforeAll } from '@jest/globals';
import { maskName, maskPhone, PRINTED_NOTICES } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V02-L1-S01';
const REQUESTER = '韩秀英';
const PHONE = '13700094321';

/**
 * Issue #18, printed notices: every 催办 and 督办 issues a numbered notice (台头镇催〔2026〕3号), the
 * numbers counted per town, kind and year, without gaps or repeats even when twenty urges arrive at
 * once; the notice names the unit, the matter, its deadline, what is required and by when, shows
 * the requester masked, and is for the staff handling or supervising the matter only.
 */
describe(`printed notices (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-10-12T10:00:00'));
  const under = useAppUnderTest(() => ({ clock, demoLogin: true }));
  let ds: DataSource;
  let staff: string;
  let leader: string;
  let gridId: number;
  const api = (method: string, path: string, token: string | undefined, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    gridId = (await unitByCode(ds, GRID)).id;
    staff = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'hotline_staff', 'SG-TT')).personId);
    leader = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'grid_leader', GRID)).personId);
  });

  /** A matter the grid leader enters for a villager of his grid. */
  async function matter(description: string, by = leader, unitId = gridId): Promise<{ id: number; version: number }> {
    const res = await api('POST', '/api/requests/on-behalf', by, {
      clientRequestId: randomBytes(10).toString('hex'),
      category: 'infrastructure',
      description,
      unitId,
      requesterName: REQUESTER,
      requesterPhone: PHONE,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  const step = (id: number, version: number, action: 'urge' | 'supervise', body: Record<string, unknown> = {}, token = staff) =>
    api('POST', `/api/requests/${id}/actions/${action}`, token, { version, ...(action === 'supervise' ? { note: '列入督办' } : {}), ...body });

  /** The newest notice of a matter, as the hotline staff read it. */
  async function latestNotice(requestId: number, token = staff) {
    const res = await api('GET', `/api/requests/${requestId}/notices`, token);
    expect(res.status).toBe(200);
    return res.body[res.body.length - 1];
  }

  const serials = async (kind: string, year: number): Promise<number[]> =>
    ((await ds.query('SELECT serial FROM printed_notice WHERE kind = ? AND year = ? ORDER BY serial', [kind, year])) as { serial: number | string }[]).map(
      (r) => Number(r.serial),
    );

  it('numbers each town’s urges and supervisions apart, from 1, and twenty urges at once take twenty numbers with no gap', async () => {
    const first = await matter('村口的路灯不亮了');
    const urged = await step(first.id, first.version, 'urge');
    expect(urged.status).toBe(200);
    expect(await latestNotice(first.id)).toMatchObject({ kind: 'urge', serial: 1, year: 2026, number: '台头镇催〔2026〕1号', title: '催办通知书' });
    const supervised = await step(first.id, urged.body.version, 'supervise');
    expect(supervised.status).toBe(200);
    expect(await latestNotice(first.id)).toMatchObject({ kind: 'supervise', serial: 1, number: '台头镇督〔2026〕1号', title: '督办通知单' });

    // Twenty urges sent together over HTTP, on twenty matters.
    const many = [];
    for (let i = 0; i < 20; i++) many.push(await matter(`并发催办的诉求 ${i}`));
    const answers = await Promise.all(many.map((m) => step(m.id, m.version, 'urge')));
    expect(answers.map((a) => a.status)).toEqual(many.map(() => 200));
    expect(await serials('urge', 2026)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const numbers = await Promise.all(many.map(async (m) => (await latestNotice(m.id)).number as string));
    expect(new Set(numbers).size).toBe(20);
    // Each urge's notice hangs on its own timeline row.
    const rows: { n: number | string }[] = await ds.query(
      'SELECT COUNT(*) AS n FROM printed_notice p JOIN request_event e ON e.id = p.eventId AND e.requestId = p.requestId AND e.action = p.kind',
    );
    expect(Number(rows[0]!.n)).toBe(22);

    // Another town counts its own; a new year starts again at 1.
    const otherGrid = (await ds.query("SELECT id FROM org_unit WHERE kind = 'small_grid' AND code LIKE 'SG-SF-%' ORDER BY id LIMIT 1"))[0] as { id: number };
    const otherLeader = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'grid_leader', await unitCode(ds, Number(otherGrid.id)))).personId);
    const otherStaff = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'hotline_staff', 'SG-SF')).personId);
    const elsewhere = await matter('示范镇的井盖丢了', otherLeader, Number(otherGrid.id));
    expect((await step(elsewhere.id, elsewhere.version, 'urge', {}, otherStaff)).status).toBe(200);
    expect((await latestNotice(elsewhere.id, otherStaff)).number).toBe('示范镇催〔2026〕1号');

    clock.set(at('2027-01-05T09:00:00'));
    const nextYear = await matter('新年第一件催办');
    expect((await step(nextYear.id, nextYear.version, 'urge')).status).toBe(200);
    expect((await latestNotice(nextYear.id)).number).toBe('台头镇催〔2027〕1号');
    clock.set(at('2026-10-12T10:00:00'));
  }, 180_000);

  it('names the unit, the matter, its deadline, what is required and by when; the requester masked, no phone', async () => {
    const lamp = await matter('桥头的护栏断了两根，孩子上学要经过');
    // 督办 on Friday 2026-10-16 15:00 with 2 working days: reply by Tuesday the 20th.
    clock.set(at('2026-10-16T15:00:00'));
    const res = await step(lamp.id, lamp.version, 'supervise', { note: '请镇村两级一起盯住', requirement: '三日内修复护栏并设置警示', replyDays: 2 });
    expect(res.status).toBe(200);
    const listed = await latestNotice(lamp.id);
    const read = await api('GET', `/api/notices/${listed.id}`, staff);
    expect(read.status).toBe(200);
    const grid: { name: string }[] = await ds.query('SELECT name FROM org_unit WHERE id = ?', [gridId]);
    expect(read.body).toMatchObject({
      id: listed.id,
      requestId: lamp.id,
      kind: 'supervise',
      title: '督办通知单',
      townName: '台头镇',
      unitName: grid[0]!.name,
      description: '桥头的护栏断了两根，孩子上学要经过',
      categoryLabel: expect.any(String),
      requirement: '三日内修复护栏并设置警示',
      note: '请镇村两级一起盯住',
      replyDays: 2,
      replyBy: '2026-10-20',
      requesterName: maskName(REQUESTER),
      issuedByName: expect.any(String),
    });
    expect(read.body.number).toMatch(/^台头镇督〔2026〕\d+号$/);
    expect(read.body.issuerName).toContain('台头镇');
    expect(read.body.placeName).toContain(grid[0]!.name);
    expect(new Date(read.body.dueAt).getTime()).toBeGreaterThan(new Date(read.body.receivedAt).getTime());
    const text = JSON.stringify(read.body);
    for (const secret of [REQUESTER, PHONE, maskPhone(PHONE)!]) expect(text).not.toContain(secret);

    // Left out, the kind's wording and days stand; the handler (the unit it goes to) reads it too.
    const plain = await matter('垃圾桶满了没人清');
    clock.set(at('2026-10-12T10:00:00'));
    expect((await step(plain.id, plain.version, 'urge')).status).toBe(200);
    expect(await latestNotice(plain.id, leader)).toMatchObject({ requirement: PRINTED_NOTICES.urge.requirement, replyDays: 2, replyBy: '2026-10-14' });
  });

  it('is refused to those not working on the matter, and a refused step takes no number', async () => {
    const wall = await matter('围墙要倒了');
    expect((await step(wall.id, wall.version, 'urge')).status).toBe(200);
    const notice = await latestNotice(wall.id);
    const requester = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '路过者', phone: '13700095555' }, gridId));
    const neighbourLeader = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'grid_leader', 'SG-TT-V03')).personId);
    const villageSecretary = await demoToken(under.api.baseUrl, (await personWithRole(ds, 'village_secretary', GRID.slice(0, -7))).personId);
    const refusals: [string, string | undefined, number, string][] = [
      ['anonymous', undefined, 401, 'AUTH_REQUIRED'],
      ['a villager', requester, 403, 'FORBIDDEN'],
      ['the grid leader of another village', neighbourLeader, 404, 'NOT_FOUND'],
      ['the village secretary (sees it, neither handles nor supervises it)', villageSecretary, 403, 'FORBIDDEN'],
    ];
    for (const [who, token, status, code] of refusals) {
      for (const path of [`/api/notices/${notice.id}`, `/api/requests/${wall.id}/notices`]) {
        const res = await api('GET', path, token);
        expect({ who, path, status: res.status, code: res.body?.code }).toEqual({ who, path, status, code });
        expect(JSON.stringify(res.body)).not.toContain('围墙');
      }
    }
    expect((await api('GET', '/api/notices/999999999', staff)).status).toBe(404);

    // Bad terms, terms on a step without a notice, and the handler urging his own matter: refused, no number taken.
    const before = await serials('urge', 2026);
    const seen = (await api('GET', `/api/requests/${wall.id}`, staff)).body;
    const bad: [Record<string, unknown>, string, string][] = [
      [{ replyDays: 0 }, 'urge', 'replyDays'],
      [{ replyDays: 21 }, 'urge', 'replyDays'],
      [{ requirement: '要'.repeat(501) }, 'urge', 'requirement'],
      [{ requirement: '抓紧', contactMethod: 'call' }, 'accept', 'requirement'],
    ];
    for (const [body, action, field] of bad) {
      const res = await api('POST', `/api/requests/${wall.id}/actions/${action}`, action === 'accept' ? leader : staff, { version: seen.version, ...body });
      expect({ body: Object.keys(body), status: res.status, code: res.body.code, field: res.body.field }).toEqual({
        body: Object.keys(body),
        status: 400,
        code: 'VALIDATION_FAILED',
        field,
      });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await step(wall.id, seen.version, 'urge', {}, leader)).status).toBe(403);
    expect(await serials('urge', 2026)).toEqual(before);
    // The next urge takes the next number.
    expect((await step(wall.id, seen.version, 'urge')).status).toBe(200);
    expect(await serials('urge', 2026)).toEqual([...before, before[before.length - 1]! + 1]);
  });
});

async function unitCode(ds: DataSource, id: number): Promise<string> {
  return ((await ds.query('SELECT code FROM org_unit WHERE id = ?', [id])) as { code: string }[])[0]!.code;
}
