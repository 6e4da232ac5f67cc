import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V03-L1-S02';

/**
 * Issue #17, "homes that say what to do next": the home page's counts (getMyWork). Each count is
 * the length of the list its tile opens, and 即将超时 / 已超时 follow the reminder and the deadline.
 */
describe(`the home page's work counts (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-24T08:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  let ds: DataSource;
  let leader: string;
  let villager: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    leader = await demoToken(under.api.baseUrl, seeded.personId);
    villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '孙秀英', phone: '13800001717' }, seeded.unitId));
  });

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  async function submit(when: string): Promise<{ id: number; version: number }> {
    clock.set(at(when));
    const filed = await api('POST', '/api/requests', villager, {
      clientRequestId: randomBytes(12).toString('hex'),
      category: 'environment',
      description: '河边堆了垃圾',
    });
    expect(filed.status).toBe(201);
    return filed.body;
  }
  async function step(request: { id: number; version: number }, action: string, body: Record<string, unknown>): Promise<{ id: number; version: number }> {
    const done = await api('POST', `/api/requests/${request.id}/actions/${action}`, leader, { version: request.version, ...body });
    expect([done.status, done.body.code]).toEqual([200, undefined]);
    return done.body;
  }

  it('a grid leader sees 待办, 即将超时 and 已超时 as his inbox has them', async () => {
    const late = await submit('2026-11-24T08:00:00'); // contact due 09:00: late at 09:50
    const soon = await submit('2026-11-24T09:00:00'); // contact due 10:00: reminded at 09:45
    const calm = await submit('2026-11-24T09:05:00');
    clock.set(at('2026-11-24T09:10:00'));
    await step(calm, 'accept', { contactMethod: 'call', complexity: 'complex', note: '已电话联系' });
    const settled = await submit('2026-11-24T09:20:00');
    const accepted = await step(settled, 'accept', { contactMethod: 'visit', complexity: 'simple', note: '已上门' });
    const resolved = await step(accepted, 'resolve', { note: '垃圾已清走' });
    // Rated, it is ready to be looked back at (the hotline office's count below).
    const rated = await api('POST', `/api/requests/${settled.id}/rating`, villager, { version: resolved.version, rating: 'satisfied' });
    expect(rated.status).toBe(200);

    clock.set(at('2026-11-24T09:50:00'));
    const work = await api('GET', '/api/me/work', leader);
    expect(work.status).toBe(200);
    const inbox = await api('GET', '/api/requests/inbox?limit=100', leader);
    // 待办 lists exactly the matters being worked on: the count is its length, the settled one is not in it.
    const listed = inbox.body.map((r: { id: number }) => r.id);
    expect(listed).toEqual(expect.arrayContaining([late.id, soon.id, calm.id]));
    expect(listed).not.toContain(settled.id);
    expect(work.body).toMatchObject({ handling: inbox.body.length, dueSoon: 1, overdue: 1, dispatch: null, lookBack: null, supervision: null });
  });

  it('the hotline office’s queue counts are the lengths of the queues they open; a villager has none', async () => {
    const hotline = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT');
    const get = (path: string) => api('GET', path, hotline);
    const [work, dispatch, lookBack, overdue] = await Promise.all([
      get('/api/me/work'),
      get('/api/requests/dispatch-queue'),
      get('/api/requests/look-back-queue'),
      get('/api/requests/overdue'),
    ]);
    expect([work.status, dispatch.status, lookBack.status, overdue.status]).toEqual([200, 200, 200, 200]);
    expect(lookBack.body.length).toBeGreaterThan(0); // the settled matter above waits to be looked back at
    expect(work.body).toMatchObject({ dispatch: dispatch.body.length, lookBack: lookBack.body.length, supervision: overdue.body.length });

    const mine = await api('GET', '/api/me/work', villager);
    expect(mine.body).toEqual({
      day: '2026-11-24',
      handling: null,
      dueSoon: null,
      overdue: null,
      dispatch: null,
      lookBack: null,
      supervision: null,
      dueToday: null,
      receivedToday: null,
    });
  });

  it('今日新收 and 今日到期 follow the China calendar day, not UTC’s', async () => {
    const hotline = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT');
    const today = async (when: string) => {
      clock.set(at(when));
      const work = await api('GET', '/api/me/work', hotline);
      expect(work.status).toBe(200);
      return { dueToday: work.body.dueToday as number, receivedToday: work.body.receivedToday as number };
    };
    const before = await today('2026-11-26T10:00:00');
    // 23:50 on the 25th (15:50 UTC) and 00:30 on the 26th (16:30 UTC on the 25th): a UTC day would
    // put both on the 25th. Filed at night, both must be contacted on the morning of the 26th.
    const lateEvening = await submit('2026-11-25T23:50:00');
    const pastMidnight = await submit('2026-11-26T00:30:00');
    for (const filed of [lateEvening, pastMidnight]) {
      const shown = await api('GET', `/api/requests/${filed.id}`, hotline);
      expect(new Date(shown.body.contactDueAt).getTime()).toBeGreaterThan(at('2026-11-26T00:00:00').getTime());
      expect(new Date(shown.body.contactDueAt).getTime()).toBeLessThan(at('2026-11-27T00:00:00').getTime());
    }
    const onThe26th = { dueToday: before.dueToday + 2, receivedToday: before.receivedToday + 1 };
    expect(await today('2026-11-26T10:00:00')).toEqual(onThe26th);
    // 07:30 on the 26th is still the 25th in UTC: the same China day, the same counts.
    expect(await today('2026-11-26T07:30:00')).toEqual(onThe26th);
    // 00:10 on the 27th is still the 26th in UTC: a new China day, nothing received yet.
    expect((await today('2026-11-27T00:10:00')).receivedToday).toBe(0);
    // Contacted, the 26th's matters run on their completion clocks (three working days): no longer due today.
    clock.set(at('2026-11-26T10:30:00'));
    await step(await freshVersion(pastMidnight.id), 'accept', { contactMethod: 'call', complexity: 'complex', note: '已电话联系' });
    expect(await today('2026-11-26T10:40:00')).toEqual({ ...onThe26th, dueToday: onThe26th.dueToday - 1 });
  });

  async function freshVersion(id: number): Promise<{ id: number; version: number }> {
    const shown = await api('GET', `/api/requests/${id}`, leader);
    expect(shown.status).toBe(200);
    return { id, version: shown.body.version };
  }
});
