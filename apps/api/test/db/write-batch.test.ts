import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';
import { openDatabase } from '../../src/database/open-database';
import { WriteBatch } from '../../src/database/write-batch';
import { createTestDatabase, TestDatabase, testDialect } from '../support/test-database';

/** A step's writes sent together (one round trip on MySQL, in turn on SQLite): ids, checks, failures. */
describe(`WriteBatch on ${testDialect()}`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await openDatabase(db.target);
    const id = db.target.dialect === 'sqlite' ? 'id INTEGER PRIMARY KEY AUTOINCREMENT' : 'id INT AUTO_INCREMENT PRIMARY KEY';
    await dataSource.query(`CREATE TABLE probe_parent (${id}, name VARCHAR(20) NOT NULL UNIQUE, at DATETIME(3) NULL, flag INT NOT NULL DEFAULT 0)`);
    await dataSource.query(`CREATE TABLE probe_child (${id}, parentId INT NOT NULL, siblingId INT NULL, note VARCHAR(20) NULL)`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const count = async (table: string): Promise<number> => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('gives each insert its id, and later statements of the batch take it as a parameter', async () => {
    const at = new Date('2026-12-03T08:00:00.123Z');
    const ids = await dataSource.transaction(async (manager) => {
      const batch = new WriteBatch(manager);
      const a = batch.insert('probe_parent', { name: 'a', at, flag: true });
      const b = batch.insert('probe_parent', { name: 'b', at: null, flag: false });
      const first = batch.insert('probe_child', { parentId: a, siblingId: null, note: '一' });
      batch.insertMany('probe_child', [
        { parentId: b, siblingId: first, note: '二' },
        { parentId: a, siblingId: first, note: '三' },
      ]);
      let changed = -1;
      batch.execute('UPDATE probe_parent SET flag = ? WHERE id IN (?, ?)', [7, a, b], (n) => (changed = n));
      await batch.run();
      return { a: a.value, b: b.value, first: first.value, changed };
    });
    expect(ids.b).toBe(ids.a + 1);
    expect(ids.changed).toBe(2);
    const children = await dataSource.query('SELECT parentId, siblingId, note FROM probe_child ORDER BY id');
    expect(children.map((c: Record<string, unknown>) => [Number(c.parentId), c.siblingId === null ? null : Number(c.siblingId), c.note])).toEqual([
      [ids.a, null, '一'],
      [ids.b, ids.first, '二'],
      [ids.a, ids.first, '三'],
    ]);
    const parents = await dataSource.query('SELECT name, at, flag FROM probe_parent ORDER BY id');
    expect(
      parents.map((p: Record<string, unknown>) => [
        p.name,
        p.at === null ? null : new Date(p.at instanceof Date ? p.at : `${String(p.at).replace(' ', 'T')}Z`).toISOString(),
        Number(p.flag),
      ]),
    ).toEqual([
      ['a', at.toISOString(), 7],
      ['b', null, 7],
    ]);
  });

  it('a batch of one statement answers its id too', async () => {
    const id = await dataSource.transaction(async (manager) => {
      const batch = new WriteBatch(manager);
      const c = batch.insert('probe_parent', { name: 'c' });
      await batch.run();
      return c.value;
    });
    expect(Number((await dataSource.query('SELECT id FROM probe_parent WHERE name = ?', ['c']))[0].id)).toBe(id);
  });

  it('a check that throws rolls the whole transaction back', async () => {
    const before = [await count('probe_parent'), await count('probe_child')];
    await expect(
      dataSource.transaction(async (manager) => {
        const batch = new WriteBatch(manager);
        const d = batch.insert('probe_parent', { name: 'd' });
        batch.insert('probe_child', { parentId: d, note: 'x' });
        batch.execute('UPDATE probe_parent SET flag = 1 WHERE name = ?', ['nobody'], (n) => {
          if (n !== 1) throw new Error('stale');
        });
        await batch.run();
      }),
    ).rejects.toThrow('stale');
    expect([await count('probe_parent'), await count('probe_child')]).toEqual(before);
  });

  it('a statement that fails midway fails the batch, and nothing of it stays', async () => {
    const before = [await count('probe_parent'), await count('probe_child')];
    await expect(
      dataSource.transaction(async (manager) => {
        const batch = new WriteBatch(manager);
        const e = batch.insert('probe_parent', { name: 'e' });
        batch.insert('probe_child', { parentId: e, note: 'y' });
        batch.insert('probe_parent', { name: 'a' }); // taken: the unique name
        batch.insert('probe_child', { parentId: e, note: 'z' });
        await batch.run();
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect([await count('probe_parent'), await count('probe_child')]).toEqual(before);
  });

  it('an id is not to be read before its batch has run', () => {
    const batch = new WriteBatch(dataSource.manager);
    const f = batch.insert('probe_parent', { name: 'f' });
    expect(() => f.value).toThrow('has not run');
  });
});
