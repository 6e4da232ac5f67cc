import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isJsonObject, type JsonObject } from './json';

/** What wx.getShareInfo / wx.getGroupEnterInfo / (legacy) wx.getUserInfo hand to the mini-program. */
export interface EncryptedPayload {
  encryptedData: string;
  iv: string;
}

// WeChat's "open data" scheme: AES-128-CBC with PKCS#7 padding, key = base64-decoded session_key,
// 16-byte iv; everything travels base64-encoded.
const CIPHER = 'aes-128-cbc';

function sessionKeyBytes(sessionKey: string): Buffer {
  const key = Buffer.from(sessionKey, 'base64');
  if (key.length !== 16) throw new RangeError('session_key must be 16 bytes, base64-encoded');
  return key;
}

export function encryptWechatPayload(sessionKey: string, plaintext: string): EncryptedPayload {
  const iv = randomBytes(16);
  const cipher = createCipheriv(CIPHER, sessionKeyBytes(sessionKey), iv);
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
}

/**
 * Decrypts an open-data payload the way a WeChat server must, returning the JSON object inside.
 * Throws on a wrong key (bad padding), a malformed iv, or a plaintext that is not a JSON object;
 * checking `watermark.appid` is left to the caller, as it is in WeChat's own samples.
 */
export function decryptWechatPayload(sessionKey: string, encryptedData: string, iv: string): JsonObject {
  const ivBytes = Buffer.from(iv, 'base64');
  if (ivBytes.length !== 16) throw new RangeError('iv must be 16 bytes, base64-encoded');
  const decipher = createDecipheriv(CIPHER, sessionKeyBytes(sessionKey), ivBytes);
  const plain = Buffer.concat([decipher.update(encryptedData, 'base64'), decipher.final()]).toString('utf8');
  const parsed: unknown = JSON.parse(plain);
  if (!isJsonObject(parsed)) throw new TypeError('decrypted payload is not a JSON object');
  return parsed;
}
