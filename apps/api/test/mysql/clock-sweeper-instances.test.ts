import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import type { EscalationCounts } from '../../src/jobs/escalate-overdue.job';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { eventually } from '../support/eventually';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { RunningApp, startTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const MATTERS = 80;

/**
 * Two API instances on one MariaDB sweeping the same due clocks at the same moment: row locks
 * that the other instance skips make every event fire exactly once, none missed.
 */
describe('two instances sweeping one database (mysql)', () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  const clock = new ManualClock(at('2026-10-09T16:00:00'));
  const auth = { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, loginRateLimitPerMinute: 100_000, refreshReuseGraceSeconds: 10 };

  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.target.dialect !== 'mysql') throw new Error('this suite runs on the MySQL pass only');
    a = await startTestApp(db.target, { clock, demoLogin: true, auth });
    b = await startTestApp(db.target, { clock, demoLogin: true, auth });
    await seedDemoIfEmpty(a.app);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await a.app.get(DataSource).query(sql, params))[0].n);
  const sum = (x: EscalationCounts, y: EscalationCounts): EscalationCounts => ({
    scheduled: x.scheduled + y.scheduled,
    reminded: x.reminded + y.reminded,
    escalated: x.escalated + y.escalated,
  });

  it('fires each due event once across both instances', async () => {
    const ds = a.app.get(DataSource);
    // Villagers of four grids raise 80 matters at Friday 16:00 (contact due 17:00).
    const grids = ['SG-TT-V02-L1-S01', 'SG-TT-V02-L1-S02', 'SG-TT-V03-L1-S01', 'SG-TT-V04-L1-S01'];
    for (let i = 0; i < MATTERS; i++) {
      const code = grids[i % grids.length]!;
      const leader = await personWithRole(ds, 'grid_leader', code);
      const token = await demoToken(a.baseUrl, leader.personId);
      const res = await call(a.baseUrl, 'POST', '/api/requests/on-behalf', {
        token,
        body: {
          clientRequestId: randomBytes(10).toString('hex'),
          category: 'other',
          description: `代办诉求 ${i}`,
          unitId: (await unitByCode(ds, code)).id,
          requesterName: '村民',
          requesterPhone: `1360000${String(1000 + i)}`,
        },
      });
      expect(res.status).toBe(201);
    }

    // 17:01: each clock is scheduled, its reminder skipped (too late for one) and its first rung fired.
    const sweep = async (instance: RunningApp, time: string) => (await instance.app.get(JobScheduler).runOnce(at(time))).escalateOverdue;
    const both = (time: string) => Promise.all([sweep(a, time), sweep(b, time)]);
    const firstPair = await both('2026-10-09T17:01:00');
    // Saturday 09:00 (make-up working day): the second rung of each.
    const secondPair = await both('2026-10-10T09:00:00');
    const first = sum(...firstPair);
    const second = sum(...secondPair);
    const escalations = await count(`SELECT COUNT(*) AS n FROM request_event WHERE action = 'escalate'`);
    const perRequest = await count(
      `SELECT COUNT(*) AS n FROM (SELECT requestId FROM request_event WHERE action = 'escalate' GROUP BY requestId HAVING COUNT(*) <> 2) odd`,
    );
    const overdueMessages = await count(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'overdue'`);
    const duplicateMessages = await count(
      `SELECT COUNT(*) AS n FROM (SELECT personId, requestId, body FROM notification WHERE kind = 'overdue' GROUP BY personId, requestId, body HAVING COUNT(*) > 1) d`,
    );
    console.log(
      `two instances: first sweep A ${JSON.stringify(firstPair[0])} B ${JSON.stringify(firstPair[1])}, second sweep A ${JSON.stringify(secondPair[0])} B ${JSON.stringify(secondPair[1])}; ${escalations} escalation rows for ${MATTERS} matters, ${overdueMessages} overdue messages, ${duplicateMessages} duplicates`,
    );
    expect(first).toEqual({ scheduled: MATTERS, reminded: 0, escalated: MATTERS });
    expect(second).toEqual({ scheduled: 0, reminded: 0, escalated: MATTERS });
    expect(escalations).toBe(2 * MATTERS);
    expect(perRequest).toBe(0);
    expect(duplicateMessages).toBe(0);
    expect(overdueMessages).toBeGreaterThanOrEqual(2 * MATTERS);
  }, 300_000);

  it('two API processes with their sweepers running fire each rung of every ladder once', async () => {
    const ds = a.app.get(DataSource);
    // Clocks that ran out long ago, held back until both processes are up: then every rung of the
    // ladder (5) is due at once for each, and both processes go for them together.
    const before = await count(`SELECT COUNT(*) AS n FROM request_event WHERE action = 'escalate'`);
    const requests: { id: number | string }[] = await ds.query(`SELECT id FROM request WHERE state = 'submitted'`);
    const ids = requests.map((r) => Number(r.id));
    await ds.query(`UPDATE request SET contactDueAt = ?, escalationRung = 0 WHERE id IN (${ids.map(() => '?').join(', ')})`, [
      at('2026-11-02T09:00:00'),
      ...ids,
    ]);
    await ds.query(`DELETE FROM request_timer`);
    for (const id of ids) {
      await ds.query(`INSERT INTO request_timer (requestId, clock, dueAt, stage, rung, nextFireAt) VALUES (?, 'contact', ?, 'new', 0, ?)`, [
        id,
        at('2026-11-02T09:00:00'),
        new Date('2100-01-01T00:00:00Z'),
      ]);
    }
    const fired = async () => (await count(`SELECT COUNT(*) AS n FROM request_event WHERE action = 'escalate'`)) - before;
    const servers = await Promise.all([startServer(db.url), startServer(db.url)]);
    try {
      await ds.query(`UPDATE request_timer SET nextFireAt = ?`, [at('2026-11-02T09:00:00')]);
      // Until the sweepers have done it all: nothing left to fire and every rung written (bounded by
      // the test's own timeout, however slowly a loaded machine gets there; a rung fired twice
      // overshoots and is caught below).
      await eventually(async () => {
        expect(await count(PENDING_TIMERS)).toBe(0);
        expect(await fired()).toBeGreaterThanOrEqual(5 * ids.length);
      }, 280_000);
    } finally {
      await Promise.all(servers.map(stop));
    }
    const wrong = await count(
      `SELECT COUNT(*) AS n FROM (SELECT requestId FROM request_event WHERE action = 'escalate' AND createdAt > ? GROUP BY requestId HAVING COUNT(*) <> 5) odd`,
      [at('2026-11-20T00:00:00')],
    );
    console.log(
      `two processes: ${ids.length} overdue matters × 5 rungs → ${await fired()} escalation rows; matters with other than 5: ${wrong}; timers left to fire: ${await count(PENDING_TIMERS)}`,
    );
    expect(await count(PENDING_TIMERS)).toBe(0);
    expect(await fired()).toBe(5 * ids.length);
    expect(wrong).toBe(0);
  }, 300_000);
});

/** Timers with something left to do (at the top of the ladder a timer stays, never due, while its clock runs). */
const PENDING_TIMERS = `SELECT COUNT(*) AS n FROM request_timer WHERE stage <> 'top'`;

/** The built server as an operator runs it, with its sweeper every second. */
function startServer(databaseUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(process.cwd(), 'dist', 'main.js')], {
      env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', DATABASE_URL: databaseUrl, CLOCK_SWEEP_SECONDS: '1', NOTIFY_POLL_SECONDS: '0', SEED_DEMO: '0' },
    });
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      if (/running: http/.test(stdout)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was running`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
