import { InitialSchema1795607638272 } from './1795607638272-InitialSchema';
import { IdentityAndGroups1795608851640 } from './1795608851640-IdentityAndGroups';
import { RosterImport1795609868545 } from './1795609868545-RosterImport';

/** MySQL/MariaDB migrations, oldest first. Add each new file here (see docs/migrations.md). */
export const MYSQL_MIGRATIONS = [InitialSchema1795607638272, IdentityAndGroups1795608851640, RosterImport1795609868545];
