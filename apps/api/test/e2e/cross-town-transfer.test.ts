import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/**
 * Issue #16: a town cannot import a 12345 order another town holds (HOTLINE_ORDER_HELD_ELSEWHERE);
 * when the city re-dispatches it, the county admin transfers it between towns, on the timeline.
 * Town staff cannot move a matter out of their town.
 */
describe(`a 12345 order moved between towns (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let ds: DataSource;
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
  });

  it('town staff may not send it to another town; the county admin may, and the second town then holds it', async () => {
    const [first, second] = [await unitByCode(ds, 'SG-TT'), await unitByCode(ds, 'SG-SF')];
    const secondOffice = await unitByCode(ds, 'SG-SF-HOTLINE');
    const firstStaff = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-TT');
    const secondStaff = await tokenForRole(ds, under.api.baseUrl, 'hotline_staff', 'SG-SF');
    const countyAdmin = await tokenForRole(ds, under.api.baseUrl, 'county_admin', 'SG');
    const orderNo = `12345-${randomBytes(4).toString('hex')}`;
    const order = {
      orderNo,
      receivedAt: '2026-12-07T09:00:00+08:00',
      callerName: '刘淑芬',
      callerPhone: '13655559876',
      content: '桥头路灯不亮',
      category: 'infrastructure',
      cityDueAt: '2026-12-10T17:00:00+08:00',
    };
    const imported = await api('POST', '/api/hotline/orders', firstStaff, { townId: first.id, orders: [order] });
    expect([imported.status, imported.body.created]).toEqual([200, 1]);
    const id = Number(imported.body.orders[0].requestId);
    let request = (await api('GET', `/api/requests/${id}`, firstStaff)).body;

    const byTownStaff = await api('POST', `/api/requests/${id}/actions/transfer`, firstStaff, {
      version: request.version,
      targetUnitId: secondOffice.id,
      note: '市里改派给另一个镇',
    });
    expect([byTownStaff.status, byTownStaff.body.code, byTownStaff.body.field]).toEqual([404, 'NOT_FOUND', 'targetUnitId']);

    const moved = await api('POST', `/api/requests/${id}/actions/transfer`, countyAdmin, {
      version: request.version,
      targetUnitId: secondOffice.id,
      note: '市12345改派至该镇',
    });
    expect([moved.status, moved.body.code]).toEqual([200, undefined]);
    expect(moved.body).toMatchObject({ handlerUnitId: secondOffice.id, unitId: secondOffice.id, state: 'submitted' });
    expect(moved.body.timeline.at(-1)).toMatchObject({ action: 'transfer', note: expect.stringContaining('市12345改派至该镇') });

    // The second town now holds it: its staff open it and dispatch it; the first town's import of it is refused.
    request = (await api('GET', `/api/requests/${id}`, secondStaff)).body;
    expect(request.id).toBe(id);
    const again = await api('POST', '/api/hotline/orders', firstStaff, { townId: first.id, orders: [order] });
    expect([again.status, again.body.code]).toEqual([409, 'HOTLINE_ORDER_HELD_ELSEWHERE']);
    expect(again.body.message).toContain((await ds.query('SELECT name FROM org_unit WHERE id = ?', [second.id]))[0].name);
  });
});
