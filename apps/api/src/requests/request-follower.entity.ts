import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A requester whose matter was merged into this one: they see its public progress and hear about
 * it as if it were their own (and their own merged request points here).
 */
@Entity('request_follower')
@Index('UQ_request_follower', ['requestId', 'personId'], { unique: true })
@Index('IDX_request_follower_person', ['personId'])
export class RequestFollower {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @Column({ type: 'int' })
  personId: number;

  /** The merged request that brought them here. */
  @Column({ type: 'int' })
  fromRequestId: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
