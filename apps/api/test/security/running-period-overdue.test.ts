import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V02-L1-S01';

/**
 * Issue #16, "the month in progress counts matters as open and overdue before they are due": a
 * matter received and accepted as complex on Tuesday 24 November (due Friday 27 November) showed
 * as 超期未办结 on the live November board that same day. A period not yet over is judged at the
 * moment of reading; after the deadline the matter is overdue.
 */
describe(`a running period judges "open and overdue" now (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-24T09:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  let ds: DataSource;
  let townId: number;
  let gridId: number;
  let leader: string;
  let townLeader: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    townId = (await unitByCode(ds, 'SG-TT')).id;
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    gridId = seeded.unitId;
    leader = await demoToken(under.api.baseUrl, seeded.personId);
    townLeader = await tokenForRole(ds, under.api.baseUrl, 'town_leader', 'SG-TT');
  });

  const api = (method: string, path: string, token?: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const boardRow = async () => {
    const board = await api('GET', `/api/public/reports/ranking?townId=${townId}&month=2026-11&level=small_grid`);
    expect(board.status).toBe(200);
    return board.body.rows.find((r: { unitId: number }) => r.unitId === gridId);
  };
  const overdueBehind = async (): Promise<number[]> => {
    const drill = await api('GET', `/api/public/reports/ranking/requests?townId=${townId}&month=2026-11&unitId=${gridId}&figure=openOverdue`);
    expect(drill.status).toBe(200);
    return drill.body.requests.map((r: { requestId: number }) => r.requestId);
  };
  const bulletinOverdue = async (day: string): Promise<number[]> => {
    const bulletin = await api('GET', `/api/reports/daily?townId=${townId}&day=${day}`, townLeader);
    expect(bulletin.status).toBe(200);
    const drill = await api('GET', `/api/reports/daily/requests?townId=${townId}&day=${day}&figure=overdue`, townLeader);
    expect(drill.status).toBe(200);
    const listed = bulletin.body.overdue.map((o: { requestId: number }) => o.requestId);
    expect(drill.body.requests.map((r: { requestId: number }) => r.requestId)).toEqual(listed);
    return listed;
  };

  it('a matter accepted as complex is not overdue on the live board the day it arrives; it is once its deadline has passed', async () => {
    const before = await boardRow();
    const villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '王秀英', phone: '13800001624' }, gridId));
    clock.set(at('2026-11-24T10:00:00'));
    const filed = await api('POST', '/api/requests', villager, {
      clientRequestId: randomBytes(12).toString('hex'),
      category: 'infrastructure',
      description: '村东头的排水沟堵了',
    });
    expect(filed.status).toBe(201);
    clock.set(at('2026-11-24T10:05:00'));
    const accepted = await api('POST', `/api/requests/${filed.body.id}/actions/accept`, leader, {
      version: filed.body.version,
      contactMethod: 'call',
      complexity: 'complex',
      note: '需要协调施工队，三天内办结',
    });
    expect([accepted.status, accepted.body.code]).toEqual([200, undefined]);
    expect(new Date(accepted.body.completionDueAt).getTime()).toBeGreaterThan(at('2026-11-27T00:00:00').getTime());

    // Read the same day: not overdue anywhere, the on-time rate unharmed.
    clock.set(at('2026-11-24T11:00:00'));
    const sameDay = await boardRow();
    expect([sameDay.openOverdue, sameDay.onTimeRate]).toEqual([before.openOverdue, before.onTimeRate]);
    expect(await overdueBehind()).not.toContain(filed.body.id);
    expect(await bulletinOverdue('2026-11-24')).not.toContain(filed.body.id);

    // Read again after its deadline: overdue, on the board, its drill-down and the day's bulletin.
    clock.set(at('2026-11-28T10:00:00'));
    const after = await boardRow();
    expect(after.openOverdue).toBe(before.openOverdue + 1);
    expect(await overdueBehind()).toContain(filed.body.id);
    expect(await bulletinOverdue('2026-11-28')).toContain(filed.body.id);
    // The 24th, an ended day, keeps its meaning: the matter was not overdue at its end.
    expect(await bulletinOverdue('2026-11-24')).not.toContain(filed.body.id);
  });
});
