import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

/** Anyone the system knows: a villager, a grid leader, town staff. Roles live in RoleAssignment. */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  /** Mainland mobile number, digits only; the roster matches people by it. */
  @Index('UQ_person_phone', { unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Where a villager lives: the village or small grid chosen by hand or from a bound group. */
  @Column({ type: 'int', nullable: true })
  homeUnitId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'homeUnitId' })
  homeUnit?: OrgUnit;

  @CreateDateColumn()
  createdAt: Date;
}
