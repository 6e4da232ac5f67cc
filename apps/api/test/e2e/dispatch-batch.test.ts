import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

interface Shown {
  id: number;
  version: number;
  handlerUnitId: number;
  timeline: { action: string; note: string | null }[];
}

/**
 * Issue #19, the console's 派单: several matters dispatched at once (dispatchBatch), to one unit or
 * each to its own. Each is a transfer of its own, with its timeline row; one that fails leaves the
 * others done, and the answer lists every item's result.
 */
describe(`batch dispatch (${testDialect()})`, () => {
  const under = useAppUnderTest({ demoLogin: true });
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const ds = () => under.api.app.get(DataSource);
  let townId: number;
  let gridId: number;
  let hotline: string;
  let leader: string;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    townId = (await unitByCode(ds(), 'SG-TT')).id;
    gridId = (await unitByCode(ds(), 'SG-TT-V02-L1-S01')).id;
    hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    leader = await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', 'SG-TT-V02-L1-S01');
  });

  async function importOrders(count: number): Promise<{ id: number; version: number }[]> {
    const orders = Array.from({ length: count }, (_, i) => ({
      orderNo: `BD${randomBytes(6).toString('hex').toUpperCase()}`,
      receivedAt: '2026-11-24T09:12:00+08:00',
      callerName: '王桂兰',
      callerPhone: `1365555${String(1000 + i)}`,
      content: `路灯不亮了，第${i + 1}处`,
      cityDueAt: '2026-12-31T17:30:00+08:00',
    }));
    const imported = await api('POST', '/api/hotline/orders', hotline, { townId, orders });
    expect(imported.status).toBe(200);
    return Promise.all(
      imported.body.orders.map(async (o: { requestId: number }) => {
        const shown = await api('GET', `/api/requests/${o.requestId}`, hotline);
        return { id: shown.body.id as number, version: shown.body.version as number };
      }),
    );
  }
  const show = async (id: number): Promise<Shown> => (await api('GET', `/api/requests/${id}`, hotline)).body;

  it('dispatches each matter in its own step: one that moved on fails alone, with its code and Chinese message', async () => {
    const [a, b, c] = await importOrders(3);
    // c moved on after the desk loaded it: the version sent is stale.
    const moved = await api('POST', `/api/requests/${c!.id}/actions/transfer`, hotline, { version: c!.version, targetUnitId: gridId, note: '先派了这一件' });
    expect(moved.status).toBe(200);
    const before = await api('GET', '/api/requests/dispatch-queue', hotline);
    expect(before.body.map((r: { id: number }) => r.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));

    const res = await api('POST', '/api/requests/dispatch-batch', hotline, {
      targetUnitId: gridId,
      note: '请网格尽快联系来电人',
      items: [a, b, c].map((r) => ({ requestId: r!.id, version: r!.version })),
    });
    expect(res.status).toBe(200);
    expect(res.body.done).toBe(2);
    expect(res.body.failed).toBe(1);
    expect(res.body.items).toEqual([
      { requestId: a!.id, outcome: 'done', version: a!.version + 1 },
      { requestId: b!.id, outcome: 'done', version: b!.version + 1 },
      { requestId: c!.id, outcome: 'failed', code: 'REQUEST_CONFLICT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    ]);
    for (const r of [a!, b!]) {
      const shown = await show(r.id);
      expect(shown.handlerUnitId).toBe(gridId);
      const rows = shown.timeline.filter((e) => e.action === 'transfer');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.note).toMatch(/^转至.+：请网格尽快联系来电人$/);
    }
    // c kept its single transfer: the failed item wrote nothing.
    expect((await show(c!.id)).timeline.filter((e) => e.action === 'transfer')).toHaveLength(1);
    const after = await api('GET', '/api/requests/dispatch-queue', hotline);
    expect(after.body.map((r: { id: number }) => r.id)).not.toEqual(expect.arrayContaining([a!.id]));
    expect(after.body.map((r: { id: number }) => r.id)).not.toContain(b!.id);
    // The grid now has them in its inbox.
    const inbox = await api('GET', '/api/requests/inbox?limit=100', leader);
    expect(inbox.body.map((r: { id: number }) => r.id)).toEqual(expect.arrayContaining([a!.id, b!.id, c!.id]));
  });

  it('refuses the whole batch for a blank note, a unit outside the area, repeats and more than 50 items; nothing is dispatched', async () => {
    const [a] = await importOrders(1);
    const item = { requestId: a!.id, version: a!.version };
    const other = await ds().query(`SELECT id FROM org_unit WHERE kind = 'small_grid' AND code NOT LIKE 'SG-TT%' ORDER BY id LIMIT 1`);
    const cases: [unknown, number, string, string][] = [
      [{ targetUnitId: gridId, note: '  ', items: [item] }, 400, 'VALIDATION_FAILED', 'note'],
      [{ targetUnitId: gridId, note: '派', items: [] }, 400, 'VALIDATION_FAILED', 'items'],
      [{ targetUnitId: gridId, note: '派', items: [item, item] }, 400, 'VALIDATION_FAILED', 'items'],
      [
        { targetUnitId: gridId, note: '派', items: Array.from({ length: 51 }, (_, i) => ({ requestId: i + 1, version: 1 })) },
        400,
        'VALIDATION_FAILED',
        'items',
      ],
    ];
    if (other.length > 0) cases.push([{ targetUnitId: Number(other[0].id), note: '派', items: [item] }, 404, 'NOT_FOUND', 'targetUnitId']);
    for (const [body, status, code, field] of cases) {
      const res = await api('POST', '/api/requests/dispatch-batch', hotline, body);
      expect([res.status, res.body.code, res.body.field]).toEqual([status, code, field]);
    }
    expect((await show(a!.id)).version).toBe(a!.version);
    // Only dispatchers may: a grid leader is refused.
    const refused = await api('POST', '/api/requests/dispatch-batch', leader, { targetUnitId: gridId, note: '派', items: [item] });
    expect(refused.status).toBe(403);
  });

  it('gives each matter its own unit where the item names one; the rest go to the batch’s unit', async () => {
    const [a, b, c] = await importOrders(3);
    const otherGridId = (await unitByCode(ds(), 'SG-TT-V03-L1-S01')).id;
    const department = await unitByCode(ds(), 'SG-TT-D3');
    const res = await api('POST', '/api/requests/dispatch-batch', hotline, {
      targetUnitId: gridId,
      note: '请尽快联系来电人',
      items: [
        { requestId: a!.id, version: a!.version },
        { requestId: b!.id, version: b!.version, targetUnitId: otherGridId },
        { requestId: c!.id, version: c!.version, targetUnitId: department.id },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ done: 3, failed: 0 });
    const names: { id: number; name: string }[] = await ds().query('SELECT id, name FROM org_unit WHERE id IN (?, ?, ?)', [gridId, otherGridId, department.id]);
    const nameOf = (id: number) => names.find((u) => Number(u.id) === id)!.name;
    for (const [r, unitId] of [
      [a!, gridId],
      [b!, otherGridId],
      [c!, department.id],
    ] as const) {
      const shown = await show(r.id);
      expect(shown.handlerUnitId).toBe(unitId);
      expect(shown.timeline.filter((e) => e.action === 'transfer').map((e) => e.note)).toEqual([`转至${nameOf(unitId)}：请尽快联系来电人`]);
    }
    // The department's handler has its one in the inbox; the first grid's leader has only its own.
    const handler = await tokenForRole(ds(), under.api.baseUrl, 'department_handler', 'SG-TT-D3');
    const inbox = (await api('GET', '/api/requests/inbox?limit=100', handler)).body.map((r: { id: number }) => r.id);
    expect(inbox).toContain(c!.id);
    const leaderInbox = (await api('GET', '/api/requests/inbox?limit=100', leader)).body.map((r: { id: number }) => r.id);
    expect(leaderInbox).toContain(a!.id);
    expect(leaderInbox).not.toContain(b!.id);
    expect(leaderInbox).not.toContain(c!.id);
  });

  it('an item’s own unit is checked like the batch’s: outside the area or null refuses the batch; a unit that cannot take it fails that item alone', async () => {
    const [a, b] = await importOrders(2);
    const other = await ds().query(`SELECT id FROM org_unit WHERE kind = 'small_grid' AND code NOT LIKE 'SG-TT%' ORDER BY id LIMIT 1`);
    const large = await unitByCode(ds(), 'SG-TT-V02-L1');
    const first = { requestId: a!.id, version: a!.version };
    const cases: [unknown, number, string, string][] = [
      [{ targetUnitId: gridId, note: '派', items: [{ ...first, targetUnitId: null }] }, 400, 'VALIDATION_FAILED', 'items.0.targetUnitId'],
      [{ targetUnitId: gridId, note: '派', items: [{ ...first, targetUnitId: '1' }] }, 400, 'VALIDATION_FAILED', 'items.0.targetUnitId'],
      [{ targetUnitId: gridId, note: '派', items: [{ ...first, targetUnitId: 0 }] }, 400, 'VALIDATION_FAILED', 'items.0.targetUnitId'],
      [
        { targetUnitId: gridId, note: '派', items: [first, { requestId: b!.id, version: b!.version, targetUnitId: 999_999_999 }] },
        404,
        'NOT_FOUND',
        'items.1.targetUnitId',
      ],
    ];
    if (other.length > 0)
      cases.push([
        { targetUnitId: gridId, note: '派', items: [first, { requestId: b!.id, version: b!.version, targetUnitId: Number(other[0].id) }] },
        404,
        'NOT_FOUND',
        'items.1.targetUnitId',
      ]);
    for (const [body, status, code, field] of cases) {
      const res = await api('POST', '/api/requests/dispatch-batch', hotline, body);
      expect([res.status, res.body.code, res.body.field]).toEqual([status, code, field]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // Nothing went: both still wait.
    expect((await show(a!.id)).version).toBe(a!.version);
    expect((await show(b!.id)).version).toBe(b!.version);

    // A large grid cannot take a matter: that item fails with the single transfer's reason, the other goes.
    const res = await api('POST', '/api/requests/dispatch-batch', hotline, {
      targetUnitId: gridId,
      note: '派',
      items: [first, { requestId: b!.id, version: b!.version, targetUnitId: large.id }],
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { requestId: a!.id, outcome: 'done', version: a!.version + 1 },
      { requestId: b!.id, outcome: 'failed', code: 'VALIDATION_FAILED', message: '只能转给小网格、村、镇直部门或热线办' },
    ]);
    expect((await show(b!.id)).version).toBe(b!.version);
  });

  it('an item the caller may not dispatch fails with its own reason', async () => {
    const res = await api('POST', '/api/requests/dispatch-batch', hotline, {
      targetUnitId: gridId,
      note: '派',
      items: [{ requestId: 999_999_999, version: 1 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ done: 0, failed: 1, items: [{ requestId: 999_999_999, outcome: 'failed', code: 'NOT_FOUND', message: expect.any(String) }] });
  });
});
