import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { sqlDateTime } from '../../src/common/raw-date';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);
const GRID = 'SG-TT-V03-L1-S02';

interface Intake {
  days: string[];
  series: { source: string; counts: number[] }[];
}

/**
 * Issue #19, 工作台's chart: the last 30 China calendar days' intake by source (getMyRecentIntake),
 * over the caller's span. Checked against the matters this test creates: a baseline first, then
 * each matter must add one to its source on its China day, and nothing outside the window or the span.
 */
describe(`the 30-day intake by source (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-11-26T10:00:00'));
  const under = useAppUnderTest(() => ({ demoLogin: true, clock }));
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  let ds: DataSource;
  let hotline: string;
  let leader: string;
  let villager: string;
  let stranger: string;
  let gridId: number;
  let townId: number;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    gridId = (await unitByCode(ds, GRID)).id;
    townId = (await unitByCode(ds, 'SG-TT')).id;
    hotline = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT');
    leader = await tokenForRole(ds, under.api.baseUrl, 'grid_leader', GRID);
    villager = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '赵玉兰', phone: '13800001919' }, gridId));
    // A villager of another town: their matter is outside the Taitou office's span.
    const [elsewhere] = await ds.query(`SELECT id FROM org_unit WHERE kind = 'small_grid' AND code NOT LIKE 'SG-TT%' ORDER BY id LIMIT 1`);
    stranger = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '钱德福', phone: '13800001920' }, Number(elsewhere.id)));
  });

  async function intake(token = hotline): Promise<Intake> {
    clock.set(at('2026-11-26T10:00:00'));
    const res = await api('GET', '/api/me/intake-30d', token);
    expect(res.status).toBe(200);
    return res.body;
  }
  const own = (token: string) =>
    api('POST', '/api/requests', token, { clientRequestId: randomBytes(12).toString('hex'), category: 'environment', description: '路边堆了垃圾' });
  const onBehalf = (token: string) =>
    api('POST', '/api/requests/on-behalf', token, {
      clientRequestId: randomBytes(12).toString('hex'),
      category: 'other',
      description: '替老人反映：院墙裂了',
      unitId: gridId,
      requesterName: '周大爷',
      requesterPhone: '13800001921',
    });
  async function entered(when: string, enter: () => Promise<{ status: number; body: { code?: string } }>): Promise<void> {
    clock.set(at(when));
    const res = await enter();
    expect([res.status, res.body.code]).toEqual([expect.any(Number), undefined]);
    expect(res.status).toBeLessThan(300);
  }

  it('has 30 China days ending today and a series for every source', async () => {
    const shown = await intake();
    expect(shown.days).toHaveLength(30);
    expect(shown.days[0]).toBe('2026-10-28');
    expect(shown.days[29]).toBe('2026-11-26');
    expect(shown.series.map((s) => s.source)).toEqual(['villager', 'patrol', 'hotline_12345', 'staff', 'proxy']);
    for (const line of shown.series) expect(line.counts).toHaveLength(30);
  });

  it('counts each new matter once, on its China day and under its source, within the span only', async () => {
    const before = await intake();
    // 23:50 on the 24th is 15:50 UTC on the 24th; 00:30 on the 25th is 16:30 UTC on the 24th: a UTC day would put both on the 24th.
    await entered('2026-11-24T23:50:00', () => own(villager));
    await entered('2026-11-25T00:30:00', () => own(villager));
    await entered('2026-11-25T09:00:00', () => onBehalf(leader)); // 代办 by the grid leader
    await entered('2026-11-26T08:00:00', () => onBehalf(hotline)); // a call taken by the hotline office
    await entered('2026-11-26T08:30:00', () =>
      api('POST', '/api/hotline/orders', hotline, {
        townId,
        orders: [1, 2].map((i) => ({
          orderNo: `IN${randomBytes(6).toString('hex').toUpperCase()}`,
          receivedAt: '2026-11-20T09:00:00+08:00',
          callerName: '孙立平',
          callerPhone: `1365555200${i}`,
          content: '小区门口的下水道堵了',
          cityDueAt: '2026-12-31T17:30:00+08:00',
        })),
      }),
    );
    // Not counted: the day before the window (the 27th of October), and another town's matter.
    await entered('2026-10-27T23:59:00', () => own(villager));
    await entered('2026-11-26T09:00:00', () => own(stranger));

    const after = await intake();
    const added = Object.fromEntries(
      after.series.map((line) => {
        const was = before.series.find((s) => s.source === line.source)!.counts;
        const changed: Record<string, number> = {};
        line.counts.forEach((n, i) => {
          if (n !== was[i]) changed[after.days[i]!] = n - was[i]!;
        });
        return [line.source, changed];
      }),
    );
    expect(added).toEqual({
      villager: { '2026-11-24': 1, '2026-11-25': 1 },
      patrol: {},
      // An order counts when it was imported, not when the city took the call.
      hotline_12345: { '2026-11-26': 2 },
      staff: { '2026-11-26': 1 },
      proxy: { '2026-11-25': 1 },
    });
  });

  it('is over the caller’s own span: a grid leader sees his grid’s matters; a villager is refused', async () => {
    const forLeader = await intake(leader);
    const gridPath = (await unitByCode(ds, GRID)).path;
    const total = (shown: Intake) => shown.series.reduce((sum, line) => sum + line.counts.reduce((a, b) => a + b, 0), 0);
    const [row] = await ds.query(
      `SELECT COUNT(*) AS n FROM request r JOIN org_unit u ON u.id = r.unitId JOIN org_unit h ON h.id = r.handlerUnitId
       WHERE (u.path LIKE ? OR h.path LIKE ?) AND r.createdAt >= ? AND r.createdAt < ?`,
      [`${gridPath}%`, `${gridPath}%`, sqlDateTime(at('2026-10-28T00:00:00')), sqlDateTime(at('2026-11-27T00:00:00'))],
    );
    expect(total(forLeader)).toBe(Number(row.n));
    const refused = await api('GET', '/api/me/intake-30d', villager);
    expect(refused.status).toBe(403);
  });
});
