import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppSetting } from '../common/app-setting.entity';
import type { SigningKeySetting } from '../config/signing-keys-config';

const SETTING = 'auth.signing_key';
/** The `kid` of tokens signed with the database-kept demo key. */
export const DATABASE_KEY_ID = 'db';

export interface SigningKey {
  /** Named in each token's header (`kid`), so a token finds its key among several. */
  readonly id: string;
  /**
   * A KeyObject, made once: given the string, jsonwebtoken would first try (and fail) to parse it
   * as a PEM public key on every verify, which cost ~8% of the API's CPU under load.
   */
  readonly secret: KeyObject;
}

/** The deployment's keys: the first signs, every one verifies. */
export class SigningKeys {
  constructor(private readonly keys: readonly SigningKey[]) {
    if (keys.length === 0) throw new Error('no signing key');
  }

  get signing(): SigningKey {
    return this.keys[0]!;
  }

  /** The key a token names, or undefined: a token without a known `kid` is nobody's. */
  byId(kid: unknown): SigningKey | undefined {
    return this.keys.find((key) => key.id === kid);
  }
}

/**
 * The keys given by the deployment (AUTH_SIGNING_KEYS, docs/identity-and-access.md), with nothing
 * secret kept in the database: a demo key kept there earlier is deleted, since anyone who can read
 * the database could sign with it. Without them (the demo), one key made once and kept in the
 * database, so every instance and restart accepts the same tokens with no secret to hand out.
 */
export async function loadSigningKeys(dataSource: DataSource, configured: readonly SigningKeySetting[] | undefined): Promise<SigningKeys> {
  if (configured && configured.length > 0) {
    await dataSource.getRepository(AppSetting).delete({ name: SETTING });
    return new SigningKeys(configured.map((key) => ({ id: key.id, secret: toKeyObject(key.secret) })));
  }
  return new SigningKeys([{ id: DATABASE_KEY_ID, secret: toKeyObject(await databaseKey(dataSource)) }]);
}

function toKeyObject(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

async function databaseKey(dataSource: DataSource): Promise<string> {
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
