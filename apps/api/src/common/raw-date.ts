/** A datetime from a raw query: MySQL hands back a Date, SQLite the UTC text TypeORM stored. */
export function rawDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** A datetime as a plain-SQL parameter: UTC text, which both dialects compare and store as TypeORM does. */
export function sqlDateTime(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}
