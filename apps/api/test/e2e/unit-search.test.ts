import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Units by name under a town (转办's search) and any unit's town (红心榜), public and names only (#17). */
describe(`units by name and a unit's town (${testDialect()})`, () => {
  const under = useAppUnderTest();
  beforeAll(() => seedDemoIfEmpty(under.api.app));
  const get = async (path: string) => call(under.api.baseUrl, 'GET', path);
  const search = async (unitId: number, q: string) => (await get(`/api/public/units/${unitId}/search?q=${encodeURIComponent(q)}`)).body;

  it('finds units under the town by part of their name, each with where it lies', async () => {
    const town = await unitByCode(under.api.app.get(DataSource), 'SG-TT');
    expect(await search(town.id, '农业')).toEqual([{ id: expect.any(Number), name: '农业农村办', kind: 'department', within: '' }]);
    const found: { name: string; kind: string; within: string }[] = await search(town.id, '北孙');
    expect(found).toHaveLength(30);
    expect(found[0]).toMatchObject({ name: '北孙村', kind: 'village', within: '' });
    expect(found.find((u) => u.kind === 'large_grid')).toMatchObject({ name: '北孙村东片大网格', within: '北孙村' });
    expect(found.find((u) => u.kind === 'small_grid')).toMatchObject({
      name: expect.stringMatching(/^北孙村东片第\d+网格$/),
      within: '北孙村 · 北孙村东片大网格',
    });
    // LIKE's wildcards are plain characters here; nothing of the other town.
    expect(await search(town.id, '%')).toEqual([]);
    expect(await search(town.id, '_')).toEqual([]);
    expect(await search(town.id, '示范')).toEqual([]);
    expect((await get(`/api/public/units/${town.id}/search?q=`)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'q' });
    expect((await get('/api/public/units/999999/search?q=%E6%9D%91')).status).toBe(404);
  });

  it("answers any unit's town", async () => {
    const ds = under.api.app.get(DataSource);
    const grid = await unitByCode(ds, 'SG-SF-V01-L1-S01');
    expect((await get(`/api/public/units/${grid.id}/town`)).body).toEqual({ id: expect.any(Number), name: '示范镇', kind: 'town' });
    const town = await unitByCode(ds, 'SG-TT');
    expect((await get(`/api/public/units/${town.id}/town`)).body).toEqual({ id: town.id, name: '台头镇', kind: 'town' });
    const county = await unitByCode(ds, 'SG');
    expect((await get(`/api/public/units/${county.id}/town`)).status).toBe(404);
  });
});
