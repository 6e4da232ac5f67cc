import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { spanCondition, type SqlCondition } from '../access/span-where';
import { rawDate, sqlDateTime } from '../common/raw-date';
import { PhoneViewLog } from './phone-view-log.entity';

/** What an audit reads: a span, and the filters already checked (people within it, days as instants). */
export interface PhoneViewFilter {
  span: readonly string[];
  viewerPersonId?: number;
  subjectPersonId?: number;
  /** [start, end) */
  start?: Date;
  end?: Date;
}

export interface PhoneViewRow {
  id: number;
  viewedAt: Date;
  viewerPersonId: number;
  viewerName: string;
  subjectPersonId: number;
  subjectName: string;
  subjectPhone: string | null;
  requestId: number | null;
}

/**
 * Whether the person in `personColumn` belongs to `span`: they hold a current role in a unit
 * there, or live there (the rule PersonRepository.findInSpan reads one person by).
 */
export function personBelongsTo(personColumn: string, homeColumn: string, span: readonly string[], prefix: string): SqlCondition {
  const role = spanCondition(`${prefix}_ru.path`, span, `${prefix}Role`);
  const home = spanCondition(`${prefix}_home.path`, span, `${prefix}Home`);
  return {
    sql: `(EXISTS (SELECT 1 FROM role_assignment ${prefix}_r INNER JOIN org_unit ${prefix}_ru ON ${prefix}_ru.id = ${prefix}_r.unitId
                   WHERE ${prefix}_r.personId = ${personColumn} AND ${prefix}_r.endedAt IS NULL AND ${role.sql})
           OR EXISTS (SELECT 1 FROM org_unit ${prefix}_home WHERE ${prefix}_home.id = ${homeColumn} AND ${home.sql}))`,
    params: { ...role.params, ...home.params },
  };
}

/**
 * The audit of full-number views (phone_view_log, written on every view and never edited), read
 * within a span: a view is there when its viewer or the person whose number it was belongs to it,
 * so a town leader sees what his town's staff looked at and who looked at his town's people.
 */
@Injectable()
export class PhoneViewAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  count(filter: PhoneViewFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  /** Newest first; `offset` rows skipped, at most `limit`. */
  async page(filter: PhoneViewFilter, offset: number, limit: number): Promise<PhoneViewRow[]> {
    const rows = await this.query(filter)
      .select([
        'l.id AS "id"',
        'l.viewedAt AS "viewedAt"',
        'l.viewerPersonId AS "viewerPersonId"',
        'v.name AS "viewerName"',
        'l.subjectPersonId AS "subjectPersonId"',
        's.name AS "subjectName"',
        's.phone AS "subjectPhone"',
        'l.requestId AS "requestId"',
      ])
      .orderBy('l.viewedAt', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .offset(offset)
      .limit(limit)
      .getRawMany<PhoneViewRow & { viewedAt: Date | string }>();
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      viewedAt: rawDate(row.viewedAt),
      viewerPersonId: Number(row.viewerPersonId),
      subjectPersonId: Number(row.subjectPersonId),
      requestId: row.requestId === null ? null : Number(row.requestId),
    }));
  }

  private query(filter: PhoneViewFilter): SelectQueryBuilder<PhoneViewLog> {
    const viewer = personBelongsTo('v.id', 'v.homeUnitId', filter.span, 'viewer');
    const subject = personBelongsTo('s.id', 's.homeUnitId', filter.span, 'subject');
    const query = this.dataSource
      .getRepository(PhoneViewLog)
      .createQueryBuilder('l')
      .innerJoin('person', 'v', 'v.id = l.viewerPersonId')
      .innerJoin('person', 's', 's.id = l.subjectPersonId')
      .where(`(${viewer.sql} OR ${subject.sql})`, { ...viewer.params, ...subject.params });
    if (filter.viewerPersonId !== undefined) query.andWhere('l.viewerPersonId = :viewerPersonId', { viewerPersonId: filter.viewerPersonId });
    if (filter.subjectPersonId !== undefined) query.andWhere('l.subjectPersonId = :subjectPersonId', { subjectPersonId: filter.subjectPersonId });
    if (filter.start) query.andWhere('l.viewedAt >= :start', { start: sqlDateTime(filter.start) });
    if (filter.end) query.andWhere('l.viewedAt < :end', { end: sqlDateTime(filter.end) });
    return query;
  }
}
