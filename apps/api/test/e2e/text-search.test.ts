import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { migrationsFor } from '../../src/database/migrations';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V05-L1-S01';

/**
 * 诉求检索's words in Chinese through the database's own full-text index (SQLite FTS5 trigram;
 * MariaDB: trigrams under InnoDB FULLTEXT, kept by triggers), docs/requests.md "Searching the text".
 */
describe(`words in a matter's text (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const ds = () => under.api.app.get(DataSource);
  let leader: string;
  let staff: string;
  let gridId: number;
  const ids: Record<string, number> = {};

  /** A patrol finding with this text, by the grid's leader. */
  const raise = async (description: string): Promise<number> => {
    const res = await call(under.api.baseUrl, 'POST', '/api/requests/patrol', {
      token: leader,
      body: {
        clientRequestId: randomBytes(12).toString('hex'),
        unitId: gridId,
        category: 'infrastructure',
        dutyType: 'hazard_inspector',
        description,
        settledOnSpot: false,
      },
    });
    expect(res.status).toBe(201);
    return Number(res.body.id);
  };
  /** The ids 诉求检索 finds for these words, over the whole town, smallest first. */
  const search = async (q: string, unitId?: number): Promise<number[]> => {
    const place = unitId === undefined ? '' : `&unitId=${unitId}`;
    const res = await call(under.api.baseUrl, 'GET', `/api/requests/search?q=${encodeURIComponent(q)}&limit=100${place}`, { token: staff });
    expect(res.status).toBe(200);
    return (res.body.items as { id: number }[]).map((item) => item.id).sort((a, b) => a - b);
  };

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    gridId = (await unitByCode(ds(), GRID)).id;
    leader = await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', GRID);
    staff = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    ids.lamp = await raise('村东头的路灯坏了，晚上看不见路');
    ids.lampOn = await raise('西街的路灯白天也亮着，浪费电');
    ids.bin = await raise('垃圾桶满了没人清理，气味很大');
    ids.water = await raise('自来水停了三天，老人没水喝');
    ids.latin = await raise('3号楼的WiFi信号塔倒了');
  });

  it('finds the matters holding a Chinese word, and no other', async () => {
    expect(await search('路灯坏')).toEqual([ids.lamp]);
    expect(await search('晚上看不见路')).toEqual([ids.lamp]);
    expect(await search('垃圾桶')).toEqual([ids.bin]);
    expect(await search('路灯修好了')).toEqual([]);
  });

  it('requires every word (AND)', async () => {
    expect(await search('路灯 浪费电')).toEqual([ids.lampOn]);
    expect(await search('路灯坏了 看不见')).toEqual([ids.lamp]);
    expect(await search('路灯 垃圾桶')).toEqual([]);
  });

  it('finds one- and two-character words (no trigram: LIKE on what the rest leaves)', async () => {
    expect(await search('路灯')).toEqual([ids.lamp, ids.lampOn]);
    expect(await search('水')).toEqual([ids.water]);
    expect(await search('水 老人')).toEqual([ids.water]);
  });

  it('finds the same within a village (there the words are read with LIKE on its matters alone)', async () => {
    const village = (await unitByCode(ds(), 'SG-TT-V05')).id;
    const elsewhere = (await unitByCode(ds(), 'SG-TT-V06')).id;
    expect(await search('路灯坏', village)).toEqual([ids.lamp]);
    expect(await search('路灯 浪费电', village)).toEqual([ids.lampOn]);
    expect(await search('路灯', elsewhere)).toEqual([]);
  });

  it('matches Latin letters without regard to case, and digits', async () => {
    expect(await search('wifi')).toEqual([ids.latin]);
    expect(await search('3号楼')).toEqual([ids.latin]);
  });

  it('a step that rolls back leaves nothing in the index', async () => {
    const word = '下水道井盖丢失';
    await expect(
      ds().transaction(async (manager) => {
        const id = await copyRequest(manager.connection, ids.bin!, `${word}，很危险`, manager.query.bind(manager));
        // Inside the transaction the index has it (the trigger ran with the insert)…
        expect(await indexRows(id, manager.query.bind(manager))).toBe(1);
        throw new Error('the step fails after its writes');
      }),
    ).rejects.toThrow('the step fails');
    // …and after the rollback neither the matter nor its index row is there.
    expect(await search(word)).toEqual([]);
    const [{ n }] = await ds().query(
      testDialect() === 'mysql' ? 'SELECT COUNT(*) AS n FROM request_text WHERE requestId NOT IN (SELECT id FROM request)' : 'SELECT 0 AS n',
    );
    expect(Number(n)).toBe(0);
  });

  it('an edited text is found by its new words, not its old ones', async () => {
    // The product never edits a description today; the trigger keeps a repair by hand (or a future edit) in step.
    const id = await raise('桥头的护栏松动了');
    expect(await search('护栏松动')).toEqual([id]);
    await ds().query('UPDATE request SET description = ? WHERE id = ?', ['桥头的石墩被车撞歪了', id]);
    expect(await search('护栏松动')).toEqual([]);
    expect(await search('石墩 撞歪')).toEqual([id]);
  });

  it('a merged matter stays findable by its own words, and the one it went into by its own', async () => {
    const kept = await raise('南街积水很深，车过不去');
    const other = await raise('南街积水，孩子上学过不去');
    const { version } = (await call(under.api.baseUrl, 'GET', `/api/requests/${other}`, { token: leader })).body as { version: number };
    const merged = await call(under.api.baseUrl, 'POST', `/api/requests/${other}/actions/merge`, {
      token: leader,
      body: { version, targetRequestId: kept, note: '同一处积水' },
    });
    expect([merged.status, merged.body.state]).toEqual([200, 'merged']);
    expect(await search('南街积水')).toEqual([kept, other]);
    expect(await search('孩子上学')).toEqual([other]);
    expect(await search('车过不去')).toEqual([kept]);
  });

  it('the migration backfills the matters already there, and its down removes the index', async () => {
    const migration = migrationsFor(testDialect()).find((m) => m.name.startsWith('RequestTextIndex'))!;
    const runner = ds().createQueryRunner();
    try {
      await new migration().down(runner);
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    expect(await search('路灯坏')).toEqual([ids.lamp]);
    expect(await search('路灯 浪费电')).toEqual([ids.lampOn]);
  });
});

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** A copy of one matter's row with another text, written in the caller's transaction; its id. */
async function copyRequest(connection: DataSource, fromId: number, description: string, query: Query): Promise<number> {
  const columns = connection
    .getMetadata(RequestEntity)
    .columns.map((c) => c.databaseName)
    .filter((c) => !['id', 'description', 'clientRequestId'].includes(c));
  const list = columns.map((c) => (testDialect() === 'mysql' ? `\`${c}\`` : `"${c}"`)).join(', ');
  await query(`INSERT INTO request (${list}, description, clientRequestId) SELECT ${list}, ?, ? FROM request WHERE id = ?`, [
    description,
    randomBytes(12).toString('hex'),
    fromId,
  ]);
  const rows = (await query('SELECT MAX(id) AS id FROM request')) as { id: number }[];
  return Number(rows[0]!.id);
}

/** How many index rows this matter has, as the writing transaction sees them. */
async function indexRows(id: number, query: Query): Promise<number> {
  const sql =
    testDialect() === 'mysql' ? 'SELECT COUNT(*) AS n FROM request_text WHERE requestId = ?' : 'SELECT COUNT(*) AS n FROM request_text WHERE rowid = ?';
  const rows = (await query(sql, [id])) as { n: number }[];
  return Number(rows[0]!.n);
}
