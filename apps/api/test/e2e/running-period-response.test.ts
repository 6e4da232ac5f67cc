import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { asDate } from '../support/report-truth';
import { addVillager, demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V03-L1-S01';

/**
 * Issue #16, "every figure of every report for a running period gets the same review": on the
 * live board, 响应率 counted a matter received minutes ago, whose first contact was not yet due,
 * as a contact not made (0 % for a grid with one new matter). While its first contact is not yet
 * due, a matter is neither on time nor late: it is left out of 响应率 (contactPending) until it is
 * contacted or its deadline passes.
 */
describe(`a running period does not hold a first contact not yet due against the unit (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-24T09:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  let ds: DataSource;
  let townId: number;
  let gridId: number;
  let leader: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    townId = (await unitByCode(ds, 'SG-TT')).id;
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    gridId = seeded.unitId;
    leader = await demoToken(under.api.baseUrl, seeded.personId);
  });

  const api = (method: string, path: string, token?: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const boardRow = async (month = '2026-11') => {
    const board = await api('GET', `/api/public/reports/ranking?townId=${townId}&month=${month}&level=small_grid`);
    expect(board.status).toBe(200);
    return board.body.rows.find((r: { unitId: number }) => r.unitId === gridId);
  };
  const pendingBehind = async (month = '2026-11'): Promise<number[]> => {
    const drill = await api('GET', `/api/public/reports/ranking/requests?townId=${townId}&month=${month}&unitId=${gridId}&figure=contactPending`);
    expect(drill.status).toBe(200);
    return drill.body.requests.map((r: { requestId: number }) => r.requestId);
  };

  it('a new matter is left out of 响应率 until it is contacted or its first contact falls due', async () => {
    const villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '孙桂芝', phone: '13800001625' }, gridId));
    const file = async (when: string) => {
      clock.set(at(when));
      const filed = await api('POST', '/api/requests', villager, {
        clientRequestId: randomBytes(12).toString('hex'),
        category: 'environment',
        description: '河边有人倒垃圾',
      });
      expect(filed.status).toBe(201);
      return filed.body as { id: number; version: number };
    };
    const first = await file('2026-11-24T10:00:00');
    const [{ firstContactDueAt }] = await ds.query('SELECT firstContactDueAt FROM request WHERE id = ?', [first.id]);
    const due = asDate(firstContactDueAt);
    expect(due.getTime()).toBeGreaterThan(at('2026-11-24T10:05:00').getTime());

    // Five minutes later: received, not yet due: no response rate yet (it read 0 % before), listed as pending.
    clock.set(at('2026-11-24T10:05:00'));
    expect(await boardRow()).toMatchObject({ received: 1, contactedOnTime: 0, contactPending: 1, responseRate: null });
    expect(await pendingBehind()).toEqual([first.id]);

    // A second matter, contacted at once: 1 of the 1 that could be judged.
    const second = await file('2026-11-24T10:10:00');
    clock.set(at('2026-11-24T10:15:00'));
    const accepted = await api('POST', `/api/requests/${second.id}/actions/accept`, leader, { version: second.version, contactMethod: 'call' });
    expect(accepted.status).toBe(200);
    expect(await boardRow()).toMatchObject({ received: 2, contactedOnTime: 1, contactPending: 1, responseRate: 1 });

    // The first one's deadline passes without a contact: now it counts, late.
    clock.set(new Date(due.getTime() + 60_000));
    expect(await boardRow()).toMatchObject({ received: 2, contactedOnTime: 1, contactPending: 0, responseRate: 0.5 });
    expect(await pendingBehind()).toEqual([]);

    // The month over and kept: nothing pending in it, the same rate.
    clock.set(at('2026-12-05T09:00:00'));
    expect(await boardRow('2026-11')).toMatchObject({ received: 2, contactedOnTime: 1, contactPending: 0, responseRate: 0.5 });
    const kept: { contactPending: number | string }[] = await ds.query(
      "SELECT contactPending FROM ranking_month_count WHERE month = '2026-11' AND unitId = ?",
      [gridId],
    );
    expect(kept.map((r) => Number(r.contactPending))).toEqual([0]);
  });
});
