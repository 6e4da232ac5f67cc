import { beforeAll, describe, expect, it } from '@jest/globals';
import { WORK_SEARCH_KEYS, workSearch, type WorkSearch } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { importOrder } from '../support/hotline';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, tokenForRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V03-L1-S02';
const QUEUES = { dispatch: '/api/requests/dispatch-queue', lookBack: '/api/requests/look-back-queue', supervision: '/api/requests/overdue' } as const;

type Work = Record<(typeof WORK_SEARCH_KEYS)[number] | keyof typeof QUEUES, number | null> & { day: string };

/**
 * Issue #19: 工作台's every count opens the list of exactly the matters it counts. 待办, 已超时,
 * 即将超时, 今日到期 and 今日新收 open 诉求检索 under the domain's workSearch filter: the count must
 * equal that search's total, paged to the end over HTTP, for hotline staff, a grid leader and a
 * town leader, at moments where each count has something in it. 待派单, 待回看 and 超时督办 open
 * their queues: the count is the queue's length.
 */
describe(`工作台's counts equal the totals of the lists they open (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-24T08:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  let ds: DataSource;
  let leader: string;
  let villager: string;
  let people: { who: string; token: string }[];

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    leader = await demoToken(under.api.baseUrl, seeded.personId);
    villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '钱玉兰', phone: '13800001919' }, seeded.unitId));
    people = [
      { who: 'hotline staff', token: await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT') },
      { who: 'grid leader', token: leader },
      { who: 'town leader', token: await tokenForRole(ds, under.api.baseUrl, 'town_leader', 'SG-TT') },
    ];
  });

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });

  async function submit(when: string): Promise<{ id: number; version: number }> {
    clock.set(at(when));
    const filed = await api('POST', '/api/requests', villager, {
      clientRequestId: randomBytes(12).toString('hex'),
      category: 'environment',
      description: '村口的垃圾箱满了',
    });
    expect(filed.status).toBe(201);
    return filed.body;
  }

  async function step(request: { id: number; version: number }, action: string, body: Record<string, unknown>): Promise<{ id: number; version: number }> {
    const done = await api('POST', `/api/requests/${request.id}/actions/${action}`, leader, { version: request.version, ...body });
    expect([done.status, done.body.code]).toEqual([200, undefined]);
    return done.body;
  }

  /** The search's whole answer for `filter`, page after page by the cursor: how many matters, each once. */
  async function searchTotal(token: string, filter: WorkSearch): Promise<number> {
    const ids = new Set<number>();
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(Object.entries(filter).map(([name, value]) => [name, String(value)]));
      params.set('limit', '7'); // small pages, so the cursor is walked
      if (cursor) params.set('cursor', cursor);
      const page = await api('GET', `/api/requests/search?${params.toString()}`, token);
      expect([page.status, page.body.code]).toEqual([200, undefined]);
      for (const item of page.body.items as { id: number }[]) {
        expect(ids.has(item.id)).toBe(false);
        ids.add(item.id);
      }
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return ids.size;
  }

  /** Each person's counts beside the totals of their lists, as two objects (a difference names the count). */
  async function countsAndLists(): Promise<{ who: string; work: Work }[]> {
    const seen: { who: string; work: Work }[] = [];
    for (const { who, token } of people) {
      const answer = await api('GET', '/api/me/work', token);
      expect(answer.status).toBe(200);
      const work = answer.body as Work;
      const lists: Partial<Record<keyof Work, number | null>> = {};
      for (const key of WORK_SEARCH_KEYS) lists[key] = work[key] === null ? null : await searchTotal(token, workSearch(key, work.day));
      for (const [key, path] of Object.entries(QUEUES) as [keyof typeof QUEUES, string][]) {
        if (work[key] === null) lists[key] = null;
        else {
          const queue = await api('GET', path, token);
          expect(queue.status).toBe(200);
          lists[key] = (queue.body as unknown[]).length;
        }
      }
      const { day: _day, ...counts } = work;
      expect({ who, counts }).toEqual({ who, counts: lists });
      seen.push({ who, work });
    }
    return seen;
  }

  it('on a day with late, nearly late, accepted, resolved and 12345 matters, at two moments and on the next day', async () => {
    const hotline = people[0]!.token;
    await submit('2026-11-24T08:00:00'); // contact due 09:00: late by 09:50
    await submit('2026-11-24T09:00:00'); // contact due 10:00: reminded at 09:45
    const calm = await submit('2026-11-24T09:05:00');
    clock.set(at('2026-11-24T09:10:00'));
    await step(calm, 'accept', { contactMethod: 'call', complexity: 'complex', note: '已电话联系' });
    const simple = await submit('2026-11-24T09:15:00');
    clock.set(at('2026-11-24T09:20:00'));
    await step(simple, 'accept', { contactMethod: 'visit', complexity: 'simple', note: '已上门' }); // due the next working day
    const settled = await submit('2026-11-24T09:25:00');
    const resolved = await step(await step(settled, 'accept', { contactMethod: 'visit', complexity: 'simple', note: '已上门' }), 'resolve', { note: '已清运' });
    expect((await api('POST', `/api/requests/${settled.id}/rating`, villager, { version: resolved.version, rating: 'satisfied' })).status).toBe(200);
    // A 12345 order whose city deadline is this afternoon: 待派单, and due today by the city's clock.
    clock.set(at('2026-11-24T09:30:00'));
    await importOrder(ds, under.api.baseUrl, hotline, {
      orderNo: 'SG20261124001919',
      content: '台头村北路口的路灯坏了',
      receivedAt: at('2026-11-24T09:00:00'),
      cityDueAt: at('2026-11-24T17:00:00'),
    });

    clock.set(at('2026-11-24T09:50:00'));
    const morning = await countsAndLists();
    const grid = morning.find((p) => p.who === 'grid leader')!.work;
    expect(grid).toMatchObject({ day: '2026-11-24', overdue: 1, dueSoon: 1 });
    expect(grid.handling).toBeGreaterThanOrEqual(4);
    const office = morning.find((p) => p.who === 'hotline staff')!.work;
    expect(office.dispatch).toBeGreaterThanOrEqual(1);
    expect(office.lookBack).toBeGreaterThanOrEqual(1);
    expect(office.receivedToday).toBeGreaterThanOrEqual(6);
    expect(office.dueToday).toBeGreaterThanOrEqual(3);
    const town = morning.find((p) => p.who === 'town leader')!.work;
    expect(town.receivedToday).toBe(office.receivedToday);

    // Late in the day more is late: the lists move with the counts.
    clock.set(at('2026-11-24T17:30:00'));
    await countsAndLists();
    // The next morning: nothing received yet, the simple matter due today and nearly late.
    clock.set(at('2026-11-25T08:30:00'));
    const next = await countsAndLists();
    const tomorrow = next.find((p) => p.who === 'grid leader')!.work;
    expect(tomorrow).toMatchObject({ day: '2026-11-25', receivedToday: 0 });
    expect(tomorrow.dueToday).toBeGreaterThanOrEqual(1);
  });

  it('refuses a day that does not exist in runningDueOn with a coded error, and a handling filter other than true', async () => {
    const hotline = people[0]!.token;
    const badDay = await api('GET', '/api/requests/search?runningDueOn=2026-02-30', hotline);
    expect(badDay).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'runningDueOn' } });
    const badFlag = await api('GET', '/api/requests/search?handling=false', hotline);
    expect(badFlag).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
