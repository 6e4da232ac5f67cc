import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Person } from '../../src/grid/person.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { addVillager, demoToken, personWithRole, unitByCode, type SeededPerson } from '../support/people';
import { exportRoster, rosterTables, rosterXlsx, SheetRow, uploadRoster, waitForImport } from '../support/roster-files';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Column positions in a roster row. */
const C = { leaderName: 4, leaderPhone: 5, deputyName: 6, deputyPhone: 7 } as const;

/**
 * Finding 3 (issue #14): 示范镇's town leader imported a roster holding the phone of a 台头镇 grid
 * leader under a new name; the person was renamed county-wide and given a role in 示范镇. An import
 * changes only people within the importer's span; a phone of anyone else is a row error.
 */
describe(`a roster import stays within the importer's span (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let ds: DataSource;
  let baseUrl: string;
  let shifanId: number;
  let townLeader: string;
  let taitouLeader: SeededPerson;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    baseUrl = under.api.baseUrl;
    shifanId = (await unitByCode(ds, 'SG-SF')).id;
    townLeader = await demoToken(baseUrl, (await personWithRole(ds, 'town_leader', 'SG-SF')).personId);
    taitouLeader = await personWithRole(ds, 'grid_leader', 'SG-TT');
  });

  /** 示范镇's own roster, exported by `token`: six rows. */
  async function shifanRows(token = townLeader): Promise<SheetRow[]> {
    const exported = await exportRoster(baseUrl, token, shifanId);
    expect(exported.status).toBe(200);
    return exported.rows.slice(1);
  }

  async function importShifan(rows: readonly SheetRow[], token = townLeader): Promise<any> {
    const started = await uploadRoster(baseUrl, token, shifanId, await rosterXlsx(rows));
    expect(started.status).toBe(202);
    return (await waitForImport(baseUrl, token, started.body.id)).pop();
  }

  async function rolesIn(personId: number, townCode: string): Promise<number> {
    const [row] = await ds.query(
      `SELECT COUNT(*) AS n FROM role_assignment r JOIN org_unit u ON u.id = r.unitId WHERE r.personId = ? AND r.endedAt IS NULL AND u.code LIKE ?`,
      [personId, `${townCode}-%`],
    );
    return Number(row.n);
  }

  const nameOf = async (personId: number) => (await ds.getRepository(Person).findOneByOrFail({ id: personId })).name;

  it('refuses the phone of another town’s grid leader (the attack): a row error in Chinese, nobody renamed, no role given', async () => {
    const rows = await shifanRows();
    rows[0]![C.leaderName] = '冒名顶替';
    rows[0]![C.leaderPhone] = taitouLeader.phone;
    const before = await rosterTables(ds);

    const job = await importShifan(rows);

    expect(job.state).toBe('rejected');
    expect(job.errors).toEqual([{ row: 2, column: '巷长手机号', message: expect.stringContaining('本镇以外') }]);
    // Nothing about the person comes back: not the name, not the town.
    expect(JSON.stringify(job)).not.toContain(taitouLeader.name);
    expect(JSON.stringify(job)).not.toContain('台头');
    expect(await nameOf(taitouLeader.personId)).toBe(taitouLeader.name);
    expect(await rolesIn(taitouLeader.personId, 'SG-SF')).toBe(0);
    expect(await rosterTables(ds)).toEqual(before);
  });

  it('refuses the same as a deputy, and a villager living in another town; a villager of the town and a new phone are fine', async () => {
    const taitouGrid = await unitByCode(ds, 'SG-TT-V03-L1-S01');
    const elsewhere = await addVillager(ds, { name: '外镇村民', phone: '13700031001' }, taitouGrid.id);
    const shifanGrid = await unitByCode(ds, 'SG-SF-V01-L1-S01');
    const ownVillager = await addVillager(ds, { name: '本镇村民', phone: '13700031002' }, shifanGrid.id);

    const rows = await shifanRows();
    [rows[1]![C.deputyName], rows[1]![C.deputyPhone]] = ['改个名', taitouLeader.phone];
    [rows[2]![C.leaderName], rows[2]![C.leaderPhone]] = ['改个名', '13700031001'];
    const rejected = await importShifan(rows);
    expect(rejected.state).toBe('rejected');
    expect(rejected.errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, '副巷长手机号'],
      [4, '巷长手机号'],
    ]);
    expect(await nameOf(elsewhere)).toBe('外镇村民');

    const fine = await shifanRows();
    [fine[2]![C.leaderName], fine[2]![C.leaderPhone]] = ['本镇新巷长', '13700031002'];
    const done = await importShifan(fine);
    expect(done).toMatchObject({ state: 'done', summary: { namesUpdated: 1, leadersReplaced: 1 } });
    expect(await nameOf(ownVillager)).toBe('本镇新巷长');
  });

  it('lets the county admin take a person from another town (moving people between towns is theirs)', async () => {
    const admin = await demoToken(baseUrl, (await personWithRole(ds, 'county_admin', 'SG')).personId);
    const rows = await shifanRows(admin);
    rows[3]![C.leaderPhone] = taitouLeader.phone;
    rows[3]![C.leaderName] = taitouLeader.name;
    const job = await importShifan(rows, admin);
    expect(job).toMatchObject({ state: 'done', summary: { leadersReplaced: 1, namesUpdated: 0 } });
    expect(await rolesIn(taitouLeader.personId, 'SG-SF')).toBe(1);
  });
});
