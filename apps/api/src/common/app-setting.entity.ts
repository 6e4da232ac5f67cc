import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small values the deployment makes for itself once and every instance shares (e.g. the token signing key). */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 512 })
  value: string;
}
