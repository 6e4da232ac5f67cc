import { DataSource, SelectQueryBuilder } from 'typeorm';
import { unitOrHandlerInSpan } from '../request.repository';

/**
 * The request rows (alias `r`, its unit `u`, its handler `h`) that lie within `span` as the lists
 * count them, by their place or their handler: the base of 工作台's counts and its 30-day chart.
 */
export function requestsWithin(dataSource: DataSource, span: readonly string[]): SelectQueryBuilder<Record<string, unknown>> {
  const inSpan = unitOrHandlerInSpan(span);
  return dataSource
    .createQueryBuilder()
    .from('request', 'r')
    .innerJoin('org_unit', 'u', 'u.id = r.unitId')
    .innerJoin('org_unit', 'h', 'h.id = r.handlerUnitId')
    .where(inSpan.sql, inSpan.params);
}
