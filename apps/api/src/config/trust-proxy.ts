import proxyAddr from 'proxy-addr';
import { ConfigError } from './database-url';

/**
 * Which proxies may say who the client is (Express's `trust proxy`): off (X-Forwarded-For is
 * ignored and the connecting address counts), a number of proxy hops, or proxy addresses.
 */
export type TrustProxy = false | number | string[];

/**
 * TRUST_PROXY: unset or 0 → off; a hop count (1 = the one nginx in front); or a comma-separated
 * list of addresses, CIDR ranges and Express's names (loopback, linklocal, uniquelocal).
 * `true` (trust everyone) is refused: any client could then pick its own address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === '0') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === '')) throw new ConfigError(`TRUST_PROXY: "${raw}" has an empty entry`);
  try {
    // The same parser Express uses, so what boots is what Express will do.
    proxyAddr.compile(entries);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY: ${(error as Error).message} (use a hop count, or proxy addresses/CIDRs and loopback, linklocal, uniquelocal)`);
  }
  return entries;
}
