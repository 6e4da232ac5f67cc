import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How many one-time subscribe messages a person has granted for a template (each acceptance of
 * requestSubscribeMessage is one message). Spent by a send; set to 0 when WeChat answers 43101.
 */
@Entity('subscribe_grant')
@Index('UQ_subscribe_grant', ['personId', 'templateId'], { unique: true })
export class SubscribeGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  personId: number;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
