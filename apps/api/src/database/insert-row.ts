import { EntityManager } from 'typeorm';
import { sqlDateTime } from '../common/raw-date';

/**
 * One plain INSERT of `row` into `table` (our own table and column names, never the caller's
 * input), in either dialect; returns the new row's id. For the writes every step makes: TypeORM's
 * insert builds the statement from metadata and then reads the row's defaults back (a second
 * statement), which the callers do not need: they give every value.
 */
export async function insertRow(manager: EntityManager, table: string, row: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(row);
  const values = columns.map((c) => {
    const value = row[c];
    return value instanceof Date ? sqlDateTime(value) : typeof value === 'boolean' ? Number(value) : value;
  });
  const result: unknown = await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values);
  // MySQL answers a result header, SQLite the last row id.
  return Number(typeof result === 'object' && result !== null ? (result as { insertId: number }).insertId : result);
}
