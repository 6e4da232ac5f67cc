import { beforeAll, describe, expect, it } from '@jest/globals';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { sqlDateTime } from '../../src/common/raw-date';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole, unitByCode, type SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

interface View {
  id: number;
  viewedAt: string;
  viewerPersonId: number;
  viewerName: string;
  subjectPersonId: number;
  subjectName: string;
  subjectPhoneMasked: string | null;
  requestId: number | null;
}

/** The audit of full-number views: who saw whose number, read by town leaders and county admins within their span. */
describe(`phone view audit (${testDialect()})`, () => {
  const under = useAppUnderTest({ demoLogin: true });
  const ds = () => under.api.app.get(DataSource);
  const api = (path: string, token: string) => call(under.api.baseUrl, 'GET', path, { token });

  let staff: SeededPerson;
  let leaders: SeededPerson[];
  let townLeader: string;
  let otherTownLeader: string;
  let countyAdmin: string;
  let otherStaff: SeededPerson;
  let otherLeader: SeededPerson;
  let calledFor: number;

  /** Grid leaders of a town, distinct people, by id. */
  async function gridLeaders(codePrefix: string, count: number): Promise<SeededPerson[]> {
    const rows: SeededPerson[] = await ds().query(
      `SELECT DISTINCT p.id AS "personId", p.name AS "name", p.phone AS "phone" FROM role_assignment r JOIN person p ON p.id = r.personId
         JOIN org_unit u ON u.id = r.unitId WHERE r.role = 'grid_leader' AND r.endedAt IS NULL AND u.code LIKE ? ORDER BY p.id LIMIT ${count}`,
      [`${codePrefix}%`],
    );
    return rows.map((row) => ({ ...row, personId: Number(row.personId) }));
  }

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const baseUrl = under.api.baseUrl;
    staff = await personWithRole(ds(), 'hotline_staff', 'SG-TT');
    leaders = await gridLeaders('SG-TT-V01', 3);
    townLeader = await tokenForRole(ds(), baseUrl, 'town_leader', 'SG-TT');
    otherTownLeader = await tokenForRole(ds(), baseUrl, 'town_leader', 'SG-SF');
    countyAdmin = await tokenForRole(ds(), baseUrl, 'county_admin', 'SG');
    otherStaff = await personWithRole(ds(), 'hotline_staff', 'SG-SF');
    otherLeader = (await gridLeaders('SG-SF', 1))[0]!;

    // Real views through the audited call: the first leader's number twice, the others once; one in the other town.
    const staffToken = await tokenForRole(ds(), baseUrl, 'hotline_staff', 'SG-TT');
    for (const leader of [leaders[0]!, leaders[1]!, leaders[2]!, leaders[0]!])
      expect((await api(`/api/people/${leader.personId}/phone`, staffToken)).status).toBe(200);
    const otherStaffToken = await tokenForRole(ds(), baseUrl, 'hotline_staff', 'SG-SF');
    expect((await api(`/api/people/${otherLeader!.personId}/phone`, otherStaffToken)).status).toBe(200);
    // One view long ago (15 January 2026, 10:00 China time) for the date filter, made from a request (拨打).
    const villager = await demoToken(
      baseUrl,
      await addVillager(ds(), { name: '赵审计', phone: '19905369901' }, (await unitByCode(ds(), 'SG-TT-V01-L1-S01')).id),
    );
    const matter = await call(baseUrl, 'POST', '/api/requests', {
      token: villager,
      body: { clientRequestId: 'audit-test-matter-1', category: 'other', description: '门口的路灯坏了' },
    });
    expect(matter.status).toBe(201);
    calledFor = matter.body.id;
    await ds().query('INSERT INTO phone_view_log (viewerPersonId, subjectPersonId, requestId, viewedAt) VALUES (?, ?, ?, ?)', [
      staff.personId,
      leaders[1]!.personId,
      calledFor,
      sqlDateTime(new Date('2026-01-15T10:00:00+08:00')),
    ]);
  });

  it('a town leader reads who viewed whose number: names in full, the number masked, newest first', async () => {
    const res = await api(`/api/phone-views?viewerPersonId=${staff.personId}`, townLeader);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    const items: View[] = res.body.items;
    expect(items.map((v) => v.subjectPersonId)).toEqual([leaders[0], leaders[2], leaders[1], leaders[0], leaders[1]].map((l) => l!.personId));
    expect(items[0]).toMatchObject({ viewerName: staff.name, subjectName: leaders[0]!.name, subjectPhoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });
    const times = items.map((v) => Date.parse(v.viewedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The audit never hands out the numbers it records.
    for (const leader of leaders) expect(JSON.stringify(res.body)).not.toContain(leader.phone!);
  });

  it('pages and filters by person and by China days', async () => {
    const first = (await api(`/api/phone-views?viewerPersonId=${staff.personId}&pageSize=3`, townLeader)).body;
    const second = (await api(`/api/phone-views?viewerPersonId=${staff.personId}&pageSize=3&page=2`, townLeader)).body;
    expect([first.items.length, second.items.length, first.total, second.total]).toEqual([3, 2, 5, 5]);
    const ids = [...first.items, ...second.items].map((v: View) => v.id);
    expect(new Set(ids).size).toBe(5);

    const ofFirst = (await api(`/api/phone-views?subjectPersonId=${leaders[0]!.personId}`, townLeader)).body;
    expect(ofFirst.total).toBe(2);
    expect(ofFirst.items.every((v: View) => v.subjectPersonId === leaders[0]!.personId)).toBe(true);

    const january = (await api(`/api/phone-views?viewerPersonId=${staff.personId}&from=2026-01-15&to=2026-01-15`, townLeader)).body;
    expect(january.items.map((v: View) => [v.subjectPersonId, v.requestId])).toEqual([[leaders[1]!.personId, calledFor]]);
    // Views from the roster were for no request.
    expect(first.items.map((v: View) => v.requestId)).toEqual([null, null, null]);
    expect((await api(`/api/phone-views?viewerPersonId=${staff.personId}&from=2026-01-16`, townLeader)).body.total).toBe(4);
    expect((await api(`/api/phone-views?viewerPersonId=${staff.personId}&to=2026-01-14`, townLeader)).body.total).toBe(0);
  });

  it('refuses bad filters with a code and the field', async () => {
    const cases: [string, number, string, string][] = [
      ['from=2026-02-30', 400, 'VALIDATION_FAILED', 'from'],
      ['to=20260101', 400, 'VALIDATION_FAILED', 'to'],
      ['from=2026-03-02&to=2026-03-01', 400, 'VALIDATION_FAILED', 'to'],
      ['pageSize=101', 400, 'VALIDATION_FAILED', 'pageSize'],
      ['page=0', 400, 'VALIDATION_FAILED', 'page'],
      ['viewerPersonId=abc', 400, 'VALIDATION_FAILED', 'viewerPersonId'],
      ['subjectPersonId=999999', 404, 'NOT_FOUND', 'subjectPersonId'],
    ];
    for (const [query, status, code, field] of cases) {
      const res = await api(`/api/phone-views?${query}`, townLeader);
      expect({ query, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ query, status, code, field });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await api('/api/phone-views.xlsx?from=2026-02-30', townLeader)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
  });

  it('another town’s leader sees nothing of this town, only his own; the county admin sees both', async () => {
    const other = (await api('/api/phone-views?pageSize=100', otherTownLeader)).body;
    expect(other.total).toBe(1);
    expect(other.items[0]).toMatchObject({ viewerPersonId: otherStaff.personId, subjectPersonId: otherLeader!.personId });
    // Naming this town's people is as if they did not exist.
    expect((await api(`/api/phone-views?viewerPersonId=${staff.personId}`, otherTownLeader)).status).toBe(404);
    expect((await api(`/api/phone-views?subjectPersonId=${leaders[0]!.personId}`, otherTownLeader)).status).toBe(404);
    const mine = (await api('/api/phone-views?pageSize=100', townLeader)).body;
    expect(mine.items.some((v: View) => v.viewerPersonId === otherStaff.personId)).toBe(false);
    expect((await api('/api/phone-views?pageSize=100', countyAdmin)).body.total).toBe(mine.total + other.total);
    // Only town leaders and county admins read the audit: the staff whose views it records do not.
    expect((await api('/api/phone-views', await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT'))).status).toBe(403);
  });

  it('exports the same rows as an .xlsx', async () => {
    const res = await fetch(`${under.api.baseUrl}/api/phone-views.xlsx?viewerPersonId=${staff.personId}&from=2026-01-16`, {
      headers: { authorization: `Bearer ${townLeader}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('共4条');
    expect(sheet.getRow(2).values).toEqual([undefined, '查看时间', '查看人', '被查看人', '被查看人手机号', '相关诉求编号']);
    const rows = [3, 4, 5, 6].map((n) => sheet.getRow(n));
    expect(rows.map((row) => row.getCell(3).value)).toEqual([leaders[0], leaders[2], leaders[1], leaders[0]].map((l) => l!.name));
    expect(rows.every((row) => row.getCell(2).value === staff.name && /^\d{3}\*{4}\d{4}$/.test(String(row.getCell(4).value)))).toBe(true);
    expect(sheet.getRow(7).values).toEqual([]);
  });
});
