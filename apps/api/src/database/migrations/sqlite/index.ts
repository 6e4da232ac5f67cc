import { InitialSchema1795607637163 } from './1795607637163-InitialSchema';
import { IdentityAndGroups1795608848995 } from './1795608848995-IdentityAndGroups';
import { RosterImport1795609865850 } from './1795609865850-RosterImport';

/** SQLite migrations, oldest first. Add each new file here (see docs/migrations.md). */
export const SQLITE_MIGRATIONS = [InitialSchema1795607637163, IdentityAndGroups1795608848995, RosterImport1795609865850];
