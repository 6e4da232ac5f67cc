import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppSetting } from '../common/app-setting.entity';

const SETTING = 'auth.signing_key';

/**
 * The key access tokens are signed with: made once per deployment and kept in the database, so
 * every API instance (and every restart) accepts the same tokens without a secret to hand out.
 */
export async function loadSigningKey(dataSource: DataSource): Promise<string> {
  const settings = dataSource.getRepository(AppSetting);
  const existing = await settings.findOneBy({ name: SETTING });
  if (existing) return existing.value;
  // Two instances starting together: the insert that loses is ignored and both read the winner.
  await settings
    .createQueryBuilder()
    .insert()
    .values({ name: SETTING, value: randomBytes(48).toString('base64url') })
    .orIgnore()
    .execute();
  return (await settings.findOneByOrFail({ name: SETTING })).value;
}
