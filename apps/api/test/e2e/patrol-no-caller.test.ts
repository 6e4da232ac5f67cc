import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V05-L1-S01';

/**
 * Issue #17: a patrol finding (未诉先办) has nobody who raised it; its reporter only stands in the
 * requester column. The answer offers no 拨打 (canCall false) and the call is refused, so a leader
 * is never offered to call himself (hasRequester in packages/domain).
 */
describe(`a patrol finding has nobody to call (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  let leader: string;
  let gridId: number;

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    gridId = (await unitByCode(ds(), GRID)).id;
    leader = await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', GRID);
  });

  it('canCall is false and 拨打 is refused with a Chinese message', async () => {
    const found = await api('POST', '/api/requests/patrol', leader, {
      clientRequestId: randomBytes(12).toString('hex'),
      unitId: gridId,
      category: 'infrastructure',
      dutyType: 'hazard_inspector',
      description: '巷子里的电线垂得太低',
      settledOnSpot: false,
    });
    expect(found.status).toBe(201);
    expect(found.body.canCall).toBe(false);
    const dialled = await api('POST', `/api/requests/${found.body.id}/call`, leader);
    expect([dialled.status, dialled.body.code, dialled.body.field]).toEqual([404, 'NOT_FOUND', 'phone']);
    expect(dialled.body.message).toMatch(/巡查发现/);
  });
});
