import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * WeChat's server access token, cached in the database so every API instance shares one
 * (fetching it per instance or per request would burn WeChat's daily quota).
 */
@Entity('wechat_access_token')
export class WechatAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  appid: string;

  @Column({ type: 'varchar', length: 512 })
  accessToken: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime' })
  fetchedAt: Date;
}
