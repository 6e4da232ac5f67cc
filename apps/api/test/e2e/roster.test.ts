import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Person } from '../../src/grid/person.entity';
import { RosterImport } from '../../src/roster/roster-import.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import {
  exportRoster,
  harmlessRosterXlsx,
  insertFinishedImport,
  ROSTER_HEADER,
  rosterTables,
  rosterXlsx,
  SheetRow,
  uploadRoster,
  waitForImport,
} from '../support/roster-files';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Column positions in a roster row. */
const C = { town: 0, village: 1, large: 2, small: 3, leaderName: 4, leaderPhone: 5, deputyName: 6, deputyPhone: 7 } as const;

describe(`town roster in and out by Excel (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let dataSource: DataSource;
  let baseUrl: string;
  let taitouId: number;
  let shifanId: number;
  /** Hotline staff of 台头镇: roster.manage over the whole town. */
  let staff: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    dataSource = under.api.app.get(DataSource);
    baseUrl = under.api.baseUrl;
    taitouId = (await unitByCode(dataSource, 'SG-TT')).id;
    shifanId = (await unitByCode(dataSource, 'SG-SF')).id;
    staff = await demoToken(baseUrl, (await personWithRole(dataSource, 'hotline_staff', 'SG-TT')).personId);
  });

  /** The town's current roster, data rows only, as the export gives them. */
  async function currentRows(): Promise<string[][]> {
    const exported = await exportRoster(baseUrl, staff, taitouId);
    expect(exported.status).toBe(200);
    return exported.rows.slice(1);
  }

  /** Uploads rows for Taitou and waits for the outcome. */
  async function importRows(rows: readonly SheetRow[]): Promise<any> {
    const started = await uploadRoster(baseUrl, staff, taitouId, await rosterXlsx(rows));
    expect(started.status).toBe(202);
    const seen = await waitForImport(baseUrl, staff, started.body.id);
    return seen[seen.length - 1];
  }

  async function currentHolders(gridCode: string, role: string): Promise<{ id: number; personId: number; name: string; phone: string }[]> {
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT r.id AS id, p.id AS personId, p.name AS name, p.phone AS phone FROM role_assignment r
         JOIN org_unit u ON u.id = r.unitId JOIN person p ON p.id = r.personId
        WHERE u.code = ? AND r.role = ? AND r.endedAt IS NULL ORDER BY r.id`,
      [gridCode, role],
    );
    return rows.map((r) => ({ id: Number(r.id), personId: Number(r.personId), name: String(r.name), phone: String(r.phone) }));
  }

  it('exports Taitou in the import format: the eight headers, one row per small grid (662), full phones (each view logged), a Chinese file name', async () => {
    const viewsBefore = Number((await dataSource.query('SELECT COUNT(*) AS n FROM phone_view_log'))[0].n);
    const exported = await exportRoster(baseUrl, staff, taitouId);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = exported.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="roster-SG-TT-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^台头镇网格花名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(exported.rows[0]).toEqual(ROSTER_HEADER);
    const rows = exported.rows.slice(1);
    expect(rows).toHaveLength(662);
    expect(rows[0]).toEqual([
      '台头镇',
      '北孙村',
      '北孙村东片大网格',
      '北孙村东片第1网格',
      expect.any(String),
      expect.stringMatching(/^1990536\d{4}$/),
      expect.any(String),
      expect.stringMatching(/^1990536\d{4}$/),
    ]);
    expect(rows[1]![C.deputyName]).toBe('');
    expect(new Set(rows.map((r) => r[C.village])).size).toBe(41);
    expect(new Set(rows.map((r) => r[C.large])).size).toBe(46);
    expect(rows.every((r) => /^1990536\d{4}$/.test(r[C.leaderPhone]!))).toBe(true);
    // 662 leaders and 230 deputies, all different people: each number shown is a logged view.
    const shown = new Set(rows.flatMap((r) => [r[C.leaderPhone], r[C.deputyPhone]]).filter(Boolean));
    expect(shown.size).toBe(892);
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM phone_view_log'))[0].n)).toBe(viewsBefore + 892);
  });

  it('re-imports its own export without changing anything, showing progress until done (phones typed as numbers or with dashes are fine)', async () => {
    const rows: SheetRow[] = await currentRows();
    rows[0]![C.leaderPhone] = Number(rows[0]![C.leaderPhone]);
    const phone = String(rows[1]![C.leaderPhone]);
    rows[1]![C.leaderPhone] = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    const before = await rosterTables(dataSource);

    const startedAt = Date.now();
    const started = await uploadRoster(baseUrl, staff, taitouId, await rosterXlsx(rows), '台头镇花名册.xlsx');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      townId: taitouId,
      fileName: '台头镇花名册.xlsx',
      state: 'validating',
      total: 662,
      processed: 0,
      errors: [],
      summary: null,
    });
    const seen = await waitForImport(baseUrl, staff, started.body.id);
    const elapsed = Date.now() - startedAt;

    const done = seen[seen.length - 1];
    expect(done).toMatchObject({ state: 'done', total: 662, processed: 662, errorCount: 0, errors: [], finishedAt: expect.any(String) });
    expect(done.summary).toEqual({
      villagesCreated: 0,
      largeGridsCreated: 0,
      gridsCreated: 0,
      leadersAssigned: 0,
      leadersReplaced: 0,
      deputiesAssigned: 0,
      deputiesReplaced: 0,
      deputiesEnded: 0,
      unchanged: 662,
      peopleCreated: 0,
      namesUpdated: 0,
      gridsNotInFile: 0,
    });
    for (const job of seen) {
      expect(['validating', 'applying', 'done']).toContain(job.state);
      expect(job.processed).toBeLessThanOrEqual(job.total);
    }
    expect(await rosterTables(dataSource)).toEqual(before);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('rejects a file with mistakes, listing each row and column in Chinese, and writes nothing', async () => {
    const rows: SheetRow[] = await currentRows();
    const at = (sheetRow: number) => rows[sheetRow - 2]!;
    at(2)[C.town] = '示范镇';
    at(3)[C.leaderPhone] = '1381234';
    at(4)[C.leaderName] = '';
    [at(6)[C.village], at(6)[C.large], at(6)[C.small]] = [at(5)[C.village]!, at(5)[C.large]!, at(5)[C.small]!];
    [at(7)[C.deputyName], at(7)[C.deputyPhone]] = [at(7)[C.leaderName]!, at(7)[C.leaderPhone]!];
    at(9)[C.leaderPhone] = at(8)[C.leaderPhone]!;
    at(10)[C.large] = '北台头村东片大网格';
    at(11)[C.leaderName] = '张'.repeat(33);
    at(12)[C.deputyName] = '王五';
    [at(15)[C.deputyName], at(15)[C.deputyPhone]] = ['李四', '23456789012'];
    at(16)[C.town] = '';
    const before = await rosterTables(dataSource);

    const job = await importRows(rows);

    expect(job.state).toBe('rejected');
    expect(job.summary).toBeNull();
    expect(job.errorCount).toBe(11);
    expect(job.message).toContain('11处问题');
    expect(job.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '镇'],
      [3, '巷长手机号'],
      [4, '巷长姓名'],
      [6, '小网格'],
      [7, '副巷长手机号'],
      [9, '巷长手机号'],
      [10, '大网格'],
      [11, '巷长姓名'],
      [12, '副巷长手机号'],
      [15, '副巷长手机号'],
      [16, '镇'],
    ]);
    for (const error of job.errors) expect(error.message.startsWith(`第${error.row}行“${error.column}”`)).toBe(true);
    const messages = job.errors.map((e: any) => e.message);
    expect(messages).toContain('第2行“镇”填的是“示范镇”，但导入的是“台头镇”');
    expect(messages).toContain('第3行“巷长手机号”不是有效的手机号：“1381234”（应为11位，以13-19开头）');
    expect(messages).toContain('第4行“巷长姓名”不能为空');
    expect(messages).toContain('第6行“小网格”与第5行是同一个小网格（北孙村/北孙村东片大网格/北孙村东片第4网格），每个小网格只能有一行');
    expect(messages).toContain('第10行“大网格”：“北台头村东片大网格”在系统里属于“北台头村”，这里填在“北孙村”下；一个大网格只能属于一个村');
    expect(messages.find((m: string) => m.startsWith('第9行'))).toMatch(/在第8行登记的姓名是“.+”，这里是“.+”；同一个手机号只能是同一个人$/);
    expect(await rosterTables(dataSource)).toEqual(before);
  });

  it('moves the leader role to the person of a changed phone: the old assignment ends, the grid keeps its history', async () => {
    const rows: SheetRow[] = await currentRows();
    const grid = 'SG-TT-V01-L1-S02';
    const [old] = await currentHolders(grid, 'grid_leader');
    expect(rows[1]![C.leaderPhone]).toBe(old!.phone);
    rows[1]![C.leaderName] = '新巷长';
    rows[1]![C.leaderPhone] = '139 0000 0001';
    // Same phone, another name: the roster's name is kept.
    const renamedPhone = String(rows[2]![C.leaderPhone]);
    rows[2]![C.leaderName] = '改名字';
    const before = await rosterTables(dataSource);
    const historyBefore = await dataSource.query(
      `SELECT COUNT(*) AS n FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE u.code = ? AND r.role = 'grid_leader'`,
      [grid],
    );

    const job = await importRows(rows);

    expect(job.state).toBe('done');
    expect(job.summary).toMatchObject({ leadersReplaced: 1, leadersAssigned: 0, peopleCreated: 1, namesUpdated: 1, unchanged: 661, gridsCreated: 0 });
    const [ended] = await dataSource.query('SELECT endedAt FROM role_assignment WHERE id = ?', [old!.id]);
    expect(ended.endedAt).not.toBeNull();
    expect(await currentHolders(grid, 'grid_leader')).toEqual([{ id: expect.any(Number), personId: expect.any(Number), name: '新巷长', phone: '13900000001' }]);
    const historyAfter = await dataSource.query(
      `SELECT COUNT(*) AS n FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE u.code = ? AND r.role = 'grid_leader'`,
      [grid],
    );
    expect(Number(historyAfter[0].n)).toBe(Number(historyBefore[0].n) + 1);
    expect((await dataSource.getRepository(Person).findOneByOrFail({ phone: renamedPhone })).name).toBe('改名字');
    const after = await rosterTables(dataSource);
    expect(after).toEqual({
      ...before,
      people: before.people! + 1,
      assignments: before.assignments! + 1,
      ended: before.ended! + 1,
      lastAssignment: expect.any(Number),
    });
  });

  it('creates the village, large grid and small grids of new rows, with codes and paths under their parents', async () => {
    const rows: SheetRow[] = await currentRows();
    rows.push(['台头镇', '北孙村', '北孙村东片大网格', '北孙村东片第16网格', '赵新', '13900000002', '', '']);
    rows.push(['台头镇', '新建村', '新建村大网格', '新建村第1网格', '钱一', '13900000003', '孙二', '13900000004']);
    rows.push(['台头镇', '新建村', '新建村大网格', '新建村第2网格', '钱一', '13900000003', '', '']);
    const before = await rosterTables(dataSource);

    const job = await importRows(rows);

    expect(job.state).toBe('done');
    expect(job.summary).toMatchObject({
      villagesCreated: 1,
      largeGridsCreated: 1,
      gridsCreated: 3,
      leadersAssigned: 3,
      deputiesAssigned: 1,
      peopleCreated: 3,
      unchanged: 662,
    });
    const taitou = await unitByCode(dataSource, 'SG-TT');
    const village = await unitByCode(dataSource, 'SG-TT-V42');
    const large = await unitByCode(dataSource, 'SG-TT-V42-L1');
    const east = await unitByCode(dataSource, 'SG-TT-V01-L1');
    expect(village).toEqual({ id: expect.any(Number), kind: 'village', path: `${taitou.path}${village.id}/` });
    expect(large).toEqual({ id: expect.any(Number), kind: 'large_grid', path: `${village.path}${large.id}/` });
    expect((await unitByCode(dataSource, 'SG-TT-V42-L1-S02')).path).toMatch(new RegExp(`^${large.path}\\d+/$`));
    expect((await unitByCode(dataSource, 'SG-TT-V01-L1-S16')).path).toMatch(new RegExp(`^${east.path}\\d+/$`));
    expect((await currentHolders('SG-TT-V42-L1-S01', 'deputy_grid_leader')).map((h) => h.name)).toEqual(['孙二']);
    expect(await rosterTables(dataSource)).toMatchObject({ units: before.units! + 5, people: before.people! + 3, assignments: before.assignments! + 4 });

    // The new grids are part of the roster now: exported, and a re-import of that changes nothing.
    const again = await currentRows();
    expect(again).toHaveLength(665);
    const unchanged = await importRows(again);
    expect(unchanged.summary).toMatchObject({ unchanged: 665, gridsCreated: 0, gridsNotInFile: 0 });
  });

  it('ends the deputy of a row that no longer names one, and leaves grids missing from the file alone', async () => {
    const rows: SheetRow[] = await currentRows();
    const grid = 'SG-TT-V01-L1-S04';
    const [deputy] = await currentHolders(grid, 'deputy_grid_leader');
    const row = rows.find((r) => r[C.small] === '北孙村东片第4网格')!;
    expect(row[C.deputyPhone]).toBe(deputy!.phone);
    [row[C.deputyName], row[C.deputyPhone]] = ['', ''];
    const withoutLast = rows.slice(0, -10);

    const job = await importRows(withoutLast);

    expect(job.state).toBe('done');
    expect(job.summary).toMatchObject({ deputiesEnded: 1, unchanged: withoutLast.length - 1, gridsNotInFile: 10 });
    expect(await currentHolders(grid, 'deputy_grid_leader')).toEqual([]);
    const [ended] = await dataSource.query('SELECT endedAt FROM role_assignment WHERE id = ?', [deputy!.id]);
    expect(ended.endedAt).not.toBeNull();
    expect(await currentRows()).toHaveLength(665);
  });

  it('refuses uploads that are not a roster with clear codes: not an xlsx, wrong header, no rows, too many rows, over 5 MB, no or misnamed file, not a town', async () => {
    const before = await rosterTables(dataSource);
    const text = await uploadRoster(baseUrl, staff, taitouId, Buffer.from('镇,村,大网格\n台头镇,北孙村,x\n'), 'roster.xlsx');
    expect(text).toMatchObject({ status: 400, body: { code: 'ROSTER_FILE_UNREADABLE', field: 'file', message: expect.stringContaining('.xlsx') } });
    const zipNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    expect((await uploadRoster(baseUrl, staff, taitouId, zipNotXlsx)).body.code).toBe('ROSTER_FILE_UNREADABLE');

    const header = await uploadRoster(baseUrl, staff, taitouId, await rosterXlsx([['台头镇', '北孙村']], ['镇', '村', '网格']));
    expect(header).toMatchObject({ status: 400, body: { code: 'ROSTER_HEADER_INVALID', message: expect.stringContaining('巷长手机号') } });
    expect((await uploadRoster(baseUrl, staff, taitouId, await rosterXlsx([]))).body.code).toBe('ROSTER_EMPTY');

    const many = Array.from({ length: 5001 }, (_, i): SheetRow => ['台头镇', '北孙村', '北孙村东片大网格', `第${i}网格`, '王一', '13900001111', '', '']);
    expect(await uploadRoster(baseUrl, staff, taitouId, await rosterXlsx(many))).toMatchObject({ status: 413, body: { code: 'ROSTER_TOO_MANY_ROWS' } });

    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5 * 1024 * 1024)]);
    expect(await uploadRoster(baseUrl, staff, taitouId, big)).toMatchObject({
      status: 413,
      body: { code: 'ROSTER_FILE_TOO_LARGE', field: 'file', message: expect.stringContaining('5 MB') },
    });

    expect(await uploadRoster(baseUrl, staff, taitouId, null)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'file' } });
    const wrongField = new FormData();
    wrongField.set('townId', String(taitouId));
    wrongField.set('upload', new Blob([new Uint8Array(await rosterXlsx([]))]), 'roster.xlsx');
    const misnamed = await fetch(`${baseUrl}/api/roster/imports`, { method: 'POST', headers: { authorization: `Bearer ${staff}` }, body: wrongField });
    expect({ status: misnamed.status, body: await misnamed.json() }).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'file' } });
    const village = await unitByCode(dataSource, 'SG-TT-V01');
    expect(await uploadRoster(baseUrl, staff, village.id, await rosterXlsx([]))).toMatchObject({ status: 400, body: { code: 'ROSTER_NOT_A_TOWN' } });
    expect(await uploadRoster(baseUrl, staff, 'abc', await rosterXlsx([]))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', field: 'townId' },
    });
    expect(await rosterTables(dataSource)).toEqual(before);
  });

  it('is for roster managers of the town only: villagers and grid leaders get 403, staff of another town 404', async () => {
    const shifanStaff = await demoToken(baseUrl, (await personWithRole(dataSource, 'hotline_staff', 'SG-SF')).personId);
    const own = await exportRoster(baseUrl, shifanStaff, shifanId);
    expect(own.rows).toHaveLength(7);
    const small = own.rows.slice(1);
    const taitouJob = (await uploadRoster(baseUrl, staff, taitouId, await rosterXlsx(await currentRows()))).body.id as number;
    await waitForImport(baseUrl, staff, taitouJob);

    const village = await unitByCode(dataSource, 'SG-TT-V01');
    const inserted = await dataSource.getRepository(Person).insert({ name: '村民甲', phone: '13700000001', homeUnitId: village.id });
    const villager = await demoToken(baseUrl, Number(inserted.identifiers[0]!.id));
    const gridLeader = await demoToken(baseUrl, (await personWithRole(dataSource, 'grid_leader', 'SG-TT')).personId);
    for (const token of [villager, gridLeader]) {
      expect((await uploadRoster(baseUrl, token, taitouId, await rosterXlsx(small))).body.code).toBe('FORBIDDEN');
      expect((await exportRoster(baseUrl, token, taitouId)).status).toBe(403);
      expect((await call(baseUrl, 'GET', `/api/roster/imports/${taitouJob}`, { token })).status).toBe(403);
    }
    expect((await exportRoster(baseUrl, undefined, taitouId)).status).toBe(401);

    expect(await uploadRoster(baseUrl, shifanStaff, taitouId, await rosterXlsx(small))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', field: 'townId' },
    });
    expect((await exportRoster(baseUrl, shifanStaff, taitouId)).status).toBe(404);
    expect((await call(baseUrl, 'GET', `/api/roster/imports/${taitouJob}`, { token: shifanStaff })).status).toBe(404);
    // Their own town works, and its jobs are theirs to read.
    const started = await uploadRoster(baseUrl, shifanStaff, shifanId, await rosterXlsx(small));
    const seen = await waitForImport(baseUrl, shifanStaff, started.body.id);
    expect(seen[seen.length - 1]).toMatchObject({ state: 'done', summary: { unchanged: 6 } });
    expect((await call(baseUrl, 'GET', `/api/roster/imports/${started.body.id}`, { token: staff })).status).toBe(404);
    const admin = await demoToken(baseUrl, (await personWithRole(dataSource, 'county_admin', 'SG')).personId);
    expect((await call(baseUrl, 'GET', `/api/roster/imports/${started.body.id}`, { token: admin })).status).toBe(200);

    // The access matrix's fixtures: an upload that is accepted and then rejected, a finished job to read.
    const harmless = await uploadRoster(baseUrl, staff, taitouId, await harmlessRosterXlsx());
    expect(harmless.status).toBe(202);
    expect((await waitForImport(baseUrl, staff, harmless.body.id)).pop()).toMatchObject({ state: 'rejected', errorCount: 1 });
    const fixture = await insertFinishedImport(dataSource, shifanId, 1);
    expect((await call(baseUrl, 'GET', `/api/roster/imports/${fixture}`, { token: shifanStaff })).body).toMatchObject({ id: fixture, state: 'rejected' });
    expect((await call(baseUrl, 'GET', `/api/roster/imports/${fixture}`, { token: staff })).status).toBe(404);
  });

  it('closes an import whose instance died as failed, so nobody waits on it forever', async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    const inserted = await dataSource.getRepository(RosterImport).insert({
      townId: taitouId,
      requestedByPersonId: 1,
      fileName: 'lost.xlsx',
      state: 'applying',
      total: 662,
      processed: 0,
      errorCount: 0,
      errors: null,
      summary: null,
      message: null,
      stateChangedAt: hourAgo,
      finishedAt: null,
    });
    const res = await call(baseUrl, 'GET', `/api/roster/imports/${inserted.identifiers[0]!.id}`, { token: staff });
    expect(res.body).toMatchObject({ state: 'failed', message: expect.stringContaining('导入中断'), finishedAt: expect.any(String) });
    expect((await call(baseUrl, 'GET', '/api/roster/imports/999999', { token: staff })).body.code).toBe('NOT_FOUND');
  });
});
