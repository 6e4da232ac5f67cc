import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';

/** Every entity, listed once: the app, the migration CLI and the schema-drift test share it. */
export const ENTITIES = [OrgUnit, Person, RoleAssignment];
