import { randomBytes } from 'node:crypto';

// Identifiers shaped like WeChat's, so code that checks lengths or character sets behaves as in production.

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** 28 characters: "o" + 27 base64url characters, like oGZUI0egBJY1zhBYw2KhdUfwVJJE. */
export function newOpenid(): string {
  return 'o' + randomBytes(21).toString('base64url').slice(0, 27);
}

/** 16 random bytes, base64: the AES-128 key WeChat hands out as session_key. */
export function newSessionKey(): string {
  return randomBytes(16).toString('base64');
}

/** wx.login codes are 32 alphanumerics and change on every call. */
export function newLoginCode(): string {
  return randomFrom(ALPHANUMERIC, 32);
}

/** getPhoneNumber codes are 64 hex characters. */
export function newPhoneCode(): string {
  return randomBytes(32).toString('hex');
}

/** Real tokens are opaque, ~130 characters of [A-Za-z0-9_-], with a numeric prefix. */
export function newAccessToken(serial: number): string {
  return `${serial}_${randomBytes(96).toString('base64url')}`;
}

/** WeChat request ids ("rid", "trace_id") look like 6129ee10-272863a4-64d75414: unix time in hex, then random. */
export function newRequestId(unixSeconds: number): string {
  const time = unixSeconds.toString(16).padStart(8, '0');
  return `${time}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}
