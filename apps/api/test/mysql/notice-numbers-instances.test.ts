import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { RunningApp, startTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const MATTERS = 30;

/**
 * Two API instances (each its own connection pool and HTTP server) on one MariaDB number the
 * town's notices together: urges and supervisions sent to both at once each take their own
 * number, and the numbers of each kind run from 1 without a gap or a repeat (issue #18).
 */
describe('printed notice numbers across two instances (mysql)', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  const clock = new ManualClock(at('2026-10-12T10:00:00'));

  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.target.dialect !== 'mysql') throw new Error('this suite runs on the MySQL pass only');
    a = await startTestApp(db.target, { clock, demoLogin: true });
    b = await startTestApp(db.target, { clock, demoLogin: true });
    await seedDemoIfEmpty(a.app);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('hands out each number once when both instances urge and supervise at the same moment', async () => {
    const ds = a.app.get(DataSource);
    const grid = await unitByCode(ds, 'SG-TT-V02-L1-S01');
    const leader = await demoToken(a.baseUrl, (await personWithRole(ds, 'grid_leader', 'SG-TT-V02-L1-S01')).personId);
    const hotline = (await personWithRole(ds, 'hotline_staff', 'SG-TT')).personId;
    const staff = { a: await demoToken(a.baseUrl, hotline), b: await demoToken(b.baseUrl, hotline) };
    const matters: { id: number; version: number }[] = [];
    for (let i = 0; i < MATTERS; i++) {
      const res = await call(a.baseUrl, 'POST', '/api/requests/on-behalf', {
        token: leader,
        body: {
          clientRequestId: randomBytes(10).toString('hex'),
          category: 'other',
          description: `两台实例同时催办 ${i}`,
          unitId: grid.id,
          requesterName: '村民',
          requesterPhone: `1360000${String(2000 + i)}`,
        },
      });
      expect(res.status).toBe(201);
      matters.push(res.body);
    }
    // Even matters are urged, odd ones supervised; alternately through A and B, all sent together.
    const answers = await Promise.all(
      matters.map((m, i) => {
        const [baseUrl, token] = i % 4 < 2 ? [a.baseUrl, staff.a] : [b.baseUrl, staff.b];
        const action = i % 2 === 0 ? 'urge' : 'supervise';
        return call(baseUrl, 'POST', `/api/requests/${m.id}/actions/${action}`, { token, body: { version: m.version, note: '两台同时' } });
      }),
    );
    expect(answers.map((res) => res.status)).toEqual(matters.map(() => 200));
    const rows: { kind: string; serial: number | string; requestId: number | string }[] = await ds.query(
      'SELECT kind, serial, requestId AS "requestId" FROM printed_notice ORDER BY kind, serial',
    );
    const serialsOf = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => Number(r.serial));
    const run = Array.from({ length: MATTERS / 2 }, (_, i) => i + 1);
    console.log(`two instances: ${MATTERS} steps at once → urge ${serialsOf('urge').join(',')}; supervise ${serialsOf('supervise').join(',')}`);
    expect(serialsOf('urge')).toEqual(run);
    expect(serialsOf('supervise')).toEqual(run);
    expect(new Set(rows.map((r) => Number(r.requestId))).size).toBe(MATTERS);
    const counters: { kind: string; lastSerial: number | string }[] = await ds.query(
      'SELECT kind, lastSerial AS "lastSerial" FROM notice_counter ORDER BY kind',
    );
    expect(counters.map((c) => [c.kind, Number(c.lastSerial)])).toEqual([
      ['supervise', MATTERS / 2],
      ['urge', MATTERS / 2],
    ]);
  }, 180_000);
});
