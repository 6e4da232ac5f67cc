import { Injectable } from '@nestjs/common';
import type { UnitKind } from '@gridloop/domain';
import { DataSource, Repository } from 'typeorm';
import { pathInSpan } from '../access/span-where';
import { rawDate } from '../common/raw-date';
import { OrgUnit } from './org-unit.entity';

export interface KindCount {
  kind: string;
  count: number;
}

/** Reads of the county tree. Spans are path prefixes, so one indexed LIKE covers a subtree. */
@Injectable()
export class OrgUnitRepository {
  private readonly units: Repository<OrgUnit>;

  constructor(private readonly dataSource: DataSource) {
    this.units = dataSource.getRepository(OrgUnit);
  }

  /** Plain SQL: every new matter reads its unit, and TypeORM's building and hydrating cost more than the read. */
  async findById(id: number): Promise<OrgUnit | null> {
    const rows: (Omit<OrgUnit, 'createdAt'> & { createdAt: Date | string })[] = await this.dataSource.query(
      'SELECT id, parentId, kind, name, code, path, createdAt FROM org_unit WHERE id = ?',
      [id],
    );
    const row = rows[0];
    return row ? { ...row, id: Number(row.id), parentId: row.parentId === null ? null : Number(row.parentId), createdAt: rawDate(row.createdAt) } : null;
  }

  /** The unit, if it lies within `span`; otherwise null, exactly as if it did not exist. */
  findInSpan(id: number, span: readonly string[]): Promise<OrgUnit | null> {
    return this.units.createQueryBuilder('u').where('u.id = :id', { id }).andWhere(pathInSpan('u.path', span)).getOne();
  }

  findChildren(parentId: number): Promise<OrgUnit[]> {
    return this.units.find({ where: { parentId }, order: { id: 'ASC' } });
  }

  /** Units under `root` (not itself) whose name contains `text`, by path (a village before its grids); at most `limit`. */
  findByNameUnder(root: OrgUnit, text: string, limit: number): Promise<OrgUnit[]> {
    // '!' escapes: a backslash means different things in MySQL's and SQLite's string literals.
    const like = `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    return this.units
      .createQueryBuilder('u')
      .where('u.path LIKE :prefix AND u.id <> :id', { prefix: `${root.path}%`, id: root.id })
      .andWhere("u.name LIKE :like ESCAPE '!'", { like })
      .orderBy('u.path', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The units with these ids (names for a path). */
  findByIds(ids: readonly number[]): Promise<OrgUnit[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.units.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  findByKind(kind: UnitKind, limit: number, offset: number): Promise<OrgUnit[]> {
    return this.units.find({ where: { kind }, order: { id: 'ASC' }, take: limit, skip: offset });
  }

  async countKindsUnder(unit: OrgUnit): Promise<KindCount[]> {
    const rows = await this.units
      .createQueryBuilder('u')
      .select('u.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .where('u.path LIKE :prefix', { prefix: `${unit.path}%` })
      .andWhere('u.id <> :id', { id: unit.id })
      .groupBy('u.kind')
      .getRawMany<{ kind: string; count: string | number }>();
    return rows.map((row) => ({ kind: row.kind, count: Number(row.count) }));
  }
}
