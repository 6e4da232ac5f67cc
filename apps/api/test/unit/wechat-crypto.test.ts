import { describe, expect, it } from '@jest/globals';
import { createCipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../src/common/app-error';
import { decryptWechatData } from '../../src/wechat/wechat-crypto';

// WeChat's own sample for its decryption algorithm (see the domain brief).
const APPID = 'wx4f4bc4dec97d474b';
const SESSION_KEY = 'tiihtNczf5v6AKRyjwEUhQ==';
const IV = 'r7BXXKkLb8qrSNn05n0qiA==';
const ENCRYPTED =
  'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==';

function encrypt(sessionKey: string, data: unknown): { encryptedData: string; iv: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

describe('decrypting WeChat data', () => {
  it("opens WeChat's official test vector", () => {
    const data = decryptWechatData(SESSION_KEY, ENCRYPTED, IV, APPID);
    expect(data.openId).toBe('oGZUI0egBJY1zhBYw2KhdUfwVJJE');
    expect((data.watermark as { appid: string }).appid).toBe(APPID);
  });

  it('refuses data watermarked for another mini-program', () => {
    expect(codeOf(() => decryptWechatData(SESSION_KEY, ENCRYPTED, IV, 'wx0000000000000000'))).toBe('WECHAT_DECRYPT_FAILED');
  });

  it.each([
    ['a wrong session key', randomBytes(16).toString('base64'), ENCRYPTED, IV],
    ['a wrong iv', SESSION_KEY, ENCRYPTED, randomBytes(16).toString('base64')],
    ['a short key', 'abc', ENCRYPTED, IV],
    ['garbage data', SESSION_KEY, 'bm90IGVuY3J5cHRlZA==', IV],
    ['empty data', SESSION_KEY, '', IV],
  ])('turns %s into WECHAT_DECRYPT_FAILED, never a 500', (_what, key, data, iv) => {
    expect(codeOf(() => decryptWechatData(key, data, iv, APPID))).toBe('WECHAT_DECRYPT_FAILED');
  });

  it('reads group data in either spelling WeChat uses', () => {
    const key = randomBytes(16).toString('base64');
    for (const payload of [{ openGId: 'GabcDEF' }, { opengid: 'GabcDEF' }]) {
      const { encryptedData, iv } = encrypt(key, { ...payload, watermark: { appid: APPID, timestamp: 1 } });
      expect(decryptWechatData(key, encryptedData, iv, APPID)).toMatchObject(payload);
    }
  });
});
