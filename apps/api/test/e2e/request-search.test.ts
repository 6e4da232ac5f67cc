import { beforeAll, describe, expect, it } from '@jest/globals';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID_A = 'SG-TT-V03-L1-S02';
const GRID_B = 'SG-TT-V04-L1-S01';

interface Row {
  id: number;
  state: string;
  source: string;
  category: string;
  confidential: boolean;
  supervised: boolean;
  contactPhone: string | null;
  createdAt: string;
  contactDueAt: string;
  completionDueAt: string | null;
}

/**
 * Issue #19, 诉求检索: searchRequests filters on the server over what the caller may see (as
 * getRequest decides), pages with a cursor that neither repeats nor skips a row, refuses bad input
 * with coded Chinese errors, and exportRequestSearch streams the same set as an .xlsx.
 */
describe(`诉求检索: searchRequests and its export (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-02T09:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  let ds: DataSource;
  let hotline: string;
  let leaderA: string;
  let leaderB: string;
  let villagerA: string;
  let villagerB: string;
  type Made = { id: number; version: number };
  const made = {} as { lamp: Made; secret: Made; otherGrid: Made; percent: Made };

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const search = async (token: string, query: string): Promise<{ items: Row[]; nextCursor: string | null }> => {
    const res = await api('GET', `/api/requests/search?${query}`, token);
    expect([res.status, res.body?.code]).toEqual([200, undefined]);
    return res.body;
  };
  const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

  async function submit(token: string, when: string, description: string, extra: Record<string, unknown> = {}) {
    clock.set(at(when));
    const res = await api('POST', '/api/requests', token, { clientRequestId: randomBytes(12).toString('hex'), category: 'other', description, ...extra });
    expect(res.status).toBe(201);
    return { id: res.body.id as number, version: res.body.version as number };
  }

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    const a = await personWithRole(ds, 'grid_leader', GRID_A);
    const b = await personWithRole(ds, 'grid_leader', GRID_B);
    leaderA = await demoToken(under.api.baseUrl, a.personId);
    leaderB = await demoToken(under.api.baseUrl, b.personId);
    hotline = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT');
    villagerA = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '赵秀兰', phone: '13800001901' }, a.unitId));
    villagerB = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '钱有福', phone: '13800001902' }, b.unitId));

    made.lamp = await submit(villagerA, '2026-11-02T09:00:00', '村口路灯坏了 检索甲', { category: 'infrastructure' });
    made.secret = await submit(villagerA, '2026-11-03T10:00:00', '邻里纠纷不便公开 检索甲', { confidential: true });
    made.otherGrid = await submit(villagerB, '2026-11-04T11:00:00', '路灯也坏了 检索甲', { category: 'infrastructure' });
    made.percent = await submit(villagerA, '2026-11-04T12:00:00', '水费涨了 50% 检索甲');
    // The lamp is taken up (accepted: due in three working days); the secret one is supervised.
    clock.set(at('2026-11-04T13:00:00'));
    const accepted = await api('POST', `/api/requests/${made.lamp.id}/actions/accept`, leaderA, {
      version: made.lamp.version,
      contactMethod: 'call',
      complexity: 'complex',
      note: '已电话联系',
    });
    expect([accepted.status, accepted.body.code]).toEqual([200, undefined]);
    const supervised = await api('POST', `/api/requests/${made.secret.id}/actions/supervise`, hotline, { version: made.secret.version, note: '请尽快办理' });
    expect([supervised.status, supervised.body.code]).toEqual([200, undefined]);
    clock.set(at('2026-11-04T14:00:00'));
  });

  it('filters by words, place, state, source, category, days, overdue, supervised and 保密, on the server', async () => {
    const all = await search(hotline, `q=${encodeURIComponent('检索甲')}`);
    expect(ids(all.items)).toEqual(ids([made.lamp, made.secret, made.otherGrid, made.percent]));
    // Newest first by default; every phone masked.
    expect(all.items.map((r) => r.id)).toEqual([made.percent.id, made.otherGrid.id, made.secret.id, made.lamp.id]);
    expect(all.items.every((r) => r.contactPhone === null || /^\d{3}\*{4}\d{4}$/.test(r.contactPhone))).toBe(true);

    const q = (more: string) => search(hotline, `q=${encodeURIComponent('检索甲')}&${more}`);
    const village = await unitByCode(ds, 'SG-TT-V03');
    const largeGrid = await unitByCode(ds, GRID_A.replace(/-S\d+$/, ''));
    const gridA = await unitByCode(ds, GRID_A);
    const inA = ids([made.lamp, made.secret, made.percent]);
    expect(ids((await q(`unitId=${village.id}`)).items)).toEqual(inA);
    expect(ids((await q(`unitId=${largeGrid.id}`)).items)).toEqual(inA);
    expect(ids((await q(`unitId=${gridA.id}`)).items)).toEqual(inA);
    // Both words required; `%` is a character, not a wildcard.
    expect(ids((await search(hotline, `q=${encodeURIComponent('路灯 检索甲')}`)).items)).toEqual(ids([made.lamp, made.otherGrid]));
    expect(ids((await search(hotline, `q=${encodeURIComponent('50% 检索甲')}`)).items)).toEqual([made.percent.id]);
    expect(ids((await search(hotline, `q=${encodeURIComponent('5_% 检索甲')}`)).items)).toEqual([]);

    expect(ids((await q('state=accepted')).items)).toEqual([made.lamp.id]);
    expect(ids((await q('state=accepted&state=submitted')).items)).toEqual(ids(all.items));
    expect(ids((await q('state=accepted,resolved')).items)).toEqual([made.lamp.id]);
    expect(ids((await q('category=infrastructure')).items)).toEqual(ids([made.lamp, made.otherGrid]));
    expect(ids((await q('source=villager')).items)).toEqual(ids(all.items));
    expect((await q('source=hotline_12345')).items).toEqual([]);
    expect(ids((await q('receivedFrom=2026-11-03&receivedTo=2026-11-03')).items)).toEqual([made.secret.id]);
    expect(ids((await q('receivedFrom=2026-11-04')).items)).toEqual(ids([made.otherGrid, made.percent]));
    // Contact due an hour after arriving, on its day; the accepted lamp is due on its completion day.
    expect(ids((await q('dueFrom=2026-11-04&dueTo=2026-11-04')).items)).toEqual(ids([made.otherGrid, made.percent]));
    expect(ids((await q('dueTo=2026-11-03')).items)).toEqual([made.secret.id]);
    // At 14:00 on the 4th the three not contacted are past their contact hour; the lamp is not.
    expect(ids((await q('overdue=true')).items)).toEqual(ids([made.secret, made.otherGrid, made.percent]));
    expect(ids((await q('overdue=false')).items)).toEqual([made.lamp.id]);
    expect(ids((await q('supervised=true')).items)).toEqual([made.secret.id]);
    expect((await q('supervised=false')).items.map((r) => r.supervised)).toEqual([false, false, false]);
    expect(ids((await q('confidential=true')).items)).toEqual([made.secret.id]);
    expect((await q('confidential=false')).items).toHaveLength(3);
    // Sorted by due time, soonest first.
    const byDue = (await q('sort=dueAt&order=asc')).items;
    const due = byDue.map((r) => new Date(r.completionDueAt ?? r.contactDueAt).getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('shows each caller only what they may see: a grid leader never another grid’s matters, 保密 ones only where the policy allows', async () => {
    const words = `q=${encodeURIComponent('检索甲')}`;
    expect(ids((await search(leaderA, words)).items)).toEqual(ids([made.lamp, made.secret, made.percent]));
    expect(ids((await search(leaderB, words)).items)).toEqual([made.otherGrid.id]);
    // Narrowing to another grid's village widens nothing.
    const village = await unitByCode(ds, 'SG-TT-V03');
    expect((await search(leaderB, `${words}&unitId=${village.id}`)).items).toEqual([]);
    expect((await search(leaderB, `${words}&confidential=true`)).items).toEqual([]);
    // A villager searches nothing: the console is for staff.
    const refused = await api('GET', `/api/requests/search?${words}`, villagerA);
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    const refusedExport = await api('GET', `/api/requests/search.xlsx?${words}`, villagerA);
    expect(refusedExport.status).toBe(403);
    // The places: a grid leader's tree is his own grid alone.
    const places = await api('GET', '/api/requests/search/places', leaderB);
    expect(places.status).toBe(200);
    expect(places.body).toEqual([expect.objectContaining({ id: (await unitByCode(ds, GRID_B)).id, kind: 'small_grid', parentId: null })]);
    const townPlaces = await api('GET', '/api/requests/search/places', hotline);
    expect(townPlaces.body.filter((p: { kind: string }) => p.kind === 'village').length).toBe(41);
    expect(townPlaces.body.filter((p: { kind: string }) => p.kind === 'small_grid').length).toBe(662);
  });

  it('pages with a cursor that neither repeats nor skips a row, whatever the sort, ties broken by id', async () => {
    const word = `翻页${randomBytes(3).toString('hex')}`;
    // Fifteen matters at three moments, five at each: ties in the sort key.
    for (const when of ['2026-11-05T08:00:00', '2026-11-05T08:30:00', '2026-11-05T09:00:00'])
      for (let i = 0; i < 5; i++) await submit(i % 2 === 0 ? villagerA : villagerB, when, `${word} 第${i}件`);
    clock.set(at('2026-11-05T09:10:00'));
    for (const sort of ['sort=receivedAt&order=desc', 'sort=receivedAt&order=asc', 'sort=dueAt&order=asc', 'sort=dueAt&order=desc']) {
      const whole = (await search(hotline, `q=${encodeURIComponent(word)}&${sort}&limit=100`)).items.map((r) => r.id);
      expect(whole).toHaveLength(15);
      const paged: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Row[]; nextCursor: string | null } = await search(
          hotline,
          `q=${encodeURIComponent(word)}&${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        paged.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(paged).toEqual(whole);
    }
    // A cursor is for the sort it was made under.
    const first = await search(hotline, `q=${encodeURIComponent(word)}&limit=4`);
    const mixed = await api('GET', `/api/requests/search?q=${encodeURIComponent(word)}&sort=dueAt&cursor=${first.nextCursor}`, hotline);
    expect([mixed.status, mixed.body.code, mixed.body.field]).toEqual([400, 'VALIDATION_FAILED', 'cursor']);
  });

  it('refuses bad input with a code, the field and a Chinese message', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['state=bogus', 'state'],
      ['source=submitted', 'source'],
      ['category=x', 'category'],
      ['unitId=0', 'unitId'],
      ['unitId=99999999', 'unitId'],
      ['receivedFrom=2026-02-30', 'receivedFrom'],
      ['receivedFrom=20261101', 'receivedFrom'],
      ['receivedFrom=2026-11-05&receivedTo=2026-11-01', 'receivedTo'],
      ['dueTo=tomorrow', 'dueTo'],
      ['overdue=yes', 'overdue'],
      ['supervised=1', 'supervised'],
      ['confidential=', 'confidential'],
      [`q=${encodeURIComponent('一 二 三 四 五 六')}`, 'q'],
      [`q=${'长'.repeat(101)}`, 'q'],
      ['sort=name', 'sort'],
      ['order=up', 'order'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('[1,2,3]').toString('base64url')}`, 'cursor'],
      ['foo=1', 'foo'],
    ];
    for (const [query, field] of cases) {
      const res = await api('GET', `/api/requests/search?${query}`, hotline);
      expect([query, res.status, res.body.code, res.body.field]).toEqual([query, 400, 'VALIDATION_FAILED', field]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // The export refuses the same way, as JSON, before any of the workbook.
    const res = await api('GET', '/api/requests/search.xlsx?receivedFrom=2026-02-30', hotline);
    expect([res.status, res.body.code, res.body.field]).toEqual([400, 'VALIDATION_FAILED', 'receivedFrom']);
  });

  it('exports the filtered set as an .xlsx, row for row as the search has it, no full number in it', async () => {
    const query = `q=${encodeURIComponent('检索甲')}&sort=receivedAt&order=asc`;
    const found = await search(hotline, query);
    const res = await fetch(`${under.api.baseUrl}/api/requests/search.xlsx?${query}`, { headers: { authorization: `Bearer ${hotline}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[0]!.slice(0, 6)).toEqual(['编号', '受理时间', '来源', '类别', '状态', '诉求内容']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(found.items.map((r) => r.id));
    const lamp = rows.find((r) => Number(r[0]) === made.lamp.id)!;
    expect(lamp.slice(1, 6)).toEqual(['2026-11-02 09:00', '群众反映', expect.any(String), '已受理', '村口路灯坏了 检索甲']);
    expect(lamp[9]).toBe('138****1901');
    expect(rows.flat().some((cell) => /1\d{10}/.test(cell))).toBe(false);
    expect(rows.find((r) => Number(r[0]) === made.secret.id)![13]).toBe('是');
    // A grid leader's export holds his grid's matters alone.
    const theirs = await fetch(`${under.api.baseUrl}/api/requests/search.xlsx?${query}`, { headers: { authorization: `Bearer ${leaderB}` } });
    const book = new Workbook();
    await book.xlsx.load(await theirs.arrayBuffer());
    expect(book.worksheets[0]!.rowCount).toBe(2);
    expect(Number(book.worksheets[0]!.getRow(2).getCell(1).value)).toBe(made.otherGrid.id);
  });
});
