import * as fs from 'node:fs';
import { ConfigError } from './database-url';

/** One token signing key as the deployment gives it: its id (the tokens' `kid`) and its secret. */
export interface SigningKeySetting {
  id: string;
  secret: string;
}

/** Shorter secrets are guessable offline from one token; 32 random characters carry ≥ 190 bits. */
export const MIN_SECRET_LENGTH = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;

/**
 * AUTH_SIGNING_KEYS (`id:key` pairs, comma- or newline-separated) or AUTH_SIGNING_KEYS_FILE (a
 * file of the same, one a line, `#` comments: a mounted secret). The first key signs; all of
 * them verify, so a new key goes first and the old one stays listed until its tokens expired.
 * Neither set: undefined (the database-kept demo key), refused when NODE_ENV=production.
 * Messages name the setting and the key's id, never the key.
 */
export function parseSigningKeys(env: NodeJS.ProcessEnv): SigningKeySetting[] | undefined {
  const inline = env.AUTH_SIGNING_KEYS?.trim() || undefined;
  const file = env.AUTH_SIGNING_KEYS_FILE?.trim() || undefined;
  if (inline && file) throw new ConfigError('AUTH_SIGNING_KEYS_FILE: give the keys one way, AUTH_SIGNING_KEYS or AUTH_SIGNING_KEYS_FILE, not both');
  if (inline) return parseKeyList(inline, 'AUTH_SIGNING_KEYS');
  if (file) return parseKeyList(readKeyFile(file), 'AUTH_SIGNING_KEYS_FILE');
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'AUTH_SIGNING_KEYS: required when NODE_ENV=production (or AUTH_SIGNING_KEYS_FILE): the database-kept key is for the demo only (docs/deployment.md)',
    );
  }
  return undefined;
}

function readKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`AUTH_SIGNING_KEYS_FILE: cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function parseKeyList(text: string, name: string): SigningKeySetting[] {
  const entries = text
    .split(/[,\n]/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (entries.length === 0) throw new ConfigError(`${name}: names no keys`);
  const keys = entries.map((entry) => parseKey(entry, name));
  const ids = keys.map((key) => key.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) throw new ConfigError(`${name}: the id "${repeated}" is used twice`);
  return keys;
}

function parseKey(entry: string, name: string): SigningKeySetting {
  const colon = entry.indexOf(':');
  if (colon < 0) throw new ConfigError(`${name}: each key is id:key (e.g. k2026a:<${MIN_SECRET_LENGTH}+ random characters>)`);
  const id = entry.slice(0, colon).trim();
  const secret = entry.slice(colon + 1).trim();
  if (!KEY_ID.test(id)) throw new ConfigError(`${name}: the id "${id}" must be 1-40 letters, digits, dots, dashes or underscores`);
  if (secret.length < MIN_SECRET_LENGTH || /\s/.test(secret)) {
    throw new ConfigError(
      `${name}: key "${id}" is ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} random ones with no spaces (e.g. openssl rand -base64 48)`,
    );
  }
  return { id, secret };
}
