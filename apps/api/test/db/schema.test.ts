import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { migrationsFor } from '../../src/database/migrations';
import { openDatabase } from '../../src/database/open-database';
import { createTestDatabase, TestDatabase, testDialect } from '../support/test-database';

/** The entities and the reviewed migration files must describe the same schema, on this run's dialect. */
describe(`schema on ${testDialect()}`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await openDatabase(db.target);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('has every migration applied and none pending', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const applied = await dataSource.query('SELECT COUNT(*) AS n FROM migrations');
    expect(Number(applied[0].n)).toBe(migrationsFor(db.target.dialect).length);
  });

  it('needs no further change to match the entities', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can undo every migration down to an empty schema, and redo it', async () => {
    const count = migrationsFor(db.target.dialect).length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await listTables(dataSource)).toEqual(['migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});

async function listTables(dataSource: DataSource): Promise<string[]> {
  const sql =
    testDialect() === 'mysql'
      ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()'
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence'";
  const rows: { name: string }[] = await dataSource.query(sql);
  return rows.map((row) => row.name).sort();
}
