import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @CreateDateColumn()
  createdAt: Date;
}
