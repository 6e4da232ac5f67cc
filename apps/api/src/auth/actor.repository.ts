import { Injectable } from '@nestjs/common';
import type { Role } from '@gridloop/domain';
import { DataSource } from 'typeorm';
import { Actor } from './actor';

interface ActorRow {
  id: number | string;
  name: string;
  homeUnitId: number | string | null;
  phone: string | null;
  role: string | null;
  unitId: number | string | null;
  unitPath: string | null;
  unitKind: string | null;
  unitName: string | null;
  signedIn?: number | string;
}

/** The person and their current (not ended) roles with the units they are held in: a row per role. */
const ACTOR_SQL = (signInCheck: string) => `
  SELECT p.id, p.name, p.homeUnitId, p.phone, ra.role, ra.unitId, u.path AS unitPath, u.kind AS unitKind, u.name AS unitName${signInCheck}
  FROM person p
  LEFT JOIN role_assignment ra ON ra.personId = p.id AND ra.endedAt IS NULL
  LEFT JOIN org_unit u ON u.id = ra.unitId
  WHERE p.id = ?
  ORDER BY ra.id`;
const ACTOR = ACTOR_SQL('');
/**
 * A sign-in (refresh-token family) counts while it is this person's and none of its tokens is
 * revoked (signed out, or a spent refresh token reused: both revoke every token of the family).
 * One pass over the family's rows: 1 when all are live, 0 when revoked, NULL when the person has
 * no such sign-in (an access token naming a family that never existed, or someone else's).
 */
const SIGNED_IN_ACTOR = ACTOR_SQL(`,
  (SELECT MIN(CASE WHEN t.revokedAt IS NULL THEN 1 ELSE 0 END) FROM refresh_token t WHERE t.familyId = ? AND t.personId = p.id) AS signedIn`);

/**
 * Plain SQL: this runs on every signed-in request (nothing is cached, so a revoked sign-in or a
 * role taken away counts on the very next one), and TypeORM's query building cost more than the read.
 */
@Injectable()
export class ActorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person with their current roles, or null if there is no such person. */
  async load(personId: number): Promise<Actor | null> {
    return toActor(await this.dataSource.query(ACTOR, [personId]));
  }

  /**
   * The caller of a signed-in request, in one statement: null when the person is gone or the
   * sign-in `familyId` is not theirs or was revoked.
   */
  async loadSignedIn(personId: number, familyId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(SIGNED_IN_ACTOR, [familyId, personId]);
    if (rows.length === 0 || Number(rows[0]!.signedIn) !== 1) return null;
    return toActor(rows);
  }
}

function toActor(rows: readonly ActorRow[]): Actor | null {
  const person = rows[0];
  if (!person) return null;
  return new Actor(
    Number(person.id),
    person.name,
    rows.flatMap((row) =>
      row.role === null
        ? []
        : [{ role: row.role as Role, unitId: Number(row.unitId), unitPath: row.unitPath!, unitKind: row.unitKind!, unitName: row.unitName! }],
    ),
    person.homeUnitId === null ? null : Number(person.homeUnitId),
    person.phone,
  );
}
