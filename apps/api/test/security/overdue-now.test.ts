import { beforeAll, describe, expect, it } from '@jest/globals';
import { isOverdueAt } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V02-L1-S01';

/**
 * Issue #16, "one definition of overdue now": at the same moment the daily bulletin counted 29
 * overdue matters and 超时督办 listed 27 (it listed what the escalation sweep had reached, and a
 * 12345 order's city deadline counted nowhere before acceptance). The bulletin of the day in
 * progress, 超时督办 and the weekly dispatch all say what packages/domain's isOverdueAt says.
 */
describe(`one definition of overdue now (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-24T09:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  let ds: DataSource;
  let townId: number;
  let gridId: number;
  let leader: string;
  let hotline: string;
  let townLeader: string;
  let villager: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    townId = (await unitByCode(ds, 'SG-TT')).id;
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    gridId = seeded.unitId;
    leader = await demoToken(under.api.baseUrl, seeded.personId);
    hotline = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT');
    townLeader = await tokenForRole(ds, under.api.baseUrl, 'town_leader', 'SG-TT');
    villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '赵桂兰', phone: '13800001625' }, gridId));
  });

  const api = (method: string, path: string, token?: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  async function submit(when: string): Promise<{ id: number; version: number }> {
    clock.set(at(when));
    const filed = await api('POST', '/api/requests', villager, {
      clientRequestId: randomBytes(12).toString('hex'),
      category: 'infrastructure',
      description: '巷口的路灯不亮了',
    });
    expect(filed.status).toBe(201);
    return filed.body;
  }
  async function accept(request: { id: number; version: number }, when: string, complexity: 'simple' | 'complex'): Promise<void> {
    clock.set(at(when));
    const accepted = await api('POST', `/api/requests/${request.id}/actions/accept`, leader, {
      version: request.version,
      contactMethod: 'call',
      complexity,
      note: '已电话联系，马上安排',
    });
    expect([accepted.status, accepted.body.code]).toEqual([200, undefined]);
  }

  it('the day’s bulletin, 超时督办 and the weekly dispatch list exactly the matters isOverdueAt calls overdue, at the same moment', async () => {
    // Overdue for first contact: nobody answered it (contact due within the hour).
    const noContact = await submit('2026-11-24T09:00:00');
    // Overdue for completion: a simple matter accepted on the 24th, due the next working day.
    const simple = await submit('2026-11-24T09:10:00');
    await accept(simple, '2026-11-24T09:20:00', 'simple');
    // Just not due: a complex matter accepted on the 24th, due the 27th.
    const complex = await submit('2026-11-24T09:30:00');
    await accept(complex, '2026-11-24T09:40:00', 'complex');
    // The escalation sweep ran at 09:00 on the 26th, before the 12345 order below arrived.
    await under.api.app.get(JobScheduler).runOnce(at('2026-11-26T09:00:00'));
    // A 12345 order whose city deadline (09:50) comes before the town's first-contact hour: the city's governs.
    clock.set(at('2026-11-26T09:30:00'));
    const imported = await api('POST', '/api/hotline/orders', hotline, {
      townId,
      orders: [
        {
          orderNo: `12345-${randomBytes(4).toString('hex')}`,
          receivedAt: '2026-11-26T09:00:00+08:00',
          callerName: '李建国',
          callerPhone: '13655551234',
          content: '村口的排水沟堵了，雨天积水',
          category: 'infrastructure',
          cityDueAt: '2026-11-26T09:50:00+08:00',
        },
      ],
    });
    expect([imported.status, imported.body.created]).toEqual([200, 1]);
    const order = Number(imported.body.orders[0].requestId);

    const now = at('2026-11-26T10:00:00');
    clock.set(now);
    const requests = await ds.getRepository(RequestEntity).find({ relations: { handlerUnit: true, unit: true } });
    const town = (await unitByCode(ds, 'SG-TT')).path;
    const inTown = requests.filter((r) => r.handlerUnit!.path.startsWith(town) || r.unit!.path.startsWith(town));
    const truth = inTown.filter((r) => isOverdueAt(r, now)).map((r) => r.id);
    expect([noContact.id, simple.id, order].every((id) => truth.includes(id))).toBe(true);
    expect(truth).not.toContain(complex.id);

    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    const bulletin = await api('GET', `/api/reports/daily?townId=${townId}&day=2026-11-26`, townLeader);
    expect(bulletin.status).toBe(200);
    const board = await api('GET', '/api/requests/overdue', townLeader);
    expect(board.status).toBe(200);
    const dispatch = await api('GET', `/api/reports/weekly-dispatch?townId=${townId}`, townLeader);
    expect(dispatch.status).toBe(200);
    const dispatched = dispatch.body.units.flatMap((u: { requests: { requestId: number; overdue: boolean }[] }) =>
      u.requests.filter((r) => r.overdue).map((r) => r.requestId),
    );
    expect({
      bulletin: sorted(bulletin.body.overdue.map((o: { requestId: number }) => o.requestId)),
      board: sorted(board.body.map((r: { id: number }) => r.id)),
      dispatch: sorted(dispatched),
    }).toEqual({ bulletin: sorted(truth), board: sorted(truth), dispatch: sorted(truth) });
    expect(dispatch.body.overdue).toBe(truth.length);
  });
});
