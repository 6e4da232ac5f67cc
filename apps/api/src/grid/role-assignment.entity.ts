import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@gridloop/domain';
import { OrgUnit } from './org-unit.entity';
import { Person } from './person.entity';

/**
 * A person holding a role in a unit. Rows are never deleted: a change of leader ends the old row
 * (`endedAt`) and adds a new one, so a grid keeps its history.
 */
@Entity('role_assignment')
@Index('IDX_role_assignment_person', ['personId'])
@Index('IDX_role_assignment_unit_role', ['unitId', 'role'])
export class RoleAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  person?: Person;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unit?: OrgUnit;

  @CreateDateColumn()
  startedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null;
}
