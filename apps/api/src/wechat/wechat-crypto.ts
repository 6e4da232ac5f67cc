import { createDecipheriv } from 'node:crypto';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';

/**
 * Opens data the mini-program got from WeChat (getGroupEnterInfo, getShareInfo, …) as WeChat
 * specifies: AES-128-CBC with PKCS#7 padding, key = base64(session_key), iv = base64(iv); the
 * plaintext is JSON whose watermark.appid must be our own appid.
 */
export function decryptWechatData(sessionKey: string, encryptedData: string, iv: string, appid: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    const key = Buffer.from(sessionKey, 'base64');
    const ivBytes = Buffer.from(iv, 'base64');
    if (key.length !== 16 || ivBytes.length !== 16) throw new Error('bad key or iv length');
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
    const plain = Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]);
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new AppError(ErrorCode.WechatDecryptFailed, 'encryptedData');
  }
  const data = parsed as { watermark?: { appid?: unknown } } | null;
  if (!data || typeof data !== 'object' || data.watermark?.appid !== appid) {
    throw new AppError(ErrorCode.WechatDecryptFailed, 'encryptedData');
  }
  return data as Record<string, unknown>;
}
