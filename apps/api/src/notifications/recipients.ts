import { HANDLER_ROLES, mayHaveFollowers, pathIdAt, type LadderRung } from '@gridloop/domain';
import { EntityManager } from 'typeorm';
import { RequestEntity } from '../requests/request.entity';

/** Person ids holding one of `roles` (now) in one of `unitIds`. */
async function holders(manager: EntityManager, roles: readonly string[], unitIds: readonly number[]): Promise<number[]> {
  if (roles.length === 0 || unitIds.length === 0) return [];
  const rows: { personId: number | string }[] = await manager.query(
    `SELECT DISTINCT personId AS "personId" FROM role_assignment WHERE endedAt IS NULL AND role IN (${roles.map(() => '?').join(', ')}) AND unitId IN (${unitIds.map(() => '?').join(', ')})`,
    [...roles, ...unitIds],
  );
  return rows.map((row) => Number(row.personId));
}

/** The people who handle what is assigned to `handlerUnitId`. */
export function handlersOf(manager: EntityManager, handlerUnitId: number): Promise<number[]> {
  return holders(manager, HANDLER_ROLES, [handlerUnitId]);
}

/** The requester and everyone following the matter (requesters of matters merged into it); a confidential one has no followers. */
export async function requesterAndFollowers(
  manager: EntityManager,
  request: Pick<RequestEntity, 'id' | 'requesterPersonId' | 'confidential'>,
): Promise<number[]> {
  if (!mayHaveFollowers(request)) return [request.requesterPersonId];
  const rows: { personId: number | string }[] = await manager.query('SELECT personId AS "personId" FROM request_follower WHERE requestId = ?', [request.id]);
  return [request.requesterPersonId, ...rows.map((row) => Number(row.personId))];
}

/**
 * Who a rung of the escalation ladder is, for a matter belonging to the unit at `unitPath`: its
 * handlers, or the large-grid head, village secretary or town leader above it, or the staff of its
 * town's hotline office.
 */
export async function rungPeople(manager: EntityManager, rung: LadderRung, request: Pick<RequestEntity, 'handlerUnitId'>, unitPath: string): Promise<number[]> {
  if (rung === 'handler') return handlersOf(manager, request.handlerUnitId);
  const ancestors = unitPath.split('/').filter(Boolean).map(Number);
  if (rung === 'hotline_staff') return hotlineStaffOfTown(manager, unitPath);
  return holders(manager, [rung], ancestors);
}

/** The staff of the hotline office of the town the unit at `unitPath` lies in. */
export async function hotlineStaffOfTown(manager: EntityManager, unitPath: string): Promise<number[]> {
  const townId = pathIdAt(unitPath, 1);
  if (townId === null) return [];
  const offices: { id: number | string }[] = await manager.query(`SELECT id FROM org_unit WHERE parentId = ? AND kind = 'hotline_office'`, [townId]);
  return holders(
    manager,
    ['hotline_staff'],
    offices.map((o) => Number(o.id)),
  );
}
