import { DataSource } from 'typeorm';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { call } from './http';
import { Person } from '../../src/grid/person.entity';
import { RoleAssignment } from '../../src/grid/role-assignment.entity';

export interface SeededPerson {
  personId: number;
  name: string;
  phone: string | null;
  unitId: number;
  unitPath: string;
  unitCode: string;
}

/** The first person (by id) currently holding `role`, optionally in a unit whose code starts with `codePrefix`. */
export async function personWithRole(dataSource: DataSource, role: string, codePrefix = ''): Promise<SeededPerson> {
  const rows: SeededPerson[] = await dataSource.query(
    `SELECT p.id AS "personId", p.name AS "name", p.phone AS "phone", u.id AS "unitId", u.path AS "unitPath", u.code AS "unitCode"
       FROM role_assignment r JOIN person p ON p.id = r.personId JOIN org_unit u ON u.id = r.unitId
      WHERE r.role = ? AND r.endedAt IS NULL AND u.code LIKE ? ORDER BY r.id LIMIT 1`,
    [role, `${codePrefix}%`],
  );
  const row = rows[0];
  if (!row) throw new Error(`no seeded ${role} under ${codePrefix || 'any unit'}`);
  return { ...row, personId: Number(row.personId), unitId: Number(row.unitId) };
}

export async function unitByCode(dataSource: DataSource, code: string): Promise<{ id: number; path: string; kind: string }> {
  const rows: { id: number; path: string; kind: string }[] = await dataSource.query('SELECT id, path, kind FROM org_unit WHERE code = ?', [code]);
  if (!rows[0]) throw new Error(`no unit ${code}`);
  return { ...rows[0], id: Number(rows[0].id) };
}

/** Signs in as a seeded person through the demo login (the app must run with demoLogin on). */
export async function demoToken(baseUrl: string, personId: number): Promise<string> {
  const res = await call(baseUrl, 'POST', '/api/auth/demo-login', { body: { personId } });
  if (res.status !== 200) throw new Error(`demo login for ${personId} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Signs in as the first seeded person holding `role` under `codePrefix` (personWithRole, then demoToken). */
export async function tokenForRole(dataSource: DataSource, baseUrl: string, role: string, codePrefix = ''): Promise<string> {
  return demoToken(baseUrl, (await personWithRole(dataSource, role, codePrefix)).personId);
}

/**
 * The demo county has no villagers: adds one living in `unitId` (a small grid). Holding the
 * villager role puts her on the demo sign-in list. Answers her person id.
 */
export async function addVillager(dataSource: DataSource, who: { name: string; phone: string }, unitId: number): Promise<number> {
  const inserted = await dataSource.getRepository(Person).insert({ name: who.name, phone: who.phone, homeUnitId: unitId });
  const personId = Number(inserted.identifiers[0]?.id);
  await dataSource.getRepository(RoleAssignment).insert({ personId, role: 'villager', unitId, endedAt: null });
  return personId;
}

/** A villager signed in through WeChat (a login code from the fake), her home set to `unitId`: her access token. */
export async function wechatVillager(baseUrl: string, fake: FakeWechat, unitId: number): Promise<string> {
  const session = await call(baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
  if (session.status !== 200) throw new Error(`wechatLogin: ${session.status} ${JSON.stringify(session.body)}`);
  const token = session.body.accessToken as string;
  const home = await call(baseUrl, 'PUT', '/api/me/home-unit', { token, body: { unitId } });
  if (home.status !== 200) throw new Error(`setHomeUnit: ${home.status} ${JSON.stringify(home.body)}`);
  return token;
}

export type TownOfficeSeat = 'leader' | 'hotline' | 'townLeader';

/** A small grid of the seeded 台头镇 with its leader, hotline staff and the town leader, each signed in by the demo sign-in. */
export async function townOfficeAround(
  dataSource: DataSource,
  baseUrl: string,
  gridCode: string,
): Promise<{ gridId: number; people: Record<TownOfficeSeat, SeededPerson>; tokens: Record<TownOfficeSeat, string> }> {
  const people = {
    leader: await personWithRole(dataSource, 'grid_leader', gridCode),
    hotline: await personWithRole(dataSource, 'hotline_staff', 'SG-TT'),
    townLeader: await personWithRole(dataSource, 'town_leader', 'SG-TT'),
  };
  return {
    gridId: (await unitByCode(dataSource, gridCode)).id,
    people,
    tokens: {
      leader: await demoToken(baseUrl, people.leader.personId),
      hotline: await demoToken(baseUrl, people.hotline.personId),
      townLeader: await demoToken(baseUrl, people.townLeader.personId),
    },
  };
}
