import { InitialSchema1795607637163 } from './1795607637163-InitialSchema';

/** SQLite migrations, oldest first. Add each new file here (see docs/migrations.md). */
export const SQLITE_MIGRATIONS = [InitialSchema1795607637163];
