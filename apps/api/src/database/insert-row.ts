import { EntityManager } from 'typeorm';
import { sqlDateTime } from '../common/raw-date';

/**
 * Plain INSERTs for the writes every step makes, in either dialect. TypeORM's insert builds the
 * statement from metadata and then reads the row's defaults back (a second statement), which the
 * callers do not need: they give every value. Table and column names are ours, never input.
 */

/** One row; returns its new id. */
export async function insertRow(manager: EntityManager, table: string, row: Record<string, unknown>): Promise<number> {
  const result: unknown = await insertRows(manager, table, [row]);
  // MySQL answers a result header, SQLite the last row id.
  return Number(typeof result === 'object' && result !== null ? (result as { insertId: number }).insertId : result);
}

/** Rows with the same columns, in one statement. */
export async function insertRows(manager: EntityManager, table: string, rows: readonly Record<string, unknown>[]): Promise<unknown> {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) return undefined;
  const values = rows.flatMap((row) => columns.map((c) => sqlValue(row[c])));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, values);
}

function sqlValue(value: unknown): unknown {
  return value instanceof Date ? sqlDateTime(value) : typeof value === 'boolean' ? Number(value) : value;
}
