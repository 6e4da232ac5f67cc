import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { migrationsFor } from '../../src/database/migrations';
import { openDatabase } from '../../src/database/open-database';
import { createTestDatabase, TestDatabase, testDialect } from '../support/test-database';

/**
 * A county already running keeps its data through every later migration (SQLite rebuilds whole
 * tables to change a column, which must carry the rows and the foreign keys across).
 */
describe(`upgrading a database with data in it (${testDialect()})`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps the tree, the people and their roles from the first schema on', async () => {
    const [first] = migrationsFor(db.target.dialect);
    const early = new DataSource({ ...dataSourceOptions(db.target), entities: [], migrations: [first!] });
    await early.initialize();
    await early.runMigrations();
    await early.query(`INSERT INTO org_unit (id, parentId, kind, name, code, path) VALUES (1, NULL, 'county', '寿光市', 'SG', '/1/')`);
    await early.query(`INSERT INTO person (id, name, phone) VALUES (7, '王建国', '19905360001')`);
    await early.query(`INSERT INTO role_assignment (personId, role, unitId) VALUES (7, 'county_admin', 1)`);
    await early.destroy();

    const upgraded = await openDatabase(db.target);
    try {
      expect(await upgraded.showMigrations()).toBe(false);
      const rows = await upgraded.query(
        `SELECT p.name, p.phone, r.role, u.code FROM role_assignment r JOIN person p ON p.id = r.personId JOIN org_unit u ON u.id = r.unitId`,
      );
      expect(rows).toEqual([{ name: '王建国', phone: '19905360001', role: 'county_admin', code: 'SG' }]);
      // The foreign key from role_assignment to person survived the rebuild.
      await expect(upgraded.query(`DELETE FROM person WHERE id = 7`)).rejects.toThrow(/FOREIGN KEY|foreign key/);
    } finally {
      await upgraded.destroy();
    }
  });

  it('gives matters from before RequestSubmitter their submitter (whoever entered them, else the requester), and undoes it with the data in', async () => {
    const other = await createTestDatabase();
    try {
      const migrations = migrationsFor(other.target.dialect);
      const at = migrations.findIndex((m) => m.name.startsWith('RequestSubmitter'));
      const before = new DataSource({ ...dataSourceOptions(other.target), entities: [], migrations: migrations.slice(0, at) });
      await before.initialize();
      await before.runMigrations();
      await before.query(`INSERT INTO org_unit (id, parentId, kind, name, code, path) VALUES (1, NULL, 'small_grid', '北孙村第1网格', 'G1', '/1/')`);
      for (const [id, name] of [
        [1, '村民甲'],
        [2, '村民乙'],
        [3, '网格长'],
      ] as const)
        await before.query(`INSERT INTO person (id, name, phone) VALUES (?, ?, ?)`, [id, name, `1990536000${id}`]);
      // A villager's own; two entries by the leader (a scripted client reused one id) for two villagers.
      const insert = (id: number, requester: number, enteredBy: number | null, source: string) =>
        before.query(
          `INSERT INTO request (id, unitId, handlerUnitId, requesterPersonId, enteredByPersonId, source, clientRequestId, category, description, state, contactDueAt, version) VALUES (?, 1, 1, ?, ?, ?, ?, 'other', '旧诉求', 'submitted', ?, 1)`,
          [id, requester, enteredBy, source, id === 1 ? 'own-0001' : 'reused-01', '2026-12-01 10:00:00.000'],
        );
      await insert(1, 1, null, 'villager');
      await insert(2, 1, 3, 'proxy');
      await insert(3, 2, 3, 'proxy');
      await before.destroy();

      const upgraded = await openDatabase(other.target);
      try {
        const rows = await upgraded.query('SELECT id, submitterPersonId, clientRequestId FROM request ORDER BY id');
        expect(
          rows.map((r: { id: number; submitterPersonId: number; clientRequestId: string }) => [Number(r.id), Number(r.submitterPersonId), r.clientRequestId]),
        ).toEqual([
          [1, 1, 'own-0001'],
          [2, 3, 'reused-01'],
          [3, 3, 'reused-01~3'],
        ]);
        // Since then: the leader enters for 村民甲 with her own client id, a new matter of his.
        await upgraded.query(
          `INSERT INTO request (id, unitId, handlerUnitId, requesterPersonId, submitterPersonId, enteredByPersonId, source, clientRequestId, category, description, state, contactDueAt, version) VALUES (4, 1, 1, 1, 3, 3, 'proxy', 'own-0001', 'other', '新诉求', 'submitted', '2026-12-07 10:00:00.000', 1)`,
        );
        // Down to before it: every row kept, the old unique key (requester, clientRequestId) holds again.
        while ((await upgraded.query(`SELECT name FROM migrations WHERE name LIKE 'RequestSubmitter%'`)).length > 0)
          await upgraded.undoLastMigration({ transaction: 'each' });
        const down = await upgraded.query('SELECT id, clientRequestId FROM request ORDER BY id');
        expect(down.map((r: { id: number; clientRequestId: string }) => [Number(r.id), r.clientRequestId])).toEqual([
          [1, 'own-0001'],
          [2, 'reused-01'],
          [3, 'reused-01~3'],
          [4, 'own-0001~4'],
        ]);
      } finally {
        await upgraded.destroy();
      }
    } finally {
      await other.drop();
    }
  });
});
