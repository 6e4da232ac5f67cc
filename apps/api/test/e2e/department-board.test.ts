import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const at = (text: string) => new Date(`${text}+08:00`);

/**
 * The 镇直部门 board and 周调度 agree (#17): a department holding matters dispatched to it in an
 * earlier month, open past their deadline, receives nothing this month, so it has no composite;
 * the board showed it under 无数据 while the weekly dispatch listed its overdue matters. It is
 * now on the board among 件数不足，不排名 with its 超期未办结, the same count the dispatch gives.
 */
describe(`a department holding overdue matters is on its board (${testDialect()})`, () => {
  const clock = new ManualClock(at('2026-10-09T10:00:00'));
  const under = useAppUnderTest(() => ({ clock, demoLogin: true }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));
  const ds = () => under.api.app.get(DataSource);

  it('shows it with the overdue count of 周调度, not as 无数据', async () => {
    const town = await unitByCode(ds(), 'SG-TT');
    const department = await unitByCode(ds(), 'SG-TT-D5'); // 农业农村办
    const staff = await demoToken(under.api.baseUrl, (await personWithRole(ds(), 'hotline_staff', 'SG-TT')).personId);
    const api = (method: string, path: string, body?: unknown) => call(under.api.baseUrl, method, path, { token: staff, body });
    const orders = [1, 2].map((n) => ({
      orderNo: `SG20261009DB000${n}`,
      receivedAt: at('2026-10-09T09:50:00').toISOString(),
      callerName: '刘大哥',
      callerPhone: `1365555000${n}`,
      content: `大棚的灌溉渠第${n}段堵了`,
      category: 'infrastructure',
      cityDueAt: at('2026-10-14T09:50:00').toISOString(),
      confidential: false,
    }));
    expect([200, 201]).toContain((await api('POST', '/api/hotline/orders', { townId: town.id, orders })).status);
    // Dispatched to the department at once; nobody there contacts the callers.
    clock.set(at('2026-10-09T10:10:00'));
    for (const { orderNo } of orders) {
      const [row]: { id: number }[] = await ds().query('SELECT id FROM request WHERE hotlineOrderNo = ?', [orderNo]);
      const seen = (await api('GET', `/api/requests/${Number(row!.id)}`)).body;
      const moved = await api('POST', `/api/requests/${seen.id}/actions/transfer`, {
        version: seen.version,
        targetUnitId: department.id,
        note: '属农业农村办职责',
      });
      expect(moved.status).toBe(200);
    }

    // November: nothing received by the department this month, both matters still open and overdue.
    clock.set(at('2026-11-03T10:00:00'));
    const weekly = (await api('GET', `/api/reports/weekly-dispatch?townId=${town.id}`)).body;
    const dispatched = weekly.units.find((u: { unitId: number }) => u.unitId === department.id);
    expect(dispatched).toMatchObject({ unitName: '农业农村办', open: 2, overdue: 2 });
    const board = (await call(under.api.baseUrl, 'GET', `/api/public/reports/ranking?townId=${town.id}&month=2026-11&level=department`)).body;
    const row = board.rows.find((r: { unitId: number }) => r.unitId === department.id);
    expect(row).toMatchObject({ received: 0, openOverdue: dispatched.overdue, composite: null, rank: null, unrankedReason: 'too_few' });
    // Departments with no figure at all are still 无数据, after those with figures.
    const reasons: (string | null)[] = board.rows.map((r: { unrankedReason: string | null }) => r.unrankedReason);
    expect(reasons.filter((r) => r === 'no_data').length).toBeGreaterThan(0);
    expect(reasons.indexOf('no_data')).toBeGreaterThan(reasons.lastIndexOf('too_few'));
  });
});
