import { MYSQL_MIGRATIONS } from './mysql';
import { SQLITE_MIGRATIONS } from './sqlite';

export function migrationsFor(dialect: 'mysql' | 'sqlite') {
  return dialect === 'mysql' ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS;
}
