/** A datetime from a raw query: MySQL hands back a Date, SQLite the UTC text TypeORM stored. */
export function rawDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
