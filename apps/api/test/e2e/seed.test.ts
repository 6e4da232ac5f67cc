import { describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

describe(`demo county seed (${testDialect()})`, () => {
  const under = useAppUnderTest();

  it('builds Taitou Town as the article describes it, and a second town', async () => {
    const first = await seedDemoIfEmpty(under.api.app);
    expect(first.seeded).toBe(true);
    const res = await fetch(`${under.api.baseUrl}/api/public/towns`);
    expect(await res.json()).toEqual([
      { id: expect.any(Number), code: 'SG-TT', name: '台头镇', villages: 41, largeGrids: 46, smallGrids: 662 },
      { id: expect.any(Number), code: 'SG-SF', name: '示范镇', villages: 2, largeGrids: 2, smallGrids: 6 },
    ]);
  });

  it('gives every small grid exactly one current grid leader, all with distinct synthetic phones', async () => {
    const dataSource = under.api.app.get(DataSource);
    const [row] = await dataSource.query(
      `SELECT COUNT(*) AS grids,
              SUM(CASE WHEN (SELECT COUNT(*) FROM role_assignment r
                             WHERE r.unitId = u.id AND r.role = 'grid_leader' AND r.endedAt IS NULL) = 1 THEN 1 ELSE 0 END) AS led
         FROM org_unit u WHERE u.kind = 'small_grid'`,
    );
    expect(Number(row.grids)).toBe(668);
    expect(Number(row.led)).toBe(668);
    const phones: { phone: string }[] = await dataSource.query('SELECT phone FROM person');
    expect(new Set(phones.map((p) => p.phone)).size).toBe(phones.length);
    expect(phones.every((p) => /^19905360\d{3}$|^1990536\d{4}$/.test(p.phone))).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const dataSource = under.api.app.get(DataSource);
    const count = async () => (await dataSource.query('SELECT (SELECT COUNT(*) FROM org_unit) + (SELECT COUNT(*) FROM person) AS n'))[0].n;
    const before = Number(await count());
    const again = await seedDemoIfEmpty(under.api.app);
    expect(again.seeded).toBe(false);
    expect(Number(await count())).toBe(before);
  });
});
