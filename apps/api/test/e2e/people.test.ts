import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PhoneViewLog } from '../../src/people/phone-view-log.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { demoToken, personWithRole, unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

describe(`personal data (${testDialect()})`, () => {
  const under = useAppUnderTest({ demoLogin: true });
  beforeAll(() => seedDemoIfEmpty(under.api.app));
  const api = (method: string, path: string, token: string) => call(under.api.baseUrl, method, path, { token });

  it('the roster shows leaders’ names with masked phones only', async () => {
    const dataSource = under.api.app.get(DataSource);
    const head = await personWithRole(dataSource, 'large_grid_head', 'SG-TT-V01');
    const res = await api('GET', `/api/units/${head.unitId}/roster`, await demoToken(under.api.baseUrl, head.personId));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(14);
    for (const grid of res.body) {
      expect(grid.leader.phoneMasked).toMatch(/^199\*{4}\d{4}$/);
      expect(JSON.stringify(grid)).not.toMatch(/1990536\d{4}/);
    }
  });

  it('a full number is a separate call, and every view leaves a row naming who saw whose number', async () => {
    const dataSource = under.api.app.get(DataSource);
    const staff = await personWithRole(dataSource, 'hotline_staff', 'SG-TT');
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V07');
    const token = await demoToken(under.api.baseUrl, staff.personId);
    const before = await dataSource.getRepository(PhoneViewLog).countBy({ subjectPersonId: leader.personId });

    const res = await api('GET', `/api/people/${leader.personId}/phone`, token);
    expect(res).toMatchObject({ status: 200, body: { personId: leader.personId, phone: leader.phone } });
    await api('GET', `/api/people/${leader.personId}/phone`, token);

    const rows = await dataSource.getRepository(PhoneViewLog).findBy({ subjectPersonId: leader.personId });
    expect(rows).toHaveLength(before + 2);
    expect(rows.every((row) => row.viewerPersonId === staff.personId && row.viewedAt instanceof Date)).toBe(true);
  });

  it('someone outside the span neither sees the number nor learns the person exists, and nothing is logged', async () => {
    const dataSource = under.api.app.get(DataSource);
    const otherTownStaff = await personWithRole(dataSource, 'hotline_staff', 'SG-SF');
    const leader = await personWithRole(dataSource, 'grid_leader', 'SG-TT-V08');
    const before = await dataSource.getRepository(PhoneViewLog).count();
    const res = await api('GET', `/api/people/${leader.personId}/phone`, await demoToken(under.api.baseUrl, otherTownStaff.personId));
    expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await dataSource.getRepository(PhoneViewLog).count()).toBe(before);
    const village = await unitByCode(dataSource, 'SG-TT-V08');
    expect((await api('GET', `/api/units/${village.id}/roster`, await demoToken(under.api.baseUrl, otherTownStaff.personId))).status).toBe(404);
  });

  it('the demo sign-in offers seeded people from every seat, and signs in as the one picked', async () => {
    const people = (await call(under.api.baseUrl, 'GET', '/api/auth/demo-people')).body as { personId: number; role: string; roleLabel: string }[];
    const roles = new Set(people.map((p) => p.role));
    for (const role of [
      'grid_leader',
      'deputy_grid_leader',
      'large_grid_head',
      'village_secretary',
      'department_handler',
      'hotline_staff',
      'town_leader',
      'county_admin',
    ]) {
      expect(roles).toContain(role);
    }
    const leader = people.find((p) => p.role === 'grid_leader')!;
    expect(leader.roleLabel).toBe('网格巷长');
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/demo-login', { body: { personId: leader.personId } });
    expect(session.body.me).toMatchObject({ id: leader.personId, roles: [{ role: 'grid_leader' }] });
  });
});
