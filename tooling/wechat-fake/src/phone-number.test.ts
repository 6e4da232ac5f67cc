import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { APPID, errcodeOf, fetchAccessToken, postJson, startFake, type Harness } from './testing/harness';

describe('POST /wxa/business/getuserphonenumber (getPhoneNumber)', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await startFake();
  });
  after(() => h.fake.close());
  beforeEach(async () => {
    h.fake.reset();
    token = await fetchAccessToken(h.base);
  });

  const exchange = (body: unknown, accessToken = token) => postJson(`${h.base}/wxa/business/getuserphonenumber?access_token=${accessToken}`, body);

  it('turns a phone code into phone_info with a watermark', async () => {
    const issued = await postJson(`${h.base}/__fake/phone-code`, { phoneNumber: '13800138000' });
    assert.equal(issued.status, 200);
    const code = String(issued.body['code']);
    assert.match(code, /^[0-9a-f]{64}$/);
    const reply = await exchange({ code });
    assert.deepEqual(reply.body, {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { timestamp: Math.floor(h.clock.ms / 1000), appid: APPID },
      },
    });
  });

  it('accepts a phone code once (40029 after), and refuses unknown or missing codes with 40029', async () => {
    const { code } = h.fake.issuePhoneCode('13900001111');
    assert.equal(errcodeOf(await exchange({ code })), 0);
    assert.equal(errcodeOf(await exchange({ code })), 40029);
    assert.equal(errcodeOf(await exchange({ code: 'f'.repeat(64) })), 40029);
    assert.equal(errcodeOf(await exchange({})), 40029);
  });

  it('expires phone codes after codeTtlSeconds', async () => {
    const { code } = h.fake.issuePhoneCode('13900001111');
    h.clock.advanceSeconds(300);
    assert.equal(errcodeOf(await exchange({ code })), 40029);
  });

  it('answers 47001 for a body that is not JSON', async () => {
    assert.equal(errcodeOf(await exchange('code=abc')), 47001);
  });

  it('runs the shared token check first (41001, 40001, 42001) without using the code', async () => {
    const { code } = h.fake.issuePhoneCode('13900001111');
    assert.equal(errcodeOf(await postJson(`${h.base}/wxa/business/getuserphonenumber`, { code })), 41001);
    assert.equal(errcodeOf(await exchange({ code }, 'not-a-token')), 40001);
    h.fake.expireAccessToken();
    assert.equal(errcodeOf(await exchange({ code })), 42001);
    const fresh = await fetchAccessToken(h.base);
    assert.equal(errcodeOf(await exchange({ code }, fresh)), 0);
  });

  it('only issues codes for 11-digit mainland numbers', async () => {
    const bad = await postJson(`${h.base}/__fake/phone-code`, { phoneNumber: '+8613800138000' });
    assert.equal(bad.status, 400);
    assert.throws(() => h.fake.issuePhoneCode('2380013800'), { name: 'ControlInputError' });
  });
});
