import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { decryptWechatPayload, encryptWechatPayload } from './index';
import { APPID, loginOverHttp, postJson, startFake, type Harness } from './testing/harness';

// WeChat's own sample for open-data decryption (the brief, from WeChat's demo code).
const OFFICIAL = {
  appId: 'wx4f4bc4dec97d474b',
  sessionKey: 'tiihtNczf5v6AKRyjwEUhQ==',
  iv: 'r7BXXKkLb8qrSNn05n0qiA==',
  encryptedData:
    'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==',
};

/** Decryption written out with node:crypto alone, independent of the package's helper. */
function decryptByHand(sessionKey: string, encryptedData: string, iv: string): unknown {
  const decipher = createDecipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), Buffer.from(iv, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(encryptedData, 'base64'), decipher.final()]).toString('utf8'));
}

describe('open-data encryption (AES-128-CBC, PKCS#7)', () => {
  it("decrypts WeChat's official test vector", () => {
    const data = decryptWechatPayload(OFFICIAL.sessionKey, OFFICIAL.encryptedData, OFFICIAL.iv);
    assert.equal(data['openId'], 'oGZUI0egBJY1zhBYw2KhdUfwVJJE');
    assert.deepEqual(data['watermark'], { timestamp: 1477314187, appid: OFFICIAL.appId });
  });

  it('refuses a wrong key or a malformed iv', () => {
    const wrongKey = Buffer.alloc(16, 7).toString('base64');
    assert.throws(() => decryptWechatPayload(wrongKey, OFFICIAL.encryptedData, OFFICIAL.iv));
    assert.throws(() => decryptWechatPayload(OFFICIAL.sessionKey, OFFICIAL.encryptedData, 'c2hvcnQ='), RangeError);
    assert.throws(() => decryptWechatPayload('c2hvcnQ=', OFFICIAL.encryptedData, OFFICIAL.iv), RangeError);
  });

  it('round-trips through encryptWechatPayload with a fresh iv each time', () => {
    const first = encryptWechatPayload(OFFICIAL.sessionKey, '{"opengid":"G1"}');
    const second = encryptWechatPayload(OFFICIAL.sessionKey, '{"opengid":"G1"}');
    assert.notEqual(first.iv, second.iv);
    assert.deepEqual(decryptWechatPayload(OFFICIAL.sessionKey, first.encryptedData, first.iv), { opengid: 'G1' });
  });

  describe('POST /__fake/encrypt', () => {
    let h: Harness;
    before(async () => {
      h = await startFake();
    });
    after(() => h.fake.close());

    it('encrypts a getGroupEnterInfo payload under a session_key, adding the watermark', async () => {
      const login = await loginOverHttp(h.base);
      const reply = await postJson(`${h.base}/__fake/encrypt`, { session_key: login.session_key, data: { opengid: 'GAbc123' } });
      assert.equal(reply.status, 200);
      const { encryptedData, iv } = reply.body;
      assert.equal(typeof encryptedData, 'string');
      assert.equal(Buffer.from(String(iv), 'base64').length, 16);
      assert.deepEqual(decryptByHand(login.session_key, String(encryptedData), String(iv)), {
        opengid: 'GAbc123',
        watermark: { timestamp: Math.floor(h.clock.ms / 1000), appid: APPID },
      });
    });

    it("encrypts a getShareInfo payload with an openid's latest session key", async () => {
      const login = await loginOverHttp(h.base);
      const relogin = await loginOverHttp(h.base, { openid: login.openid });
      const reply = await postJson(`${h.base}/__fake/encrypt`, { openid: login.openid, data: { openGId: 'GShare9' } });
      const { encryptedData, iv } = reply.body;
      const data = decryptWechatPayload(relogin.session_key, String(encryptedData), String(iv));
      assert.equal(data['openGId'], 'GShare9');
      assert.throws(() => decryptWechatPayload(login.session_key, String(encryptedData), String(iv)));
    });

    it('answers 400 for an unknown openid, a bad key or missing data', async () => {
      assert.equal((await postJson(`${h.base}/__fake/encrypt`, { openid: 'oUnknown000000', data: {} })).status, 400);
      assert.equal((await postJson(`${h.base}/__fake/encrypt`, { session_key: 'c2hvcnQ=', data: {} })).status, 400);
      assert.equal((await postJson(`${h.base}/__fake/encrypt`, { session_key: OFFICIAL.sessionKey })).status, 400);
    });
  });
});
