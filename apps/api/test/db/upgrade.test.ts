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
});
