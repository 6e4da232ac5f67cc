import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { addVillager, demoToken, tokenForRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V03-L1-S01';

/**
 * Whatever form a matter comes in by, the answer to its submission (and to a retry of it) is the
 * matter as the caller reads it back: the same handler and its name, state, clocks and timeline.
 */
describe(`a submission answers with the matter as read back (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });

  let gridId: number;
  let townId: number;
  let labourId: number;
  let leader: string;
  let hotline: string;
  let villager: string;
  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    gridId = (await unitByCode(ds(), GRID)).id;
    townId = (await unitByCode(ds(), 'SG-TT')).id;
    labourId = (await unitByCode(ds(), 'SG-TT-D1')).id;
    leader = await tokenForRole(ds(), under.api.baseUrl, 'grid_leader', GRID);
    hotline = await tokenForRole(ds(), under.api.baseUrl, 'hotline_staff', 'SG-TT');
    villager = await demoToken(under.api.baseUrl, await addVillager(ds(), { name: '钱秀兰', phone: '13655552001' }, gridId));
    // Labour matters go to the town's labour office: the handler is a department, not the grid.
    expect((await api('PUT', `/api/towns/${townId}/category-routes/labour`, hotline, { departmentUnitId: labourId })).status).toBe(200);
  });

  const matter = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: randomBytes(12).toString('hex'),
    category: 'infrastructure',
    description: '村口的桥栏杆松了，小孩上学经过很危险',
    ...overrides,
  });

  const forms: [string, () => string, string, () => Record<string, unknown>][] = [
    ['a villager’s own', () => villager, '/api/requests', () => matter({ unitId: gridId })],
    ['a villager’s own, routed to a department', () => villager, '/api/requests', () => matter({ unitId: gridId, category: 'labour' })],
    [
      '代办 by the grid leader',
      () => leader,
      '/api/requests/on-behalf',
      () => matter({ unitId: gridId, requesterName: '孙大爷', requesterPhone: '13655552002' }),
    ],
    [
      'a call entered by hotline staff',
      () => hotline,
      '/api/requests/on-behalf',
      () => matter({ unitId: gridId, requesterName: '周大妈', requesterPhone: '13655552003' }),
    ],
    [
      'a patrol finding settled on the spot',
      () => leader,
      '/api/requests/patrol',
      () => matter({ unitId: gridId, dutyType: 'hazard_inspector', settledOnSpot: true, result: '已当场加固' }),
    ],
  ];

  it.each(forms)('%s', async (_form, caller, path, body) => {
    const sent = body();
    const first = await api('POST', path, caller(), sent);
    expect(first.status).toBe(201);
    const read = await api('GET', `/api/requests/${first.body.id}`, caller());
    expect(read.status).toBe(200);
    expect(read.body.handlerUnitName).not.toBe('');
    expect(first.body).toEqual(read.body);
    const retry = await api('POST', path, caller(), sent);
    expect(retry.body).toEqual(read.body);
  });
});
