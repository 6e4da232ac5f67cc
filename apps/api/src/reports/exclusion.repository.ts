import { LOOK_BACK_ACTIONS } from '@gridloop/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rawDate } from '../common/raw-date';

/** A reject or look-back step of an excluded matter, with who took it and the unit handling the matter then. */
export interface DecisionStep {
  requestId: number;
  /** 'reject', or one of LOOK_BACK_ACTIONS. */
  action: string;
  note: string | null;
  actorPersonId: number | null;
  actorName: string | null;
  handlerPath: string | null;
  at: Date;
}

/** A role someone held, where, and when (rows are never deleted, their dates never move). */
export interface HeldRoleRow {
  personId: number;
  role: string;
  unitPath: string;
  startedAt: Date;
  endedAt: Date | null;
}

/** The reads behind the exclusion register (docs/reports.md, "Refused as unreasonable"). */
@Injectable()
export class ExclusionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reject and look-back steps of these matters taken before `end`, in the order taken. */
  async decisionSteps(requestIds: readonly number[], end: Date): Promise<DecisionStep[]> {
    if (requestIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource
      .createQueryBuilder()
      .select(['e.requestId AS "requestId"', 'e.action AS "action"', 'e.note AS "note"', 'e.actorPersonId AS "actorPersonId"', 'e.createdAt AS "at"'])
      .addSelect('p.name', 'actorName')
      .addSelect('hu.path', 'handlerPath')
      .from('request_event', 'e')
      .leftJoin('person', 'p', 'p.id = e.actorPersonId')
      .leftJoin('org_unit', 'hu', 'hu.id = e.handlerUnitId')
      .where('e.requestId IN (:...requestIds) AND e.action IN (:...actions) AND e.createdAt < :end', {
        requestIds,
        actions: ['reject', ...LOOK_BACK_ACTIONS],
        end,
      })
      .orderBy('e.id', 'ASC')
      .getRawMany();
    return rows.map((row) => ({
      requestId: Number(row.requestId),
      action: String(row.action),
      note: row.note === null ? null : String(row.note),
      actorPersonId: row.actorPersonId === null ? null : Number(row.actorPersonId),
      actorName: row.actorName === null ? null : String(row.actorName),
      handlerPath: row.handlerPath === null ? null : String(row.handlerPath),
      at: rawDate(row.at as Date | string),
    }));
  }

  /** Every role these people held or hold, with the unit's path. */
  async rolesOf(personIds: readonly number[]): Promise<HeldRoleRow[]> {
    if (personIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource
      .createQueryBuilder()
      .select(['ra.personId AS "personId"', 'ra.role AS "role"', 'u.path AS "unitPath"', 'ra.startedAt AS "startedAt"', 'ra.endedAt AS "endedAt"'])
      .from('role_assignment', 'ra')
      .innerJoin('org_unit', 'u', 'u.id = ra.unitId')
      .where('ra.personId IN (:...personIds)', { personIds })
      .orderBy('ra.id', 'ASC')
      .getRawMany();
    return rows.map((row) => ({
      personId: Number(row.personId),
      role: String(row.role),
      unitPath: String(row.unitPath),
      startedAt: rawDate(row.startedAt as Date | string),
      endedAt: row.endedAt === null ? null : rawDate(row.endedAt as Date | string),
    }));
  }
}
